/**
 * Prism's `sl-violations` response header: a JSON array of the violations it found in the
 * request, or, when long, `Too many violations! [ … ]` (the array after the prefix, possibly cut
 * short). Both forms give the violations that parse.
 */
export interface PrismViolation {
  location: string[];
  message?: string;
}

export function parseSlViolations(header: string | undefined): PrismViolation[] {
  if (!header) return [];
  const start = header.indexOf('[');
  if (start < 0) return [];
  const text = header.slice(start);
  try {
    return toViolations(JSON.parse(text));
  } catch {
    // Cut short: keep every complete object of the array.
    const found: PrismViolation[] = [];
    let depth = 0;
    let from = -1;
    let inString = false;
    for (let i = 1; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') inString = true;
      else if (c === '{') {
        if (depth === 0) from = i;
        depth++;
      } else if (c === '}') {
        depth--;
        if (depth === 0 && from >= 0) {
          try {
            found.push(...toViolations([JSON.parse(text.slice(from, i + 1))]));
          } catch {
            /* not one complete object: skipped */
          }
        }
      }
    }
    return found;
  }
}

function toViolations(value: unknown): PrismViolation[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((v): v is { location?: unknown; message?: unknown } => typeof v === 'object' && v !== null)
    .map((v) => ({ location: Array.isArray(v.location) ? v.location.map(String) : [], ...(typeof v.message === 'string' ? { message: v.message } : {}) }));
}
