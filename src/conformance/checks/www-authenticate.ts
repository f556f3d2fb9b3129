import { httpChallengeSchemes } from '../../core/securitySchemes.js';
import type { Check } from './check.js';

/**
 * A 401 carries a WWW-Authenticate challenge (RFC 9110 §11.6.1: "The server generating a 401
 * response MUST send a WWW-Authenticate header field"), where the operation takes an http basic
 * or bearer scheme, whose use of 401 that RFC defines. Live targets only: a mock answers the
 * document's example, and a document need not declare the header.
 */
export const wwwAuthenticate: Check = {
  id: 'www-authenticate',
  description: 'a 401 to an operation secured by http basic or bearer carries WWW-Authenticate (RFC 9110 §11.6.1)',
  appliesTo: ({ target, response, doc, operation }) => target === 'live' && response.status === 401 && doc !== undefined && httpChallengeSchemes(doc, operation).length > 0,
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
