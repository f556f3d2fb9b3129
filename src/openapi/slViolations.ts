// Prism's `sl-violations` response header: the validation problems it found in a request (or, in
// proxy mode, a response). Short lists are a JSON array; long ones are sent as
// `Too many violations! [ … ]`, and the array may be cut off.

/** One violation Prism reports. */
export interface SlViolation {
  /** Where: `['request', 'body', 'name']`, `['request', 'query', 'limit']`… */
  location: string[];
  message: string;
  code: string;
  /** Prism's severity: `Error`, `Warning`, `Information` or `Hint` (as sent). */
  severity: string;
}

function toViolation(value: unknown): SlViolation | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.message !== 'string') return undefined;
  const location = Array.isArray(v.path) ? v.path : Array.isArray(v.location) ? v.location : [];
  const severity = typeof v.severity === 'string' ? v.severity : typeof v.severity === 'number' ? ['Error', 'Warning', 'Information', 'Hint'][v.severity] ?? String(v.severity) : '';
  return { location: location.map(String), message: v.message, code: v.code === undefined ? '' : String(v.code), severity };
}

/**
 * The violations in an `sl-violations` header value, in both of its forms: a JSON array, or the
 * same after a text prefix such as `Too many violations! `. When the array is cut off, every
 * complete entry before the cut is returned. `[]` for an absent or empty header or one with no
 * array in it.
 */
export function parseSlViolations(header: string | null | undefined): SlViolation[] {
  if (!header) return [];
  const start = header.indexOf('[');
  if (start < 0) return [];
  const text = header.slice(start);
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return parsed.map(toViolation).filter((v): v is SlViolation => v !== undefined);
  } catch {
    // cut off or otherwise broken: read entry by entry below
  }
  return completeEntries(text).map(toViolation).filter((v): v is SlViolation => v !== undefined);
}

// Each top-level `{…}` of a JSON array that parses, scanning with string and escape awareness
// so that braces inside messages don't count.
function completeEntries(text: string): unknown[] {
  const out: unknown[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let entryStart = -1;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 0 && c === '{') entryStart = i;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0 && c === '}' && entryStart >= 0) {
        try {
          out.push(JSON.parse(text.slice(entryStart, i + 1)));
        } catch {
          // not JSON after all: skip it
        }
        entryStart = -1;
      }
      if (depth < 0) break; // the closing `]` of the array
    }
  }
  return out;
}

/** The problem object of an answer Prism made itself (`application/problem+json` whose `type` is `type`), or undefined. */
export function prismProblem(bodyText: string, type: string): Record<string, unknown> | undefined {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  return typeof body === 'object' && body !== null && (body as Record<string, unknown>).type === type ? (body as Record<string, unknown>) : undefined;
}

/** The problem type of the 422 Prism makes up when an operation documents no 400 or 422. */
const PRISM_UNPROCESSABLE = 'https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY';

/**
 * The violations of the 422 Prism makes up for an invalid request to an operation that documents
 * no validation response (`application/problem+json` whose `validation` lists them, located as
 * `['path', 'resource']`: given here as `['request', 'path', 'resource']`, like the header's).
 * Undefined when the answer is not that 422.
 */
export function prismOwnRejection(status: number, bodyText: string): SlViolation[] | undefined {
  if (status !== 422) return undefined;
  const body = prismProblem(bodyText, PRISM_UNPROCESSABLE);
  if (!body) return undefined;
  const validation = body.validation;
  return (Array.isArray(validation) ? validation : [])
    .map(toViolation)
    .filter((v): v is SlViolation => v !== undefined)
    .map((v) => (v.location[0] === 'request' ? v : { ...v, location: ['request', ...v.location] }));
}
