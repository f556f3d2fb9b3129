/**
 * The JSON Schema dialect a schema is written in. OpenAPI 3.1 lets a document choose one for all
 * its schemas (`jsonSchemaDialect`) and a schema choose its own (`$schema`); the suite validates
 * with JSON Schema 2020-12, OpenAPI 3.1's default. A schema in another dialect (draft-04's boolean
 * `exclusiveMinimum`, say) would be read by the wrong rules, so it is found here and the
 * operation is reported as untestable instead of failed for a "defect" it does not have.
 */
import { childPointer, getAtPointer, isObject, refToPointer } from './jsonPointer.js';
import type { OpenApiDocument } from './loadDocument.js';
import { VALUE_KEYWORDS } from './valueKeywords.js';

/** JSON Schema 2020-12 and OpenAPI 3.1's own dialects (which are 2020-12 with OpenAPI's vocabulary). */
const KNOWN = /^(https?:\/\/json-schema\.org\/draft\/2020-12\/schema|https:\/\/spec\.openapis\.org\/oas\/3\.1\/dialect\/[\w.-]+)#?$/;

export interface ForeignDialect {
  uri: string;
  /** Where it is declared: `#/jsonSchemaDialect` or the schema holding `$schema`. */
  pointer: string;
}

/** The first dialect other than 2020-12 the schema at `pointer` is written in (following its `$ref`s), or undefined. */
export function foreignDialect(doc: OpenApiDocument, pointer: string): ForeignDialect | undefined {
  const root = getAtPointer(doc, pointer);
  const seen = new Set<string>();
  const stack: [unknown, string][] = [[root, pointer]];
  while (stack.length > 0) {
    const [node, at] = stack.pop()!;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${at}/${i}`]);
      continue;
    }
    if (!isObject(node)) continue;
    if (typeof node.$schema === 'string' && !KNOWN.test(node.$schema)) return { uri: node.$schema, pointer: at };
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#')) {
      const target = refToPointer(node.$ref);
      if (!seen.has(target)) {
        seen.add(target);
        stack.push([getAtPointer(doc, target), target]);
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (!VALUE_KEYWORDS.has(key) && key !== '$ref') stack.push([value, childPointer(at, key)]);
    }
  }
  if (isObject(root) && typeof root.$schema === 'string') return undefined; // its own, known, dialect
  const declared = (doc as { jsonSchemaDialect?: unknown }).jsonSchemaDialect;
  if (typeof declared === 'string' && !KNOWN.test(declared)) return { uri: declared, pointer: '#/jsonSchemaDialect' };
  return undefined;
}
