// A 3.1 document that kept 3.0's `nullable` where no `type` stands beside it (OpenAI's
// `{ nullable: true, anyOf: [...] }`). In 3.1 `nullable` is no keyword at all (JSON Schema
// 2020-12 ignores it), but ajv reads it as OpenAPI 3.0's and refuses to compile a schema that has
// it without `type` ("nullable" cannot be used without "type"), failing a valid operation. Such a
// `nullable` is dropped, which changes nothing under 2020-12; beside a `type` it is left to ajv
// (which then also accepts null, as the author meant). Only boolean values are touched, so a
// property named `nullable` is kept.

import { rewriteWhere } from './rewriteWhere.js';

/** A copy of `doc` without any boolean `nullable` that has no `type` beside it; `doc` itself is not modified. */
export function dropUntypedNullable<T>(doc: T): T {
  return rewriteWhere(
    doc,
    (node) => typeof node.nullable === 'boolean' && node.type === undefined,
    (node) => void delete node.nullable,
  );
}
