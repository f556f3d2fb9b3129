// Shared helpers for the tests in this folder (not a test file itself).
import { fileURLToPath } from 'node:url';
import { getAtPointer, decodePointer, encodePointer } from '../../src/openapi/jsonPointer.js';
import { loadDocument, type OpenApiDocument } from '../../src/openapi/loadDocument.js';

/** Absolute path of `tests/fixtures/openapi/<name>`. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/openapi/${name}`, import.meta.url));
}

/** Loads `tests/fixtures/openapi/<name>`. */
export function loadFixture(name: string): Promise<OpenApiDocument> {
  return loadDocument(fixturePath(name));
}

/** A deep copy of `doc` with `value` set at `pointer`; throws if the parent isn't there, so a typo can't make a test vacuous. */
export function withValue(doc: OpenApiDocument, pointer: string, value: unknown): OpenApiDocument {
  const copy = structuredClone(doc);
  const tokens = decodePointer(pointer);
  const last = tokens.pop();
  const parent = getAtPointer(copy, encodePointer(tokens));
  if (last === undefined || typeof parent !== 'object' || parent === null) {
    throw new Error(`withValue: no object at ${encodePointer(tokens)}`);
  }
  (parent as Record<string, unknown>)[last] = value;
  return copy;
}
