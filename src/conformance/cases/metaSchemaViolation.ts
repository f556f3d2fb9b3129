/**
 * Whether a schema (with everything it `$ref`s) holds a node the JSON Schema 2020-12 meta-schema
 * rejects (OpenAI's `$recursiveAnchor: true`, a 2019-09 keyword whose 2020-12 reading is a
 * string). The foreign-mode ajv compiles such a schema through `$ref`s without checking each node;
 * Prism inlines the schema, its ajv rejects it, and Prism then validates nothing against it at all
 * (its `validateAgainstSchema` swallows the compile error): a request that breaks any rule of that
 * schema passes, with no `sl-violations`, so a negative case about it cannot be proven on the mock.
 * Each `$ref` target is checked once per document.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { getAtPointer, isObject, refToPointer } from '../../openapi/jsonPointer.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import { VALUE_KEYWORDS } from '../../openapi/valueKeywords.js';

/** Only `validateSchema` is used: the options are Prism's (prism-http 5, validators/utils.js) so it rejects what Prism's ajv rejects. */
const metaAjv = new Ajv2020({ allErrors: true, allowUnionTypes: true, allowMatchingProperties: true, strict: false, logger: false });

/** Per document: `$ref` target pointer → the meta-schema's complaint about that node ('' when none). */
const verdicts = new WeakMap<OpenApiDocument, Map<string, string>>();

/** The meta-schema's first complaint about one schema node (its inline subschemas included), or ''. */
function complaint(node: unknown): string {
  if (!isObject(node) && typeof node !== 'boolean') return '';
  if (metaAjv.validateSchema(node as object) === true) return '';
  const [first] = metaAjv.errors ?? [];
  return first ? `${first.instancePath || '(root)'} ${first.message ?? 'is invalid'}` : 'is invalid';
}

/** `{ pointer, message }` of the first node under `pointer` (through its `$ref`s) the 2020-12 meta-schema rejects, or undefined. */
export function metaSchemaViolation(doc: OpenApiDocument, pointer: string): { pointer: string; message: string } | undefined {
  let known = verdicts.get(doc);
  if (!known) verdicts.set(doc, (known = new Map()));
  const cache = known;
  const seen = new Set<string>();
  const check = (at: string): { pointer: string; message: string } | undefined => {
    if (seen.has(at)) return undefined;
    seen.add(at);
    const node = getAtPointer(doc, at);
    let verdict = cache.get(at);
    if (verdict === undefined) cache.set(at, (verdict = complaint(node)));
    if (verdict !== '') return { pointer: at, message: verdict };
    return refsOf(node).reduce<{ pointer: string; message: string } | undefined>((found, ref) => found ?? check(ref), undefined);
  };
  return check(pointer);
}

/** The local `$ref`s a schema node holds, inline subschemas included, as pointers. */
function refsOf(node: unknown): string[] {
  const refs: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!isObject(value)) return;
    if (typeof value.$ref === 'string' && value.$ref.startsWith('#')) refs.push(refToPointer(value.$ref));
    for (const [key, child] of Object.entries(value)) if (!VALUE_KEYWORDS.has(key) && key !== '$ref' && !key.startsWith('x-')) walk(child);
  };
  walk(node);
  return refs;
}
