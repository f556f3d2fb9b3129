/**
 * The checks every response gets, in the order they run. A check is one file named by its rule id;
 * target adapters add their own (see targets/), scenarios report `behaviour`.
 */
import { bodyJson } from './body-json.js';
import { bodyDiscriminator } from './body-discriminator.js';
import { bodySchema } from './body-schema.js';
import { bodyUniqueKeys } from './body-unique-keys.js';
import { bodyWriteOnly } from './body-write-only.js';
import type { Check } from './check.js';
import { contentType } from './content-type.js';
import { fieldErrors } from './field-errors.js';
import { headerRequired } from './header-required.js';
import { headerSchema } from './header-schema.js';
import { noContentFraming } from './no-content-framing.js';
import { noStackTrace } from './no-stack-trace.js';
import { statusDocumented } from './status-documented.js';
import { statusExpected } from './status-expected.js';
import { wwwAuthenticate } from './www-authenticate.js';

export const CHECKS: readonly Check[] = [statusDocumented, statusExpected, contentType, noContentFraming, bodyJson, bodyUniqueKeys, bodySchema, bodyDiscriminator, bodyWriteOnly, headerRequired, headerSchema, fieldErrors, noStackTrace, wwwAuthenticate];
