// Media types as documents use them: content keys (`application/json`, `application/problem+json`,
// `image/*`, `*/*`) and the `Content-Type`/`Accept` headers of requests and responses.

/** `type/subtype` in lower case, without parameters: `Application/JSON; charset=utf-8` → `application/json`. */
export function essence(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Whether the media type is JSON: `application/json`, any `…/…+json`, with or without parameters. */
export function isJsonMediaType(mediaType: string): boolean {
  const e = essence(mediaType);
  return e === 'application/json' || /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]*\+json$/.test(e);
}

/**
 * The `charset` parameter of a media type, in lower case, quotes removed (`Application/JSON;
 * Charset="UTF-8"` → `utf-8`); undefined when there is none.
 */
export function charsetOf(mediaType: string): string | undefined {
  for (const parameter of mediaType.split(';').slice(1)) {
    const [name, ...rest] = parameter.split('=');
    if (name?.trim().toLowerCase() !== 'charset') continue;
    return rest.join('=').trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase();
  }
  return undefined;
}

/** Whether a charset label names UTF-8 (`utf-8`, and the `utf8` alias the WHATWG Encoding Standard reads as it). */
export const isUtf8Label = (charset: string) => charset === 'utf-8' || charset === 'utf8';

// How well `key` (a content key, possibly with wildcards) matches a concrete essence: higher is
// more specific; undefined when it does not match.
function specificity(key: string, actual: string): number | undefined {
  const k = essence(key);
  if (k === actual) return 3;
  const [type, subtype] = k.split('/');
  const [actualType] = actual.split('/');
  if (subtype === '*' && type === actualType) return 2;
  if (k === '*/*') return 1;
  return undefined;
}

/**
 * The documented content key that `contentType` (a response's `Content-Type`) matches: the exact
 * type beats `type/*`, which beats `*∕*`; parameters and case are ignored. Undefined when none
 * matches, or when `contentType` is missing (then only a `*∕*` key matches).
 */
export function matchMediaType(documented: string[], contentType: string | undefined): string | undefined {
  if (contentType === undefined || contentType.trim() === '') return documented.find((k) => essence(k) === '*/*');
  const actual = essence(contentType);
  let best: { key: string; score: number } | undefined;
  for (const key of documented) {
    const score = specificity(key, actual);
    if (score !== undefined && (!best || score > best.score)) best = { key, score };
  }
  return best?.key;
}

/**
 * The `Accept` header for a request whose expected response documents `documented` content
 * types: the first JSON one, else the first documented one, else `*∕*` (no content documented).
 */
export function chooseAccept(documented: string[]): string {
  return documented.find(isJsonMediaType) ?? documented[0] ?? '*/*';
}
