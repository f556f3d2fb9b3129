// The suite on a --spec document against a live server: the honest implementation passes (no
// false positive: the missing- and malformed-credentials cases go without the --header that
// carries the token), and each server that breaks one behaviour fails, the failure naming the
// rule and the case, with the verdict FAILED (exit 1) and the token never printed.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/core/registry.js';
import type { RunReport } from '../../src/conformance/model.js';
import { humanReport } from '../../src/conformance/report/humanReport.js';
import { verdictOf } from '../../src/conformance/report/verdict.js';
import { runSuite } from '../../src/conformance/run/runSuite.js';
import { SPEC_DOCUMENT, startSpecServer, TOKEN, type Mutation } from '../fixtures/conformance/specServer.js';

/** Each broken server, and what the report must say: a failed case (its title) and the rule with the words it broke. */
const GALLERY: { mutation: Mutation; title: RegExp; failure: RegExp }[] = [
  { mutation: 'undocumented-status', title: /valid request/, failure: /\[status-documented\] status 203 is not documented for getNote/ },
  { mutation: 'missing-field', title: /valid request/, failure: /\[body-schema\] body must have required property 'createdAt'/ },
  { mutation: 'extra-field', title: /valid request/, failure: /\[body-schema\] body must NOT have additional properties \('owner'\)/ },
  { mutation: 'wrong-type', title: /valid request/, failure: /\[body-schema\] body\/done must be boolean/ },
  { mutation: 'wrong-content-type', title: /valid request/, failure: /\[content-type\] content type 'text\/html' is not documented for 200/ },
  { mutation: 'missing-header', title: /valid request \(body 'groceries'\)/, failure: /\[header-required\] required header 'Location' is missing from the 201/ },
  { mutation: 'accepts-invalid-body', title: /rejects body\.title: maxLength/, failure: /\[status-expected\] expected status 422, got 201/ },
  { mutation: 'accepts-invalid-path', title: /rejects path noteId: pattern/, failure: /\[status-expected\] expected status 400, got 200/ },
  { mutation: 'other-envelope', title: /rejects credentials: missing/, failure: /\[body-schema\] body must have required property 'code'/ },
  { mutation: 'no-credentials-needed', title: /rejects credentials: missing/, failure: /\[status-expected\] expected status 401 or 403, got 200/ },
  { mutation: 'stack-trace', title: /rejects credentials: missing/, failure: /\[no-stack-trace\] the 401 answer carries a JavaScript stack trace/ },
  { mutation: 'ignores-required-header', title: /rejects header X-Request-Id: required/, failure: /\[status-expected\] expected status 400, got 200/ },
  { mutation: 'ignores-header-enum', title: /rejects header X-Note-Format: enum/, failure: /\[status-expected\] expected status 400, got 200/ },
  { mutation: 'ignores-cookie-pattern', title: /rejects cookie lang: pattern/, failure: /\[status-expected\] expected status 400, got 200/ },
  { mutation: 'repeated-member', title: /valid request/, failure: /\[body-unique-keys\] body has the member 'done' more than once/ },
  { mutation: 'latin1-body', title: /valid request/, failure: /\[body-json\] the JSON body is not valid UTF-8/ },
  { mutation: 'accepts-int32-overflow', title: /rejects body\.priority: format int32/, failure: /\[status-expected\] expected status 422, got 201/ },
  { mutation: 'ignores-array-item-enum', title: /rejects query fields\.0: enum \(title\|done\)/, failure: /\[status-expected\] expected status 400, got 200/ },
  { mutation: 'announces-204-body', title: /valid request/, failure: /\[no-content-framing\] the 204 answer announces content \('Content-Length: 12'\)/ },
  { mutation: 'reads-any-content-type', title: /rejects body: Content-Type text\/plain \(not documented\)/, failure: /\[status-expected\] expected status 422, got 201/ },
  { mutation: 'accepts-any-token', title: /rejects credentials: unknown/, failure: /\[status-expected\] expected status 401 or 403, got 200/ },
  { mutation: 'echoes-write-only', title: /valid request/, failure: /\[body-write-only\] body\/shareToken is writeOnly/ },
  { mutation: 'discriminator-mismatch', title: /valid request/, failure: /\[body-discriminator\] body\/attachment has kind 'file' but is not a valid File: body\/attachment must have required property 'size'/ },
  { mutation: 'urn-uuid', title: /valid request/, failure: /\[body-schema\] body\/ownerId must match format "uuid"/ },
  { mutation: 'space-in-date-time', title: /valid request/, failure: /\[body-schema\] body\/createdAt must match format "date-time"/ },
  { mutation: 'no-www-authenticate', title: /rejects credentials: missing/, failure: /\[www-authenticate\] the 401 answer has no WWW-Authenticate challenge \(RFC 9110 §11\.6\.1/ },
  { mutation: 'rfc850-last-modified', title: /valid request/, failure: /\[header-schema\] header 'Last-Modified: Tuesday, 01-Dec-26 10:00:00 GMT' must match format "http-date"/ },
  { mutation: 'negative-quota', title: /valid request/, failure: /\[header-schema\] header 'X-Quota: \{"left":-1\}' left must be >= 0/ },
  { mutation: 'server-error-on-valid', title: /valid request/, failure: /\[status-expected\] expected status 2XX or 3XX or 4XX, got 500/ },
];

describe('the suite on a --spec document against live servers', () => {
  let dir: string;
  const servers: Server[] = [];
  const reports = new Map<string, RunReport>();

  const run = async (name: string, mutation?: Mutation) => {
    const { server, baseUrl } = await startSpecServer(mutation);
    servers.push(server);
    const report = await runSuite({
      registry: loadRegistry(),
      apis: [],
      targets: { notes: baseUrl },
      env: {},
      allowWrites: false,
      specs: [{ name: 'notes', source: join(dir, 'notes.json') }],
      headers: [{ api: 'notes', header: 'Authorization', value: `Bearer ${TOKEN}` }],
    });
    reports.set(name, report);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spec-server-'));
    await writeFile(join(dir, 'notes.json'), JSON.stringify(SPEC_DOCUMENT));
    await Promise.all([run('honest'), ...GALLERY.map((g) => run(g.mutation, g.mutation))]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    await rm(dir, { recursive: true, force: true });
  });

  const failuresOf = (report: RunReport) =>
    (report.apis[0]?.results ?? []).filter((r) => r.outcome === 'failed').map((r) => `${r.testCase.title}: ${r.failures.map((f) => `[${f.rule}] ${f.message}`).join('; ')}`);

  it('passes the honest server, the credential cases included', () => {
    const report = reports.get('honest') as RunReport;
    expect(failuresOf(report)).toEqual([]);
    expect(verdictOf(report).status).toBe('PASSED');
    const titles = (report.apis[0]?.results ?? []).filter((r) => r.outcome === 'passed').map((r) => r.testCase.title);
    expect(titles).toEqual(expect.arrayContaining(['rejects credentials: missing', 'rejects credentials: malformed Authorization header', 'rejects credentials: unknown']));
  });

  it.each(GALLERY)('fails the server with $mutation, naming the rule', ({ mutation, title, failure }) => {
    const report = reports.get(mutation) as RunReport;
    expect(verdictOf(report).status).toBe('FAILED');
    const named = failuresOf(report).filter((line) => title.test(line.split(': [')[0] as string));
    expect(named.join('\n')).toMatch(failure);
    expect(humanReport(report)).not.toContain(TOKEN);
  });
});
