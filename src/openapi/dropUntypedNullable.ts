// A 3.1 document that kept 3.0's `nullable` where no `type` stands beside it (OpenAI's
// `{ nullable: true, anyOf: [...] }`). In 3.1 `nullable` is no keyword at all (JSON Schema
// 2020-12 ignores it), but ajv reads it as OpenAPI 3.0's and refuses to compile a schema that has
// it without `type` ("nullable" cannot be used without "type"), failing a valid operation. Such a
// `nullable` is dropped, which changes nothing under 2020-12; beside a `type` it is left to ajv
// (which then also accepts null, as the author meant). Only boolean values are touched, so a
// property named `nullable` is kept.

import { isObject } from './jsonPointer.js';
import { VALUE_KEYWORDS } from './valueKeywords.js';

/** A copy of `doc` without any boolean `nullable` that has no `type` beside it; `doc` itself is not modified. */
export function dropUntypedNullable<T>(doc: T): T {
  let found = false;
  const scan = (node: unknown): void => {
    if (found) return;
    if (Array.isArray(node)) return node.forEach(scan);
    if (!isObject(node)) return;
    if (typeof node.nullable === 'boolean' && node.type === undefined) found = true;
    for (const [key, value] of Object.entries(node)) if (!VALUE_KEYWORDS.has(key)) scan(value);
  };
  scan(doc);
  if (!found) return doc;
  const copy = structuredClone(doc);
  const strip = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(strip);
    if (!isObject(node)) return;
    if (typeof node.nullable === 'boolean' && node.type === undefined) delete node.nullable;
    for (const [key, value] of Object.entries(node)) if (!VALUE_KEYWORDS.has(key)) strip(value);
  };
  strip(copy);
  return copy;
}
