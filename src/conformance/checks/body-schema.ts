import { directionalErrorsBounded, forDirection } from '../cases/requestDirection.js';
import type { SchemaError } from '../../openapi/schemaValidator.js';
import { getAtPointer } from '../../openapi/jsonPointer.js';
import type { CheckFailure } from '../model.js';
import { MAX_FAILURES_PER_CHECK, notListed, parsedBody, type Check } from './check.js';

/**
 * Answers longer than this (in characters) keep no object or array `instanceValue` in their failures (a scalar is kept): a report
 * holds every failure until it is printed, and a hostile server's 10 MB answer failing at its root
 * kept the whole parsed body (25 MB of objects) alive per case, 3.5 GB over one run.
 */
export const MAX_INSTANCE_VALUE_BODY = 256 * 1024;

/**
 * Answers longer than this (in characters) are checked up to their first schema failure only:
 * ajv keeps every error of a value before any is read, and a hostile 10 MB list of empty items
 * broke its schema 33 million times (10 million took 3.4 GB; 33 million ran out of memory). The
 * failure says the check stopped there. Missing `writeOnly` properties, which an answer may leave
 * out, are no failure: where the first error is one, the answer is checked in full as before.
 */
export const MAX_ALL_ERRORS_BODY = 64 * 1024;

/** The failure that closes a large answer's list: its check stopped at the failure before it. */
const stoppedAtFirst = (): CheckFailure => ({
  rule: 'body-schema',
  message: `… the answer is larger than ${MAX_ALL_ERRORS_BODY / 1024} KiB: its schema check stopped at this first failure (more may follow)`,
});

/** A JSON body is valid against the schema its status and media type document (ajv, 2020-12). */
export const bodySchema: Check = {
  id: 'body-schema',
  description: 'the body is valid against its documented schema',
  appliesTo: (ctx) => parsedBody(ctx) !== undefined && ctx.operation.schemaPointer(ctx.statusKey as string, ctx.mediaType) !== undefined,
  run: (ctx) => {
    const schemaPointer = ctx.operation.schemaPointer(ctx.statusKey as string, ctx.mediaType) as string;
    const body = parsedBody(ctx)?.value;
    const large = ctx.response.bodyText.length > MAX_ALL_ERRORS_BODY;
    let first: SchemaError | undefined;
    if (large) {
      const found = ctx.validator.validateFirst(schemaPointer, body);
      if (found.length === 0) return [];
      const kept = ctx.doc ? forDirection(ctx.validator, ctx.doc, schemaPointer, body, 'response', found) : found;
      // a missing writeOnly property is no failure, and validation stopped at it: read the whole answer after all
      if (kept.length > 0) first = kept[0];
    }
    // A `writeOnly` property a schema requires is not expected in a response.
    // Only the failures listed are made (a hostile body can break its schema millions of times).
    const { errors, total } = first ? { errors: [first], total: 1 } : ctx.doc
      ? directionalErrorsBounded(ctx.validator, ctx.doc, schemaPointer, body, 'response', MAX_FAILURES_PER_CHECK)
      : ctx.validator.validateBounded(schemaPointer, body, MAX_FAILURES_PER_CHECK);
    const small = ctx.response.bodyText.length <= MAX_INSTANCE_VALUE_BODY;
    const listed: CheckFailure[] = errors.map((error) => {
      const value = valueAt(body, error.instancePath);
      // a scalar costs nothing to keep; an object or array of a large answer may be most of it
      const keep = small || value === null || typeof value !== 'object';
      return {
        rule: 'body-schema' as const,
        message: `body${error.instancePath || ''} ${error.message}${detail(error)}`,
        instancePath: error.instancePath || '/',
        expected: `a body valid against ${schemaPointer}`,
        ...(keep ? { instanceValue: value } : {}),
      };
    });
    if (first) return [...listed, stoppedAtFirst()];
    return total > listed.length ? [...listed, notListed('body-schema', total - listed.length)] : listed;
  },
};

/** What an ajv error's params add to its message: the allowed values, the unknown property, the oneOf branches that all matched. */
function detail(error: { keyword: string; params: Record<string, unknown> }): string {
  if (error.keyword === 'enum') return ` (${JSON.stringify(error.params.allowedValues)})`;
  if (error.keyword === 'additionalProperties') return ` ('${String(error.params.additionalProperty)}')`;
  const passing = error.params.passingSchemas;
  if (error.keyword === 'oneOf' && Array.isArray(passing) && passing.length > 1) {
    const branches = passing.length === 2 ? `${passing[0]} and ${passing[1]}` : `${passing.slice(0, -1).join(', ')} and ${passing[passing.length - 1]}`;
    return ` (it matches oneOf branches ${branches}, which overlap: a defect of the document)`;
  }
  return '';
}

/** The value at an ajv instance path (`/a/0/b`, `''` for the whole body). */
function valueAt(body: unknown, instancePath: string): unknown {
  return instancePath === '' ? body : getAtPointer(body, `#${instancePath}`);
}
