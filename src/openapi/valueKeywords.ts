/** Schema keywords whose value is data, never a schema: a walk over schemas does not descend into them. */
export const VALUE_KEYWORDS: ReadonlySet<string> = new Set(['example', 'examples', 'default', 'const', 'enum']);
