/**
 * Where a document's objects have the wrong type for OpenAPI (a `paths` that is a list, an
 * operation that is a string, `parameters` as a map, `required: "true"`), found by
 * @redocly/openapi-core's `struct` rule. The suite reads such a part as absent (or, in a schema,
 * fails it as not compiling), so a run quietly tested less than the document seems to say: each
 * is one line for people, naming the pointer.
 * Only type mismatches are kept; the rule's other findings (a missing `description`, an unknown
 * field, `nullable` without `type`) change nothing the suite reads and are common in public
 * documents, and so does a wrong type in prose, tags or the document's info (Meilisearch's
 * `externalDocs.description: null`), or where the loader repairs it (a 3.1 document's boolean
 * `exclusiveMinimum`). A property or component that happens to be named `description` is read
 * like any other.
 */
import type { NormalizedProblem } from '@redocly/openapi-core';

/** Lines listed; past them one more says how many were left out. */
export const MAX_STRUCTURE_NOTES = 5;

/** Where the suite reads nothing (the document's info, its tags and external docs): a wrong type there changes no case. */
const UNREAD_ROOT = /^#\/(?:info|tags|externalDocs)(?:\/|$)/;
/** A keyword of prose (`description`, `summary`) or of `externalDocs`, as the struct rule names the type it expects there. */
const PROSE = /\/(?:description|summary)$/;
/**
 * Keywords the loader repairs before the suite reads them: a 3.1 document's boolean
 * `exclusiveMinimum` (3.0's form) is read as 3.0 means it (booleanExclusiveBounds.ts), and a 3.0
 * document is upgraded to 3.1 (upgradeDocument.ts).
 */
const REPAIRED = /\/(?:exclusiveMinimum|exclusiveMaximum)$/;

function unread(pointer: string, expected: string): boolean {
  if (UNREAD_ROOT.test(pointer) || REPAIRED.test(pointer)) return true;
  if (expected === 'ExternalDocs' || /\/externalDocs\/(?:url|description)$/.test(pointer)) return true;
  return expected === 'string' && PROSE.test(pointer);
}

const TYPE_MISMATCH = /^Expected type `([^`]+)`(?: \((array|object)\))? but got `([^`]+)`\.?$/;

/** The notes of `problems` (the `struct` rule's), at most MAX_STRUCTURE_NOTES and a count of the rest. */
export function structureNotes(problems: readonly NormalizedProblem[]): string[] {
  const lines: string[] = [];
  for (const problem of problems) {
    if (problem.ruleId !== 'struct') continue;
    const mismatch = TYPE_MISMATCH.exec(problem.message);
    if (!mismatch) continue;
    const [, expected, kind, got] = mismatch;
    const pointer = problem.location[0]?.pointer ?? '#/';
    if (unread(pointer, expected as string)) continue;
    lines.push(`the document's ${pointer} is ${article(got as string)} ${got}, where OpenAPI expects ${kind ? `${article(kind)} ${kind} (${expected})` : `${article(expected as string)} ${expected}`}: the suite cannot use it as written`);
  }
  if (lines.length <= MAX_STRUCTURE_NOTES) return lines;
  return [...lines.slice(0, MAX_STRUCTURE_NOTES), `… and ${lines.length - MAX_STRUCTURE_NOTES} more parts of the document of the wrong type, not listed`];
}

/** The note on a local `$ref` (at `pointer`, the `$ref` member) that names nothing in the document. */
export function danglingRefNote(pointer: string, ref: string): string {
  return `the document's ${pointer} is ${ref}, which names nothing in the document: an operation that needs it fails, naming it, and the others are run`;
}

/** The pointer a note of structureNotes (or danglingRefNote) names (undefined for the count of those left out). */
export function structureNotePointer(note: string): string | undefined {
  return /^the document's (#\S*) is /.exec(note)?.[1];
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');
