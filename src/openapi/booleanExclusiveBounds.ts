// A 3.1 document that kept 3.0's boolean `exclusiveMinimum`/`exclusiveMaximum` (OpenAI's
// `{ type: number, minimum: 0, exclusiveMinimum: true }`). Under JSON Schema 2020-12 the keyword
// takes a number, so the schema does not compile and its operations could not be tested at all.
// Its author meant 3.0's reading, "greater than the minimum", and that is how it is read: the
// bound moves into the keyword, as the 3.0 upgrade does (upgradeDocument.ts).

import { rewriteWhere } from './rewriteWhere.js';
import { upgradeExclusiveBound } from './upgradeDocument.js';

/** A copy of `doc` with each boolean exclusive bound in its 2020-12 form; `doc` itself when there is none. */
export function numericExclusiveBounds<T>(doc: T): T {
  return rewriteWhere(
    doc,
    (node) => typeof node.exclusiveMinimum === 'boolean' || typeof node.exclusiveMaximum === 'boolean',
    (schema) => {
      upgradeExclusiveBound(schema, 'exclusiveMinimum', 'minimum');
      upgradeExclusiveBound(schema, 'exclusiveMaximum', 'maximum');
    },
  );
}
