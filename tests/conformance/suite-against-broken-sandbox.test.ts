// The broken-server gallery: the real sandbox behind a proxy that alters ONE kind of answer, so
// each server breaks exactly one promise of the error paths; the suite must fail it by name (the
// scenario that proves the promise, and the rule or behaviour it broke), and nothing else.
import { describe, expect, it } from 'vitest';
import { editJson, type Breakage } from '../fixtures/conformance/sandboxProxy.js';
import { useStatefulSandbox } from '../support/statefulSandbox.js';
import { runSuiteBehindProxy } from '../support/suiteBehindProxy.js';

const isState = (requestText: string, action: string, state: string) => {
  try {
    const body = JSON.parse(requestText) as { action?: string; state?: string };
    return body.action === action && body.state === state;
  } catch {
    return false;
  }
};
const INTERNAL = { error: { code: 'INTERNAL', message: 'Internal error. Nothing was changed; safe to retry.', requestId: 'req_7Hq2Lm9XcV4b' } };

/** A 500 INTERNAL that is a lie: the write it answers really happened. */
function fiveHundredAfterTheWrite(): Breakage {
  let armed = false;
  return {
    intercept({ path, requestText }) {
      if (path !== '/__states') return undefined;
      if (isState(requestText, 'setup', 'next request fails')) {
        armed = true;
        return { status: 200, headers: { 'content-type': 'application/json' }, text: JSON.stringify({ data: { faultId: 'proxy' } }) };
      }
      if (isState(requestText, 'teardown', 'next request fails')) return { status: 204, headers: {} as Record<string, string>, text: '' };
      return undefined;
    },
    alter(x) {
      if (!armed || x.path.startsWith('/__states')) return x;
      armed = false;
      return { ...x, status: 500, headers: { 'content-type': 'application/json' }, text: JSON.stringify(INTERNAL) };
    },
  };
}

/** Another organization's influencer answered 403, as if it existed but the key could not see it. */
function forbiddenAcrossOrganizations(): Breakage {
  let foreign: string | undefined;
  return {
    alter(x) {
      if (x.path === '/__states' && isState(x.requestText, 'setup', 'influencer in another organization')) foreign = (JSON.parse(x.text) as { data: { influencerId: string } }).data.influencerId;
      if (!foreign || !x.path.includes(foreign) || x.status !== 404) return x;
      return { ...x, status: 403, text: JSON.stringify({ error: { code: 'FORBIDDEN_SCOPE', message: 'This key lacks the influencers:read scope.', requestId: 'req_7Hq2Lm9XcV4b', details: { requiredScope: 'influencers:read' } } }) };
    },
  };
}

const only = (status: number, edit: Breakage['alter']): Breakage => ({ alter: (x) => (x.status === status && !x.path.startsWith('/__states') ? edit!(x) : x) });

const GALLERY: { server: string; api: 'layers' | 'hoko'; breakage: () => Breakage; failing: string[]; named: RegExp }[] = [
  {
    server: '429 without Retry-After',
    api: 'layers',
    breakage: () => only(429, (x) => ({ ...x, headers: Object.fromEntries(Object.entries(x.headers).filter(([k]) => k !== 'retry-after')) })),
    failing: ['layers scenario rate-limit'],
    named: /\[header-required\] .*Retry-After/,
  },
  {
    server: '429 with a non-numeric Retry-After',
    api: 'layers',
    breakage: () => only(429, (x) => ({ ...x, headers: { ...x.headers, 'retry-after': 'soon' } })),
    failing: ['layers scenario rate-limit'],
    named: /\[header-schema\] .*Retry-After/i,
  },
  {
    server: '503 without details.scope',
    api: 'layers',
    breakage: () => only(503, (x) => editJson(x, (body) => delete (body.error as Record<string, unknown>).details)),
    failing: ['layers scenario kill-switch-global', 'layers scenario kill-switch-key', 'layers scenario kill-switch-organization'],
    named: /\[behaviour\] listInfluencers \(key as Bearer\): the 503 names the scope in details\.scope/,
  },
  {
    server: 'a 500 that left the account disconnected',
    api: 'layers',
    breakage: fiveHundredAfterTheWrite,
    failing: ['layers scenario failed-write-changes-nothing'],
    named: /\[behaviour\] the failed revoke left the account connected: revoking again answers 200/,
  },
  {
    server: '403 instead of 404 across organizations',
    api: 'layers',
    breakage: forbiddenAcrossOrganizations,
    failing: ['layers scenario cross-org-influencer-404'],
    named: /\[behaviour\] GET of another organization's influencer answers 404, never 403/,
  },
  {
    server: 'Hoko 403 without missingScopes',
    api: 'hoko',
    breakage: () => only(403, (x) => editJson(x, (body) => delete body.missingScopes)),
    failing: ['hoko scenario missing-scope'],
    named: /\[behaviour\] missingScopes is \["linksWrite"\]/,
  },
];

describe('the broken-server gallery (the real sandbox behind a proxy that breaks one promise)', () => {
  const sandbox = useStatefulSandbox();

  it.each(GALLERY)('$server fails the suite by name', async ({ api, breakage, failing, named }) => {
    const report = await runSuiteBehindProxy(sandbox, api, breakage(), { grep: /scenario/ });
    const failed = report.apis.flatMap((a) => a.results).filter((r) => r.outcome === 'failed');
    expect(failed.map((r) => r.testCase.id).sort()).toEqual(failing);
    const messages = failed.flatMap((r) => r.failures.map((f) => `[${f.rule}] ${f.message}`));
    expect(messages.some((m) => named.test(m)), messages.join('\n')).toBe(true);
  });
});
