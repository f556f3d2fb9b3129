// Parameter serialisation as OpenAPI 3.1 §4.8.12.4 ("Style Values" and "Style Examples") says:
// a value of a path, query, header or cookie parameter turned into what goes on the wire.

import { encodeComponent } from './percentEncode.js';

/** Where a parameter is sent. */
export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export type ParameterStyle = 'matrix' | 'label' | 'simple' | 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';

/** The fields of a Parameter Object that decide its serialisation. */
export interface ParameterSpec {
  name: string;
  in: ParameterLocation;
  style?: string;
  explode?: boolean;
  /** Query only: reserved characters (`:/?#[]@!$&'()*+,;=`) are sent as they are. */
  allowReserved?: boolean;
}

/**
 * What to send: for `path`, the text that replaces `{name}` in the template (already
 * percent-encoded); for `query`, name/value pairs (not yet percent-encoded: see `queryString`);
 * for `header`, the header value; for `cookie`, name/value pairs for the `Cookie` header.
 */
export type SerializedParameter =
  | { in: 'path'; value: string }
  | { in: 'query'; pairs: [string, string][]; allowReserved: boolean }
  | { in: 'header'; value: string }
  | { in: 'cookie'; pairs: [string, string][] };

const DEFAULT_STYLE: Record<ParameterLocation, ParameterStyle> = { path: 'simple', query: 'form', header: 'simple', cookie: 'form' };
const ALLOWED_STYLES: Record<ParameterLocation, ParameterStyle[]> = {
  path: ['simple', 'label', 'matrix'],
  query: ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'],
  header: ['simple'],
  cookie: ['form'],
};

/** The style in effect: the declared one, else the location's default (`simple` for path/header, `form` for query/cookie). */
export function parameterStyle(spec: ParameterSpec): ParameterStyle {
  return (spec.style as ParameterStyle | undefined) ?? DEFAULT_STYLE[spec.in];
}

/** `explode` in effect: the declared one, else true for `form` and false for every other style. */
export function parameterExplode(spec: ParameterSpec): boolean {
  return spec.explode ?? parameterStyle(spec) === 'form';
}

function scalar(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Serialises `value` for the parameter `spec`. Arrays and plain objects follow the style and
 * `explode`; `undefined` entries of an object are left out. Throws, naming the parameter, for a
 * style its location does not allow, or a value the style can't express (an object with
 * `spaceDelimited`/`pipeDelimited`, anything but an object with `deepObject`).
 */
export function serializeParameter(spec: ParameterSpec, value: unknown): SerializedParameter {
  const style = parameterStyle(spec);
  const explode = parameterExplode(spec);
  const where = `parameter ${spec.in}:${spec.name}`;
  if (!ALLOWED_STYLES[spec.in].includes(style)) throw new Error(`${where}: style "${style}" is not allowed in ${spec.in}`);

  const kind = Array.isArray(value) ? 'array' : typeof value === 'object' && value !== null ? 'object' : 'primitive';
  const items = kind === 'array' ? (value as unknown[]).map(scalar) : [];
  const entries = kind === 'object'
    ? Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).map(([k, v]) => [k, scalar(v)] as [string, string])
    : [];

  if (spec.in === 'path') {
    const enc = encodeComponent;
    const flat = (sep: string) => kind === 'array'
      ? items.map(enc).join(sep)
      : kind === 'object'
        ? entries.map(([k, v]) => (explode ? `${enc(k)}=${enc(v)}` : `${enc(k)},${enc(v)}`)).join(sep)
        : enc(scalar(value));
    if (style === 'simple') return { in: 'path', value: flat(',') };
    if (style === 'label') return { in: 'path', value: '.' + flat(explode ? '.' : ',') };
    // matrix
    const name = enc(spec.name);
    if (kind === 'primitive') return { in: 'path', value: `;${name}=${enc(scalar(value))}` };
    if (kind === 'array') {
      return { in: 'path', value: explode ? items.map((i) => `;${name}=${enc(i)}`).join('') : `;${name}=${items.map(enc).join(',')}` };
    }
    return {
      in: 'path',
      value: explode ? entries.map(([k, v]) => `;${enc(k)}=${enc(v)}`).join('') : `;${name}=${entries.map(([k, v]) => `${enc(k)},${enc(v)}`).join(',')}`,
    };
  }

  if (spec.in === 'header') {
    if (kind === 'array') return { in: 'header', value: items.join(',') };
    if (kind === 'object') return { in: 'header', value: entries.map(([k, v]) => (explode ? `${k}=${v}` : `${k},${v}`)).join(',') };
    return { in: 'header', value: scalar(value) };
  }

  const pairs = formPairs(spec.name, style, explode, kind, value, items, entries, where);
  if (spec.in === 'cookie') return { in: 'cookie', pairs };
  return { in: 'query', pairs, allowReserved: spec.allowReserved === true };
}

function formPairs(
  name: string,
  style: ParameterStyle,
  explode: boolean,
  kind: 'array' | 'object' | 'primitive',
  value: unknown,
  items: string[],
  entries: [string, string][],
  where: string,
): [string, string][] {
  if (style === 'deepObject') {
    if (kind !== 'object') throw new Error(`${where}: style "deepObject" needs an object value`);
    return entries.map(([k, v]) => [`${name}[${k}]`, v]);
  }
  if (style === 'spaceDelimited' || style === 'pipeDelimited') {
    if (kind === 'object') throw new Error(`${where}: style "${style}" can't serialise an object`);
    if (kind === 'primitive') return [[name, scalar(value)]];
    return explode ? items.map((i) => [name, i]) : [[name, items.join(style === 'spaceDelimited' ? ' ' : '|')]];
  }
  // form
  if (kind === 'primitive') return [[name, scalar(value)]];
  if (kind === 'array') return explode ? items.map((i) => [name, i]) : [[name, items.join(',')]];
  return explode ? entries : [[name, entries.flat().join(',')]];
}

// RFC 3986 reserved characters, kept as they are with `allowReserved`.
const RESERVED = /[:/?#[\]@!$&'()*+,;=]/;

function encodeQueryComponent(text: string, allowReserved: boolean): string {
  // Delimiters the style put there (`,` `|` and space) are part of the value and encoded as such.
  if (!allowReserved) return encodeComponent(text);
  return [...text].map((c) => (RESERVED.test(c) ? c : encodeComponent(c))).join('');
}

/** `a=1&b=x%2Cy` from the query pairs of one or more serialised parameters. */
export function queryString(parameters: Extract<SerializedParameter, { in: 'query' }>[]): string {
  return parameters
    .flatMap((p) => p.pairs.map(([k, v]) => `${encodeQueryComponent(k, false)}=${encodeQueryComponent(v, p.allowReserved)}`))
    .join('&');
}

/** The `Cookie` header value (`a=1; b=2`) from the cookie pairs of one or more serialised parameters. */
export function cookieHeader(parameters: Extract<SerializedParameter, { in: 'cookie' }>[]): string {
  return parameters.flatMap((p) => p.pairs.map(([k, v]) => `${k}=${encodeComponent(v)}`)).join('; ');
}
