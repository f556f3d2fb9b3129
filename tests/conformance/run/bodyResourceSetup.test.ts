// A server that looks a body's ids up before it checks the rest of the body answers a negative body
// case naming unknown ids with its not-found error, which may be the same 400 the broken rule
// calls for: it would pass without checking the rule. With --state-url, the suite sends the ids of
// resources a provider state creates (`creates: { body }`), so the rule is what the server judges.
import { describe, expect, it } from 'vitest';
import { runSuite } from '../../../src/conformance/run/runSuite.js';
import type { CaseResult } from '../../../src/conformance/model.js';
import { startSandboxProxy, type Breakage } from '../../fixtures/conformance/sandboxProxy.js';
import { registry } from '../../support/sandboxDatabase.js';
import { useStatefulSandbox } from '../../support/statefulSandbox.js';

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** Hoko without its batch limit: a delete of more than 10,000 ids is done in batches of 10,000. */
const noBatchLimit: Breakage = {
  async intercept(request) {
    const ids = parse(request.requestText);
    if (request.path !== '/api/partners' || !Array.isArray(ids) || ids.length <= 10_000) return undefined;
    const deleted: unknown[] = [];
    for (let start = 0; start < ids.length; start += 10_000) {
      const answer = await request.forward({ ...request, requestText: JSON.stringify(ids.slice(start, start + 10_000)) });
      if (answer.status !== 200) return answer;
      deleted.push(...((parse(answer.text) as { deletedIds: unknown[] }).deletedIds));
    }
    return { status: 200, headers: { 'content-type': 'application/json' }, text: JSON.stringify({ deletedIds: deleted }) };
  },
};

/** Ayrshare reading a flag that is not a boolean as left out; it records the posts states created and the ids deleted. */
function nonBooleanFlagsIgnored() {
  const created: string[] = [];
  const sent: string[] = [];
  const breakage: Breakage = {
    rewrite(request) {
      const body = parse(request.requestText) as Record<string, unknown> | undefined;
      if (request.path !== '/api/post' || !body || typeof body !== 'object') return request;
      if (typeof body.id === 'string') sent.push(body.id);
      for (const flag of ['markManualDeleted', 'deleteAllScheduled']) if (flag in body && typeof body[flag] !== 'boolean') delete body[flag];
      return { ...request, requestText: JSON.stringify(body) };
    },
    alter(exchange) {
      if (exchange.path === '/__states' && exchange.status === 200) created.push(...((parse(exchange.text) as { data?: { pendingIds?: string[] } }).data?.pendingIds ?? []));
      return exchange;
    },
  };
  return { breakage, created, sent };
}

describe('negative body cases naming resources', () => {
  const sandbox = useStatefulSandbox();

  const run = async (api: 'hoko' | 'ayrshare', breakage: Breakage, grep: RegExp, withStates: boolean): Promise<CaseResult[]> => {
    const proxy = await startSandboxProxy(sandbox.baseUrl, breakage);
    try {
      const report = await runSuite({
        registry,
        apis: [api],
        targets: { [api]: proxy.baseUrl },
        env: { [registry.get(api).credentials.apiKey.env]: sandbox.demo[api].apiKey },
        allowWrites: false,
        grep,
        ...(withStates ? { stateUrl: `${proxy.baseUrl}/__states` } : {}),
      });
      return report.apis[0]!.results;
    } finally {
      await proxy.close();
    }
  };
  const statusesOf = (results: CaseResult[]) => results.map((r) => `${r.testCase.id}: ${r.outcome}${r.failures.map((f) => ` ${f.rule} ${f.actual ?? ''}`).join('')}`);

  it('a batch over the limit made of live partners: a server without the limit is failed with its 200', async () => {
    const results = await run('hoko', noBatchLimit, /negative body maxItems/, true);
    expect(statusesOf(results)).toEqual(['hoko deletePartners negative body maxItems: failed status-expected 200']);
  });

  it('without provider states the same server passes, its unknown ids refused (the gap the fresh ids close)', async () => {
    const results = await run('hoko', noBatchLimit, /negative body maxItems/, false);
    expect(statusesOf(results)).toEqual(['hoko deletePartners negative body maxItems: passed']);
  });

  it('a flag of the wrong type beside a live post: a server ignoring the flag is failed with its 200', async () => {
    const server = nonBooleanFlagsIgnored();
    const results = await run('ayrshare', server.breakage, /negative body\.markManualDeleted type/, true);
    expect(statusesOf(results)).toEqual(['ayrshare deletePost negative body.markManualDeleted type: failed status-expected 200']);
    expect(server.sent.length).toBe(1);
    expect(server.created).toContain(server.sent[0]);
  });

  it('the real sandbox passes every body case with provider states, the valid ones held to their success status', async () => {
    const results = [...(await run('hoko', {}, /(negative|valid) body/, true)), ...(await run('ayrshare', {}, /negative body/, true))];
    expect(results.length).toBeGreaterThan(20);
    expect(statusesOf(results).filter((line) => !line.endsWith(': passed'))).toEqual([]);
  });
});
