/**
 * Discriminator tags (OpenAPI 3.1 §4.8.25): the property whose value names the schema an object
 * is, through `mapping` or a component's own name. openapi-sampler knows no discriminator, so a
 * tag typed `string` is sampled as the text "string", which names no schema: a server that
 * dispatches on the tag (what the keyword is for) refuses such a body, and the suite would call
 * that refusal of a valid request the server's fault. Here a sampled value gets, at each tagged
 * object, the first tag that names a schema the object is valid against.
 */
import { getOwn, setOwn } from '../../core/ownMember.js';
import { childPointer, getAtPointer, isObject, refToPointer } from '../../openapi/jsonPointer.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import type { SchemaValidator } from '../../openapi/schemaValidator.js';
import { documentStates } from '../checks/documentStates.js';
import { directionalErrors, type Direction } from './requestDirection.js';
import { createSchemaWalker, forEachSpot } from './schemaWalk.js';

const COMPONENT = /^#\/components\/schemas\/([^/]+)$/;

/**
 * The schema a discriminator names for `tag`: its `mapping` entry (a `$ref` or a component
 * name), else the component schema of that name. Undefined when neither is in the document: a
 * tag the document cannot resolve is left to `oneOf`/`anyOf` validation.
 */
export function discriminatedSchema(doc: OpenApiDocument, discriminator: Record<string, unknown>, tag: string): string | undefined {
  const mapping = isObject(discriminator.mapping) ? discriminator.mapping : {};
  const named = Object.hasOwn(mapping, tag) ? mapping[tag] : undefined;
  let pointer: string;
  if (typeof named === 'string') {
    if (named.startsWith('#')) pointer = refToPointer(named);
    else if (/^[A-Za-z0-9._-]+$/.test(named)) pointer = childPointer('#/components/schemas', named);
    else return undefined; // another file: the bundled document no longer names it so
  } else pointer = childPointer('#/components/schemas', tag);
  return getAtPointer(doc, pointer) === undefined ? undefined : pointer;
}

/** The component name a `$ref` to `#/components/schemas/<name>` gives, if it is one. */
function componentName(ref: unknown): string | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  const match = COMPONENT.exec(refToPointer(ref));
  return match ? match[1]!.replaceAll('~1', '/').replaceAll('~0', '~') : undefined;
}

/**
 * The tags a discriminator of the schema at `pointer` can take, in the document's order: its
 * `mapping` keys, then the component names of its `oneOf`/`anyOf` branches, then those of the
 * components that extend it through `allOf` (the inheritance OpenAPI 3.0 documents use).
 */
function candidateTags(doc: OpenApiDocument, schema: Record<string, unknown>, pointer: string, discriminator: Record<string, unknown>): string[] {
  const tags = new Set<string>(isObject(discriminator.mapping) ? Object.keys(discriminator.mapping) : []);
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      const name = isObject(branch) ? componentName(branch.$ref) : undefined;
      if (name !== undefined) tags.add(name);
    }
  }
  const components = doc.components?.schemas;
  if (COMPONENT.test(pointer) && isObject(components)) {
    for (const [name, component] of Object.entries(components)) {
      const parts = isObject(component) && Array.isArray(component.allOf) ? component.allOf : [];
      if (parts.some((part) => isObject(part) && typeof part.$ref === 'string' && part.$ref.startsWith('#') && refToPointer(part.$ref) === pointer)) tags.add(name);
    }
  }
  return [...tags];
}

/**
 * A copy of `value` (valid against the schema at `pointer` for `direction`) whose every tagged
 * object names, by its tag, a schema it is valid against: where the tag names none, or one the
 * object breaks, the first candidate tag that does and leaves the whole value valid is written.
 * A tag no candidate can replace is left as it was; so is `value` where no schema has a discriminator.
 */
export function withDiscriminatorTags(validator: SchemaValidator, doc: OpenApiDocument, pointer: string, value: unknown, direction: Direction): unknown {
  if (!documentStates(doc, 'discriminator') || value === null || typeof value !== 'object') return value;
  const errorsAgainst = (target: string, at: unknown) => {
    try {
      return directionalErrors(validator, doc, target, at, direction);
    } catch {
      return [{}]; // a target ajv cannot compile alone is not one to write
    }
  };
  const copy = structuredClone(value);
  const spots: { instancePath: string; propertyName: string; discriminator: Record<string, unknown>; tags: string[] }[] = [];
  forEachSpot(createSchemaWalker(validator, doc), pointer, copy, ({ instancePath, value: at, facets }) => {
    if (!isObject(at)) return;
    for (const { schema, pointer: schemaPointer } of facets) {
      const d = schema.discriminator;
      if (!isObject(d) || typeof d.propertyName !== 'string') continue;
      const tag = getOwn(at, d.propertyName);
      const named = typeof tag === 'string' ? discriminatedSchema(doc, d, tag) : undefined;
      if (named !== undefined && errorsAgainst(named, at).length === 0) continue;
      spots.push({ instancePath, propertyName: d.propertyName, discriminator: d, tags: candidateTags(doc, schema, schemaPointer, d) });
    }
  });
  for (const spot of spots) {
    const object = getAtPointer(copy, `#${spot.instancePath}`);
    if (!isObject(object)) continue;
    const had = Object.hasOwn(object, spot.propertyName);
    const before = getOwn(object, spot.propertyName);
    const fits = spot.tags.find((tag) => {
      const named = discriminatedSchema(doc, spot.discriminator, tag);
      if (named === undefined) return false;
      setOwn(object, spot.propertyName, tag);
      return errorsAgainst(named, object).length === 0 && errorsAgainst(pointer, copy).length === 0;
    });
    if (fits !== undefined) setOwn(object, spot.propertyName, fits);
    else if (had) setOwn(object, spot.propertyName, before);
    else delete object[spot.propertyName];
  }
  return copy;
}
