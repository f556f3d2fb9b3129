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
/** Whether the documented response declares a WWW-Authenticate header. */
function documentsChallenge(headers: Record<string, unknown>): boolean {
  return Object.keys(headers).some((name) => name.toLowerCase() === 'www-authenticate');
}

export const wwwAuthenticate: Check = {
  id: 'www-authenticate',
  description: 'a 401 to an operation secured by http basic or bearer carries the WWW-Authenticate its document gives it (RFC 9110 §11.6.1)',
  appliesTo: ({ target, response, doc, operation, statusKey }) =>
    target === 'live' && response.status === 401 && doc !== undefined && statusKey !== undefined && documentsChallenge(operation.responseHeaders(statusKey)) && httpChallengeSchemes(doc, operation).length > 0,
  run: ({ response, doc, operation }) => {
    if ((response.headers['www-authenticate'] ?? '').trim() !== '') return [];
    const schemes = httpChallengeSchemes(doc!, operation).join(' or ');
    return [{
      rule: 'www-authenticate',
      message: `the 401 answer has no WWW-Authenticate challenge (RFC 9110 §11.6.1: a server generating a 401 MUST send one; the operation takes ${schemes})`,
      expected: `WWW-Authenticate: ${schemes} …`,
      actual: 'no WWW-Authenticate header',
    }];
  },
};
