// No false failure: the real sandbox behind a proxy that writes its answers in another form the
// vendor pages and the documents allow (the same instant in another RFC 3339 form, a uuid in upper
// case, a JSON media type with its charset), and the whole suite of that API, cases and
// scenarios, run against it. A server true to the document in every answer must pass.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Breakage, Exchange } from '../fixtures/conformance/sandboxProxy.js';
import { useStatefulSandbox, type StatefulSandbox } from '../support/statefulSandbox.js';
import { failureLines, runSuiteBehindProxy, type GalleryApi } from '../support/suiteBehindProxy.js';

const isStates = (x: Pick<Exchange, 'path'>) => x.path.startsWith('/__states');
const isJson = (x: Exchange) => /^application\/json/i.test(x.headers['content-type'] ?? '');

const UTC_DATE_TIME = /"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z"/g;
/** The same instant two hours ahead, with a numeric offset: `2026-04-18T09:21:00.5Z` → `2026-04-18T11:21:00.5+02:00`. */
function plusTwoHours(whole: string, fraction = ''): string {
  const shifted = new Date(Date.parse(`${whole}Z`) + 2 * 3600_000).toISOString().slice(0, 19);
  return `"${shifted}${fraction}+02:00"`;
}
/** Every UTC timestamp of an answer in one of three RFC 3339 forms of the same instant, the form changing from one answer to the next. */
function timestampsInTurn(): Breakage {
  let n = 0;
  const forms = [
    (_: string, whole: string, fraction = '') => `"${whole}${fraction}Z"`,
    (_: string, whole: string, fraction = '') => plusTwoHours(whole, fraction),
    (_: string, whole: string, fraction = '') => `"${whole}${fraction || '.'}000+00:00"`,
  ];
  return {
    alter(x) {
      if (isStates(x) || !isJson(x)) return x;
      const form = forms[n++ % forms.length] as (typeof forms)[number];
      return { ...x, text: x.text.replace(UTC_DATE_TIME, form) };
    },
  };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** Every uuid in the API's answers written in upper case (uuids are case-insensitive; the provider states still answer as the sandbox does). */
const uuidsInUpperCase = (): Breakage => ({ alter: (x) => (isStates(x) || !isJson(x) ? x : { ...x, text: x.text.replace(UUID, (u) => u.toUpperCase()) }) });

/** Every JSON answer declared `application/json; charset=utf-8`. */
const charsetUtf8 = (): Breakage => ({ alter: (x) => (isStates(x) || !isJson(x) ? x : { ...x, headers: { ...x.headers, 'content-type': 'application/json; charset=utf-8' } }) });

/** Every JSON answer declared `application/json;charset=UTF-8` (no space, the charset in upper case: parameter names and charset values are case-insensitive). */
const charsetUpperCase = (): Breakage => ({ alter: (x) => (isStates(x) || !isJson(x) ? x : { ...x, headers: { ...x.headers, 'content-type': 'APPLICATION/JSON;CHARSET=UTF-8' } }) });

/** `value` with the members of every object in the reverse order. */
const reversedMembers = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(reversedMembers) : typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedMembers(v)])) : value;
/** Every JSON answer with its members in another order, pretty-printed with a final newline (JSON gives member order and white space no meaning). */
const reorderedAndIndented = (): Breakage => ({
  alter: (x) => (isStates(x) || !isJson(x) || x.text === '' ? x : { ...x, text: `${JSON.stringify(reversedMembers(JSON.parse(x.text)), null, 2)}\n` }),
});

/** A member the document does not name added to the record GET and PATCH answer, not to the list's items (the Influencer schema is open). */
const undocumentedMemberOnReads = (): Breakage => ({
  alter: (x) => {
    if (isStates(x) || !isJson(x) || x.status !== 200 || !/^\/v1\/influencers\/[^/?]+$/.test(x.path.split('?')[0] as string)) return x;
    const body = JSON.parse(x.text) as Record<string, unknown>;
    return typeof body.projectId === 'string' ? { ...x, text: JSON.stringify({ ...body, internalNotes: 'vip' }) } : x;
  },
});

/**
 * The revoke page's 400 row: a `socialAccountId` "not a sa_<uuid> shape" is malformed. A server
 * true to it refuses an `sa_` id with a ULID-style suffix (which the document's schema also takes)
 * with 400 VALIDATION naming the parameter, before it looks anything up.
 */
