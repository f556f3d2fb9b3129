import { httpChallengeSchemes } from '../../core/securitySchemes.js';
import type { Check } from './check.js';

/**
 * A 401 carries a WWW-Authenticate challenge (RFC 9110 §11.6.1: "The server generating a 401
 * response MUST send a WWW-Authenticate header field"), where the operation takes an http basic
 * or bearer scheme, whose use of 401 that RFC defines, and where the document gives that 401 a
 * `WWW-Authenticate` header (required or not: the RFC makes it one a 401 cannot go without). A
 * document that does not mention the header describes an API that may not send it (many real
 * ones do not), and the suite holds a server to its document: there, nothing is checked. Live
 * targets only: a mock answers the document's example.
 */
/** RFC 9110 §5.6.2 token characters. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;

/**
 * The auth-schemes a WWW-Authenticate value challenges (RFC 9110 §11.6.1: `challenge = auth-scheme
 * [ 1*SP ( token68 / #auth-param ) ]`, challenges separated by commas): each comma-separated
 * element that starts with a token not followed by `=` (which would make it an auth-param of the
 * challenge before). Commas inside quoted strings are skipped.
 */
export function challengeSchemes(header: string): string[] {
  const elements: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const c = header[i] as string;
    if (quoted && c === '\\') {
      current += c + (header[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      elements.push(current);
      current = '';
    } else current += c;
  }
  elements.push(current);
  const schemes: string[] = [];
  for (const element of elements.map((e) => e.trim())) {
    const token = TOKEN.exec(element)?.[0];
    if (!token) continue;
    const rest = element.slice(token.length);
    if (/^\s*=/.test(rest)) continue; // an auth-param (`error="invalid_token"`), or a token68 ending in '='
    schemes.push(token);
  }
  return schemes;
}

/** Whether the documented response declares a WWW-Authenticate header. */
function documentsChallenge(headers: Record<string, unknown>): boolean {
  return Object.keys(headers).some((name) => name.toLowerCase() === 'www-authenticate');
}

export const wwwAuthenticate: Check = {
  id: 'www-authenticate',
  description: 'a 401 to an operation secured by http basic or bearer carries the WWW-Authenticate its document gives it, naming one of them (RFC 9110 §11.6.1)',
  appliesTo: ({ target, response, doc, operation, statusKey }) =>
    target === 'live' && response.status === 401 && doc !== undefined && statusKey !== undefined && documentsChallenge(operation.responseHeaders(statusKey)) && httpChallengeSchemes(doc, operation).length > 0,
  run: ({ response, doc, operation, redact }) => {
    const header = response.headers['www-authenticate'] ?? '';
    const taken = httpChallengeSchemes(doc!, operation);
    const schemes = taken.join(' or ');
    if (header.trim() !== '') {
      const challenged = challengeSchemes(header);
      if (challenged.some((s) => taken.some((t) => t.toLowerCase() === s.toLowerCase()))) return [];
      return [{
        rule: 'www-authenticate',
        message: `the 401's WWW-Authenticate challenges ${challenged.join(', ') || 'no scheme'}, none of the schemes the operation takes (${schemes}): a client answering the challenge cannot authenticate (RFC 9110 §11.6.1; RFC 6750 §3 for Bearer)`,
        expected: `WWW-Authenticate: ${schemes} …`,
        actual: `WWW-Authenticate: ${redact.excerpt(header, 200)}`,
      }];
    }
    return [{
      rule: 'www-authenticate',
      message: `the 401 answer has no WWW-Authenticate challenge (RFC 9110 §11.6.1: a server generating a 401 MUST send one; the operation takes ${schemes})`,
      expected: `WWW-Authenticate: ${schemes} …`,
      actual: 'no WWW-Authenticate header',
    }];
  },
};
