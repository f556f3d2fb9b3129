/**
 * Wording that does not belong in a partner-facing reference: talk about the "seed" pages this
 * project started from, about "the page" or "this document" and its choices. Partners read the
 * descriptions as the vendor's own reference; the reasons behind the contract's choices belong in
 * openapi/README.md ("Decisions") or an `x-` extension the docs do not render.
 */

/** Each rule: a name for reports and the pattern that finds the wording (case-insensitive). */
export const INTERNAL_WORDING: readonly { name: string; pattern: RegExp }[] = [
  { name: 'seed', pattern: /\bseeds?\b/i },
  { name: 'the page', pattern: /\bthe page\b/i },
  { name: "a page's example", pattern: /\bpage's\s+(?:example|request|response|table|notes?)\b/i },
  { name: 'a named page', pattern: /\b(?:delete|patch|revoke|list|get|influencer|read|seed|reference)\s+pages?\b/i },
  { name: 'this document', pattern: /\bth(?:is|e) document\b/i },
  { name: "the document's choice", pattern: /\bdocument's\b/i },
  { name: 'illustrative', pattern: /\billustrative\b/i },
];

/** One finding: where (JSON pointer of the string) and which rule matched what. */
export interface WordingFinding {
  pointer: string;
  rule: string;
  match: string;
}

/** Keys whose string values a reader sees in the rendered reference. */
const PROSE_KEYS = new Set(['title', 'summary', 'description']);

/** Every rule match in `text`. */
export function findInternalWordingInText(text: string): { rule: string; match: string }[] {
  return INTERNAL_WORDING.flatMap(({ name, pattern }) => {
    const m = pattern.exec(text);
    return m ? [{ rule: name, match: m[0] }] : [];
  });
}

/**
 * Every `title`, `summary` and `description` string of `doc` (at any depth, examples' summaries
 * included; `x-` extensions are skipped, since the docs do not render them) that has such wording.
 */
export function findInternalWording(doc: unknown): WordingFinding[] {
  const found: WordingFinding[] = [];
  const walk = (value: unknown, pointer: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${pointer}/${i}`));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith('x-')) continue;
      const at = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (typeof child === 'string' && PROSE_KEYS.has(key)) {
        for (const f of findInternalWordingInText(child)) found.push({ pointer: at, ...f });
      } else {
        walk(child, at);
      }
    }
  };
  walk(doc, '#');
  return found;
}
