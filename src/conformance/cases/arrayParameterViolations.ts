/**
 * Negative values for an array parameter (`?status=a&status=b`, `X-Tags: a,b`): the array of
 * strings a server reads, each item coerced as its schema's type (`coerceParameter`), broken one
 * constraint at a time by `deriveSchemaViolations` (an item's enum, pattern, type or bound,
 * `maxItems`…). `uniqueItems` is not broken: a repeated value (`?status=open&status=open`) reads
 * as one to many servers, and to Prism, so such a case would not break one rule for certain. A mutation is kept only when it reads back as exactly the value
 * that breaks the rule, or as a value that still breaks that rule at that item: every item a
 * non-empty scalar (`12345` for a string item reads back as the valid `'12345'` and is dropped), with no comma
 * (a separator in the `simple` and `form` styles) and no whitespace around it.
 */
import { coerceParameter } from '../../core/coerceParameter.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import type { SchemaValidator } from '../../openapi/schemaValidator.js';
import { deriveSchemaViolations, type Violation } from './deriveSchemaViolations.js';
import { ABSENT, createSchemaWalker, parameterReadTypes } from './schemaWalk.js';

const SCALAR = new Set(['string', 'number', 'boolean']);

/** Mutated copies of `items` (a valid array parameter value), each an array of strings to send; `[]` when the value is not an array of scalars. */
export function arrayParameterViolations(validator: SchemaValidator, doc: OpenApiDocument, schemaPointer: string, items: unknown[]): Violation[] {
  if (!items.every((item) => SCALAR.has(typeof item))) return [];
  const walker = createSchemaWalker(validator, doc);
  const itemTypes = parameterReadTypes(walker.itemFacets(walker.facets(schemaPointer, items), 0, ABSENT));
  const read = (texts: string[]) => texts.map((text) => coerceParameter(itemTypes, text));
  const typed = read(items.map(String));
  if (validator.validate(schemaPointer, typed).length > 0) return [];
  return deriveSchemaViolations(validator, doc, schemaPointer, typed).flatMap((v) => {
    if (v.keyword === 'uniqueItems') return [];
    if (!Array.isArray(v.value) || v.value.length === 0 || !v.value.every((item) => SCALAR.has(typeof item))) return [];
    const texts = v.value.map(String);
    if (texts.some((text) => text === '' || text.includes(',') || text.trim() !== text)) return [];
    // Read back as the server reads it: kept when that is the mutated value, or still breaks the
    // same rule at the same item (`1.5` for an integer item reads back as the text '1.5', which is no integer either).
    const back = read(texts);
    const sameRule = (keyword: string) => keyword === v.keyword || (v.keyword === 'integer' && keyword === 'type');
    if (JSON.stringify(back) !== JSON.stringify(v.value) && !validator.validate(schemaPointer, back).some((e) => e.instancePath === v.instancePath && sameRule(e.keyword))) return [];
    return [{ ...v, field: '', value: texts }];
  });
}
