import { isDeepStrictEqual } from 'node:util';
import { directionalErrors } from '../../cases/requestDirection.js';
import { asPrismReadsIt } from './asPrismReadsIt.js';
import { heldExample, heldSpotExample, invalidSchemaExamples } from './invalidSchemaExamples.js';
import { writeOnlySpots } from '../../checks/body-write-only.js';
import { discriminatorMismatches } from '../../checks/body-discriminator.js';
import { parsedBody, type Check, type CheckContext } from '../../checks/check.js';
import { childPointer, isObject, resolveRef } from '../../../openapi/jsonPointer.js';
import { errorInWords } from '../../../openapi/schemaValidator.js';

/** The documented examples of the answer's media type (`example`, each of `examples`, its schema's), with their pointers. */
function documentedExamples(ctx: CheckContext): { pointer: string; value: unknown }[] {
  const response = ctx.statusKey ? ctx.operation.response(ctx.statusKey) : undefined;
  const content = response?.value.content;
  if (!response || !ctx.mediaType || !isObject(content) || !isObject(content[ctx.mediaType])) return [];
  const mediaPointer = childPointer(response.pointer, 'content', ctx.mediaType);
  const media = content[ctx.mediaType] as Record<string, unknown>;
  const found: { pointer: string; value: unknown }[] = [];
  if (media.example !== undefined) found.push({ pointer: childPointer(mediaPointer, 'example'), value: media.example });
  if (isObject(media.examples) && ctx.doc) {
    for (const [name, raw] of Object.entries(media.examples)) {
      const resolved = resolveRef(ctx.doc, raw, childPointer(mediaPointer, 'examples', name));
      if (isObject(resolved.value) && resolved.value.value !== undefined) found.push({ pointer: childPointer(resolved.pointer, 'value'), value: resolved.value.value });
    }
  }
  // Without one, Prism answers the schema's own example (`examples[0]`, or 3.0's `example`), and
  // for an allOf, the example of a member (it merges the members, their examples with them).
  if (ctx.doc && media.schema !== undefined) {
    const doc = ctx.doc;
    const seen = new Set<string>();
    const schemaExamples = (raw: unknown, at: string): void => {
      const schema = resolveRef(doc, raw, at);
      if (!isObject(schema.value) || seen.has(schema.pointer)) return;
      seen.add(schema.pointer);
      if (Array.isArray(schema.value.examples)) schema.value.examples.forEach((value, index) => found.push({ pointer: childPointer(schema.pointer, 'examples', index), value }));
      if (schema.value.example !== undefined) found.push({ pointer: childPointer(schema.pointer, 'example'), value: schema.value.example });
      if (Array.isArray(schema.value.allOf)) schema.value.allOf.forEach((member, index) => schemaExamples(member, childPointer(schema.pointer, 'allOf', index)));
    };
    schemaExamples(media.schema, childPointer(mediaPointer, 'schema'));
  }
  // and each as Prism answers it, the `$ref`s inside it replaced by what they name.
  const doc = ctx.doc;
  if (doc === undefined) return found;
  return found.flatMap((e) => {
    const read = asPrismReadsIt(doc, e.value);
    return read === undefined ? [e] : [e, { pointer: e.pointer, value: read }];
  });
}

/**
 * The mock answers the document's own examples. When the body it sent is one of them and that
 * example breaks its schema, the body-schema failures are the document's defect, not the
 * implementation's nor the suite's: this says so, naming the example's pointer.
 */
export const documentExample: Check = {
  id: 'document-example',
  description: "the mock's body is not a documented example that breaks its own schema",
  appliesTo: (ctx) => parsedBody(ctx) !== undefined && ctx.statusKey !== undefined && ctx.mediaType !== undefined && ctx.operation.schemaPointer(ctx.statusKey, ctx.mediaType) !== undefined,
  run: (ctx) => {
    const body = parsedBody(ctx)?.value;
    const schemaPointer = ctx.operation.schemaPointer(ctx.statusKey as string, ctx.mediaType) as string;
    const errorsOf = (value: unknown) => (ctx.doc ? directionalErrors(ctx.validator, ctx.doc, schemaPointer, value, 'response') : ctx.validator.validate(schemaPointer, value));
    const example = documentedExamples(ctx).find((e) => isDeepStrictEqual(e.value, body));
    if (!example) {
      if (!ctx.doc) return [];
      const held = heldExample(body, invalidSchemaExamples(ctx.validator, ctx.doc, schemaPointer));
      if (!held) {
        // Walked only for a body that breaks its schema: a valid one holds no invalid example.
        const spot = errorsOf(body).length > 0 ? heldSpotExample(ctx.validator, ctx.doc, schemaPointer, body) : undefined;
        if (!spot) return [];
        return [{
          rule: 'document-example',
          message: `the mock's body holds the document's own example ${spot.pointer} (at body${spot.at}), which is invalid against its schema (${spot.words}): a defect of the document, not of the server or the suite`,
          expected: `examples valid against their schemas`,
        }];
      }
      return [{
        rule: 'document-example',
        message: `the mock's body holds the document's own example ${held.example.pointer} (at body${held.at}), which is invalid against its schema (${held.example.words}): a defect of the document, not of the server or the suite`,
        expected: `examples valid against their schemas`,
      }];
    }
    // A response example holding a writeOnly property is the document's defect too (body-write-only fails it).
    const wrong = [
      ...errorsOf(example.value).map(errorInWords),
      ...(ctx.doc ? writeOnlySpots(ctx.validator, ctx.doc, schemaPointer, example.value).map((at) => `${at} is writeOnly, which a response does not carry`) : []),
      // and one the schema its discriminator tag names rejects (body-discriminator fails it; ajv reads the tag as an annotation).
      ...(ctx.doc ? discriminatorMismatches(ctx.validator, ctx.doc, schemaPointer, example.value).map((f) => f.message) : []),
    ];
    if (wrong.length === 0) return [];
    const words = wrong.slice(0, 3).join('; ');
    return [{
      rule: 'document-example',
      message: `the mock answered the document's own example ${example.pointer}, which is invalid against its schema (${words}): a defect of the document, not of the server or the suite`,
      expected: `an example valid against ${schemaPointer}`,
    }];
  },
};
