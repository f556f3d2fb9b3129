/**
 * Credentials of an ad-hoc API (`--spec`): the headers the user gives with
 * `--header <api>=<Header>: <value>`, where `${VAR}` in the value is read from the environment
 * variable VAR. Values are never printed: curl lines show `${VAR}`, or `[REDACTED]` for a
 * literal. Against a mock, every security scheme also gets a placeholder (Prism accepts any of
 * the right form).
 */
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import { placeCredential } from '../../openapi/securitySchemes.js';
import { SuiteSetupError } from '../failClosed.js';
import { MOCK_API_KEY, type Credentials } from './credentials.js';

/** One `--header` as given: `api`, header name and the value as typed (with `${VAR}` references). */
export interface HeaderOption {
  api: string;
  header: string;
  value: string;
}

/** Parses `<api>=<Header>: <value>`; undefined when it is not of that form. */
export function parseHeaderOption(text: string): HeaderOption | undefined {
  const match = /^([^=]+)=([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*)$/s.exec(text);
  if (!match) return undefined;
  return { api: match[1] as string, header: match[2] as string, value: match[3] as string };
}

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The headers of `api` with their values read; throws SuiteSetupError naming a variable that is not set. */
export function resolveHeaders(options: readonly HeaderOption[], api: string, env: NodeJS.ProcessEnv): NonNullable<Credentials['extraHeaders']> {
  return options
    .filter((o) => o.api === api)
    .map((o) => {
      const value = o.value.replace(REFERENCE, (_, name: string) => {
        const v = env[name];
        if (v === undefined || v === '') throw new SuiteSetupError(`--header ${o.api}=${o.header}: the environment variable ${name} is not set`);
        return v;
      });
      const shown = /\$\{[A-Za-z_][A-Za-z0-9_]*\}/.test(o.value) ? o.value : '[REDACTED]';
      return { header: o.header, value, env: '', shown };
    });
}

/** The header a scheme is sent in (`Authorization`, an apiKey's name, `Cookie`), or undefined for a query key or a scheme that cannot be sent. */
function schemeHeaderName(doc: OpenApiDocument, scheme: string): string | undefined {
  const placed = placeCredential(doc, scheme, 'user:password');
  if ('error' in placed) return undefined;
  if (Object.keys(placed.cookies).length > 0) return 'Cookie';
  return Object.keys(placed.headers)[0];
}

/**
 * A digest credential for the mock: Prism refuses one without the parameters a digest client
 * computes from the server's challenge (RFC 7616 §3.4: username, realm, nonce, uri, response),
 * each quoted, and checks nothing more. A live server's digest comes from `--header`.
 */
const MOCK_DIGEST = 'username="conformance", realm="conformance", nonce="conformance", uri="conformance", response="conformance"';

/**
 * Credentials for an ad-hoc API. Mock: a placeholder for every scheme (`user:password` form for
 * http basic), plus the user's headers. Live: the user's headers only; a scheme is satisfied when
 * one of them is the header it is sent in, otherwise its cases are skipped with a hint.
 */
export function adHocCredentials(doc: OpenApiDocument, api: string, headers: Credentials['extraHeaders'], target: 'mock' | 'live'): Credentials {
  const given = new Set(headers.map((h) => h.header.toLowerCase()));
  return {
    apiKey: '',
    apiKeyEnv: '',
    extraHeaders: headers,
    hint: `pass --header '${api}=<Header>: <value>' with the header the scheme uses (\${VAR} reads a variable)`,
    forScheme(scheme) {
      const header = schemeHeaderName(doc, scheme);
      if (header && given.has(header.toLowerCase())) return 'headers';
      if (target === 'live') return undefined;
      const authorization = header === 'Authorization' ? (placeCredential(doc, scheme, 'user:password') as { headers: Record<string, string> }).headers.Authorization : undefined;
      const value = authorization?.startsWith('Basic ') ? `conformance:${MOCK_API_KEY}` : authorization !== undefined && /^digest /i.test(authorization) ? MOCK_DIGEST : MOCK_API_KEY;
      return { value, shown: value };
    },
  };
}
