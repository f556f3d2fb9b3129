// A 3.1 document that kept 3.0's boolean `exclusiveMinimum`/`exclusiveMaximum` (OpenAI's
// `{ type: number, minimum: 0, exclusiveMinimum: true }`). Under JSON Schema 2020-12 the keyword
// takes a number, so the schema does not compile and its operations could not be tested at all.
// Its author meant 3.0's reading, "greater than the minimum", and that is how it is read: the
// bound moves into the keyword, as the 3.0 upgrade does (upgradeDocument.ts).

import { isObject } from './jsonPointer.js';
import { upgradeExclusiveBound } from './upgradeDocument.js';
import { VALUE_KEYWORDS } from './valueKeywords.js';

const hasBooleanBound = (node: Record<string, unknown>) => typeof node.exclusiveMinimum === 'boolean' || typeof node.exclusiveMaximum === 'boolean';

/** Every object of `doc` that holds a boolean exclusive bound, walked without recursion. */
function withBooleanBounds(doc: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    if (!isObject(node)) continue;
    if (hasBooleanBound(node)) found.push(node);
    for (const [key, value] of Object.entries(node)) if (!VALUE_KEYWORDS.has(key)) stack.push(value);
  }
  return found;
}

/** A copy of `doc` with each boolean exclusive bound in its 2020-12 form; `doc` itself when there is none. */
export function numericExclusiveBounds<T>(doc: T): T {
  if (withBooleanBounds(doc).length === 0) return doc;
  const copy = structuredClone(doc);
  for (const schema of withBooleanBounds(copy)) {
    upgradeExclusiveBound(schema, 'exclusiveMinimum', 'minimum');
    upgradeExclusiveBound(schema, 'exclusiveMaximum', 'maximum');
  }
  return copy;
}
