// OpenAPI 3.0's `nullable: true` says "this value may also be null", and the documents' authors
// and their code generators (which merge allOf members into one type) read it so wherever it
// stands. JSON Schema's combinators, which the upgrade to 3.1 hands it to, read it more narrowly:
// - allOf is a conjunction: a property nullable in one member but typed without null in another
//   member (often the shared properties a request extends, behind a `$ref`) admits no null at all
//   (OpenAI's `top_logprobs: null`), and neither does `allOf: [{ $ref }, { nullable: true }]`;
// - oneOf wants exactly one branch: null matches two nullable branches, so it matches none.
// This pass, run on the document as written (3.0, or 3.1 keeping a leftover `nullable`), before
// any other conversion, makes null pass there and changes nothing else: the other members of
// such an allOf get the property as `anyOf: [<it>, { type: 'null' }]` (a member behind a `$ref`
// is copied in with that change, the component itself left alone), and an allOf or oneOf whose
// member says `nullable: true` at its top becomes `anyOf: [<it>, { type: 'null' }]`. A 3.1
// document's own `type: [..., 'null']` is JSON Schema's and keeps its meaning.

import { isObject } from './jsonPointer.js';
import { VALUE_KEYWORDS } from './valueKeywords.js';

type Schema = Record<string, unknown>;
const NULL_BRANCH = { type: 'null' };

/** A copy of `doc` read as above; `doc` itself when nothing in it needs it. */
export function nullableAcrossCombinators<T>(doc: T): T {
  if (!hasNullable(doc)) return doc;
  const copy = structuredClone(doc);
  const resolve = (schema: unknown): Schema | undefined => {
    let current = schema;
    for (let hops = 0; hops < 32 && isObject(current) && typeof current.$ref === 'string'; hops++) {
      const ref = current.$ref;
      if (!ref.startsWith('#/')) return undefined;
      current = ref.slice(2).split('/').reduce<unknown>((node, token) => (isObject(node) ? node[token.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined), copy);
    }
    return isObject(current) && typeof current.$ref !== 'string' ? current : undefined;
  };
  const declaresNull = (schema: unknown) => resolve(schema)?.nullable === true;

  /** The property names a schema declares nullable, directly or through its allOf members (and `$ref`s). */
  const nullableProperties = (schema: unknown, seen = new Set<unknown>()): Set<string> => {
    const s = resolve(schema);
    const names = new Set<string>();
    if (!s || seen.has(s)) return names;
    seen.add(s);
    if (isObject(s.properties)) for (const [name, property] of Object.entries(s.properties)) if (declaresNull(property)) names.add(name);
    if (Array.isArray(s.allOf)) for (const member of s.allOf) for (const name of nullableProperties(member, seen)) names.add(name);
    return names;
  };

  /** `schema` with property `name` also admitting null wherever it (or its allOf members) declares it; the same object when nothing changes. */
  const relax = (schema: unknown, name: string, depth = 0): unknown => {
    const s = resolve(schema);
    if (!s || depth > 16) return schema;
    let out: Schema | undefined;
    const properties = s.properties;
    if (isObject(properties) && properties[name] !== undefined && !declaresNull(properties[name])) {
      out = { ...s, properties: { ...properties, [name]: { anyOf: [properties[name], NULL_BRANCH] } } };
    }
    if (Array.isArray(s.allOf)) {
      const members = s.allOf.map((m) => relax(m, name, depth + 1));
      if (members.some((m, i) => m !== (s.allOf as unknown[])[i])) out = { ...(out ?? s), allOf: members };
    }
    if (!out) return schema;
    // A `$ref` member is replaced by its relaxed copy; the annotations beside the `$ref` are kept.
    if (isObject(schema) && typeof schema.$ref === 'string') {
      const { $ref: _ref, ...siblings } = schema;
      return { ...out, ...siblings };
    }
    return out;
  };

  const visit = (node: unknown, inSchema: boolean): unknown => {
    if (Array.isArray(node)) return node.map((item) => visit(item, inSchema));
    if (!isObject(node)) return node;
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-') || (inSchema && VALUE_KEYWORDS.has(key)) || (!inSchema && (key === 'example' || key === 'examples'))) continue;
      node[key] = visit(value, inSchema || key === 'schema' || key === 'schemas');
    }
    if (!inSchema) return node;
    let out: Schema = node;
    if (Array.isArray(out.allOf)) {
      const members = out.allOf;
      const names = new Set(members.flatMap((m) => [...nullableProperties(m)]));
      let relaxed = members;
      for (const name of names) relaxed = relaxed.map((m) => relax(m, name));
      if (relaxed.some((m, i) => m !== members[i])) out = { ...out, allOf: relaxed };
      if (members.some(declaresNull)) return { anyOf: [out, NULL_BRANCH] };
    }
    if (Array.isArray(out.oneOf) && out.oneOf.filter(declaresNull).length > 1) return { anyOf: [out, NULL_BRANCH] };
    return out;
  };
  return visit(copy, false) as T;
}

function hasNullable(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasNullable);
  if (!isObject(node)) return false;
  if (node.nullable === true) return true;
  return Object.entries(node).some(([key, value]) => !VALUE_KEYWORDS.has(key) && hasNullable(value));
}
