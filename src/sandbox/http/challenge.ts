/**
 * The WWW-Authenticate challenge a 401 carries (RFC 9110 §11.6.1: a server generating a 401 MUST
 * send one), read from the operation's http security schemes (basic, bearer), one challenge per
 * scheme, the realm being the API's name. Undefined when the operation takes no such scheme.
 */
import { httpChallengeSchemes } from '../../core/securitySchemes.js';
import type { Route } from './routeTable.js';

const challenges = new WeakMap<Route, string | undefined>();

export function challengeFor(route: Route): string | undefined {
  if (challenges.has(route)) return challenges.get(route);
  const schemes = httpChallengeSchemes(route.api.doc, route.operation);
  const challenge = schemes.length === 0 ? undefined : schemes.map((s) => `${s} realm="${route.api.name}"${s === 'Basic' ? ', charset="UTF-8"' : ''}`).join(', ');
  challenges.set(route, challenge);
  return challenge;
}
