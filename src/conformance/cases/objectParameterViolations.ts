/**
 * Negative values for an object parameter (`?status=open&limit=10`, `X-Range: from,1,to,9`): the
 * object of scalars a server reads, each property coerced as its schema's type
 * (`coerceParameter`), broken one constraint at a time by `deriveSchemaViolations` (a required
 * property left out, a property's type, enum, pattern or bound, an unknown property where none is
 * allowed). As with arrays, a mutation is kept only when it reads back as exactly the value that
 * breaks the rule, or one that still breaks it at that property: every value a non-empty scalar
 * without the styles' separators (`,` `=` `&`) or whitespace around it.
 */
import { coerceParameter } from '../../core/coerceParameter.js';
import { isObject } from '../../openapi/jsonPointer.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import type { SchemaValidator } from '../../openapi/schemaValidator.js';
import { deriveSchemaViolations, type Violation } from './deriveSchemaViolations.js';
import { ABSENT, createSchemaWalker, parameterReadTypes } from './schemaWalk.js';

const SCALAR = new Set(['string', 'number', 'boolean']);

/** Mutated copies of `object` (a valid object parameter value), each an object of strings to send; `[]` when the value is not an object of scalars. */
export function objectParameterViolations(validator: SchemaValidator, doc: OpenApiDocument, schemaPointer: string, object: Record<string, unknown>): Violation[] {
  if (!Object.values(object).every((v) => SCALAR.has(typeof v))) return [];
  const walker = createSchemaWalker(validator, doc);
  const facets = walker.facets(schemaPointer, object);
  const read = (texts: Record<string, string>) =>
    Object.fromEntries(Object.entries(texts).map(([k, text]) => [k, coerceParameter(parameterReadTypes(walker.propertyFacets(facets, k, ABSENT)), text)]));
  const typed = read(Object.fromEntries(Object.entries(object).map(([k, v]) => [k, String(v)])));
  if (validator.validate(schemaPointer, typed).length > 0) return [];
  return deriveSchemaViolations(validator, doc, schemaPointer, typed).flatMap((v) => {
    if (!isObject(v.value) || !Object.values(v.value).every((item) => SCALAR.has(typeof item))) return [];
    const texts = Object.fromEntries(Object.entries(v.value).map(([k, item]) => [k, String(item)]));
    if (Object.entries(texts).some(([k, text]) => text === '' || /[,=&]/.test(text + k) || text.trim() !== text)) return [];
    const back = read(texts);
    const sameRule = (keyword: string) => keyword === v.keyword || (v.keyword === 'integer' && keyword === 'type');
    if (JSON.stringify(back) !== JSON.stringify(v.value) && !validator.validate(schemaPointer, back).some((e) => e.instancePath === v.instancePath && sameRule(e.keyword))) return [];
    return [{ ...v, field: '', value: texts }];
  });
}
