/**
 * Contract facts a slice answers with, read from its loaded document instead of a second copy:
 * named response examples (messages and codes) and the `const` a status's schema pins on a field.
 * Each throws naming what is missing, so a slice that needs a fact the document lacks stops at start.
 */
import type { LoadedApi } from '../../core/loadApi.js';
import { getAtPointer, isObject, resolveRef } from '../../openapi/jsonPointer.js';

/** The named example `name` of `operationId`'s `status` response. */
export function documentedExample(api: LoadedApi, operationId: string, status: string, name: string): unknown {
  const operation = api.operation(operationId);
  const example = operation.namedExamples(status)[name];
  if (example === undefined) throw new Error(`${api.name}: ${operationId} documents no ${status} example '${name}'`);
  return example;
}

/** Every named example of `status` responses across the document's operations, by name (first seen wins). */
export function examplesOfStatus(api: LoadedApi, status: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const op of api.operations) {
    if (!op.statuses().includes(status)) continue;
    for (const [name, value] of Object.entries(op.namedExamples(status))) if (!(name in out)) out[name] = value;
  }
  return out;
}

/**
 * The `const` a schema pins at `path` (property names, e.g. `['error', 'code']`), looking through
 * `$ref` and `allOf`; `undefined` when none is pinned.
 */
export function pinnedConst(api: LoadedApi, schema: unknown, pointer: string, path: string[]): unknown {
  const { value, pointer: at } = resolveRef(api.doc, schema, pointer);
  if (!isObject(value)) return undefined;
  if (path.length === 0) return 'const' in value ? value.const : undefined;
  const [head, ...rest] = path as [string, ...string[]];
  const props = value.properties;
  if (isObject(props) && props[head] !== undefined) {
    const found = pinnedConst(api, props[head], `${at}/properties/${head}`, rest);
    if (found !== undefined) return found;
  }
  if (Array.isArray(value.allOf)) {
    for (const [i, part] of value.allOf.entries()) {
      const found = pinnedConst(api, part, `${at}/allOf/${i}`, path);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * Status → the value every JSON response schema of that status pins at `path` (e.g. an error code),
 * over all operations. Throws when two responses of one status pin different values.
 */
export function pinnedByStatus(api: LoadedApi, path: string[]): Map<number, unknown> {
  const out = new Map<number, unknown>();
  for (const op of api.operations) {
    for (const status of op.statuses()) {
      if (!/^\d{3}$/.test(status)) continue;
      const pointer = op.schemaPointer(status);
      if (!pointer) continue;
      const value = pinnedConst(api, getAtPointer(api.doc, pointer), pointer, path);
      if (value === undefined) continue;
      const seen = out.get(Number(status));
      if (seen !== undefined && seen !== value) throw new Error(`${api.name}: ${status} responses pin ${path.join('.')} to both ${JSON.stringify(seen)} and ${JSON.stringify(value)} (${op.operationId})`);
      out.set(Number(status), value);
    }
  }
  return out;
}