const SA_ULID_SUFFIX = /^\/v1\/social-accounts\/sa_[0-9A-HJKMNP-TV-Z]+(?:\?|$)/;
const revokeRefusesUlidSuffix = (): Breakage => ({
  intercept: (request) =>
    request.method === 'DELETE' && SA_ULID_SUFFIX.test(request.path)
      ? {
          status: 400,
          headers: { 'content-type': 'application/json' },
          text: JSON.stringify({ error: { code: 'VALIDATION', message: 'Invalid path parameter.', requestId: `req_${randomUUID().replaceAll('-', '')}`, details: { fieldErrors: { socialAccountId: ['Expected sa_<uuid>'] } } } }),
        }
      : undefined,
});

/**
 * The revoke page's 429 row: "Per-key write budget exhausted". A server true to it limits the
 * writes by that budget and the reads apart: a read its key sends while the write budget is
 * spent is answered (here: the sandbox's answer to the same read sent with the demo's read-only
 * key of the same organization, whose budget is its own).
 */
const readsOutsideWriteBudget = (readOnlyKey: string): Breakage => ({
  async intercept({ forward, ...request }) {
    if (request.method !== 'GET' || !request.path.startsWith('/v1/')) return undefined;
    const answer = await forward(request);
    if (answer.status !== 429) return answer;
    const { authorization: _bearer, 'x-api-key': _apiKey, ...headers } = request.headers;
    return forward({ ...request, headers: { ...headers, authorization: `Bearer ${readOnlyKey}` } });
  },
});

const FORMS: { name: string; api: GalleryApi; breakage: (sandbox: StatefulSandbox) => Breakage }[] = [
  { name: 'layers: each answer writes its timestamps in another RFC 3339 form of the same instant (Z, +02:00, +00:00 with a fraction)', api: 'layers', breakage: timestampsInTurn },
  { name: 'layers: JSON answers declared application/json; charset=utf-8', api: 'layers', breakage: charsetUtf8 },
  { name: 'layers: the uuids of the ids answered in upper case', api: 'layers', breakage: uuidsInUpperCase },
  { name: 'hoko: the deleted ids answered as upper-case uuids', api: 'hoko', breakage: uuidsInUpperCase },
  { name: 'hoko: JSON answers declared application/json; charset=utf-8', api: 'hoko', breakage: charsetUtf8 },
  { name: 'ayrshare: JSON answers declared application/json; charset=utf-8', api: 'ayrshare', breakage: charsetUtf8 },
  // The media type is judged the same way for every API: one of them is enough.
  { name: 'layers: JSON answers declared APPLICATION/JSON;CHARSET=UTF-8', api: 'layers', breakage: charsetUpperCase },
  { name: 'layers: GET and PATCH answer a member the document does not name, the list does not', api: 'layers', breakage: undocumentedMemberOnReads },
  { name: 'layers: the revoke refuses an sa_ id with a ULID-style suffix with 400 VALIDATION, as the revoke page says (not a sa_<uuid> shape)', api: 'layers', breakage: revokeRefusesUlidSuffix },
  { name: 'layers: the rate limit is a write budget, as the revoke page says: reads pass while it is spent', api: 'layers', breakage: (sandbox) => readsOutsideWriteBudget(sandbox.demo.layers.readOnlyKey) },
  ...(['layers', 'ayrshare', 'hoko'] as const).map((api) => ({ name: `${api}: JSON answers with their members in reverse order, pretty-printed`, api, breakage: reorderedAndIndented })),
];

describe('answers in another form the documents allow (the real sandbox behind a rewriting proxy)', () => {
  const sandbox = useStatefulSandbox();

  it('the timestamp rewrite keeps the instant', () => {
    const text = '{"a":"2026-04-18T23:21:00Z","b":"2026-04-18T09:21:00.123Z"}';
    const rewritten = text.replace(UTC_DATE_TIME, (_, whole: string, fraction?: string) => plusTwoHours(whole, fraction));
    expect(rewritten).toBe('{"a":"2026-04-19T01:21:00+02:00","b":"2026-04-18T11:21:00.123+02:00"}');
    const [a, b] = [JSON.parse(text), JSON.parse(rewritten)] as { a: string; b: string }[];
    expect([Date.parse(b!.a), Date.parse(b!.b)]).toEqual([Date.parse(a!.a), Date.parse(a!.b)]);
  });

  it.each(FORMS)('$name: the suite passes it', async ({ api, breakage }) => {
    const report = await runSuiteBehindProxy(sandbox, api, breakage(sandbox));
    expect(failureLines(report)).toEqual([]);
    // The scenarios ran and passed (against a live target with provider states none is skipped).
    const scenarios = report.apis.flatMap((a) => a.results).filter((r) => r.testCase.kind === 'scenario');
    expect(scenarios.length).toBeGreaterThan(0);
    expect(scenarios.filter((r) => r.outcome !== 'passed').map((r) => `${r.testCase.id}: ${r.outcome} ${r.skipReason ?? ''}`)).toEqual([]);
  }, 120_000);
});
