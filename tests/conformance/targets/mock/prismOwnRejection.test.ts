// An invalid request to an operation that documents no 400 or 422: Prism answers a 422 of its
// own (problem+json, violations in its body). The case is skipped, saying the violation was
// proven but no documented answer given; before, it failed on Prism's undocumented 422 and on a
// missing sl-violations header.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../../../src/conformance/model.js';
import { runInlineSpec } from '../../../support/runInlineSpec.js';
import { prismOwnRejectionExcuse } from '../../../../src/conformance/targets/mock/prismOwnRejection.js';
import { failedCases } from '../../../support/failedCases.js';

const document = {
  openapi: '3.1.0',
  info: { title: 'no validation response', version: '1' },
  paths: {
    '/kinds/{kind}': {
      delete: {
        operationId: 'deleteKind',
        parameters: [{ name: 'kind', in: 'path', required: true, schema: { type: 'string', enum: ['a', 'b'] } }],
        responses: { '204': { description: 'gone' }, '404': { description: 'none', content: { 'application/json': { schema: { type: 'object' }, example: {} } } } },
      },
    },
  },
};

// Basic auth and a JSON body, documenting 200 and 403 only: Prism answers missing credentials with
// a 401 of its own and a text/plain body with a 415 of its own, neither documented.
const noAuthStatuses = {
  openapi: '3.1.0',
  info: { title: 'no 401 or 415', version: '1' },
  components: { securitySchemes: { basicAuth: { type: 'http', scheme: 'basic' } } },
  paths: {
    '/hoots': {
      post: {
        operationId: 'postHoot',
        security: [{ basicAuth: [] }],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['post'], properties: { post: { type: 'string' } } } } } },
        responses: { '200': { description: 'posted' }, '403': { description: 'forbidden' } },
      },
    },
    // Prism has no serializer for an object as application/octet-stream (Codat): it answers a 500 of its own.
    '/export': { get: { operationId: 'exportFile', responses: { '200': { description: 'the file', content: { 'application/octet-stream': { schema: { type: 'object' } } } } } } },
  },
};

describe("Prism's own 401 and 415", () => {
  let results: CaseResult[];
  beforeAll(async () => {
    results = await runInlineSpec('own401', noAuthStatuses);
  }, 120_000);

  it('skips the credentials and media-type cases Prism answers with a status of its own, saying so, and fails nothing', () => {
    const byId = (suffix: string) => results.find((r) => r.testCase.id === `own401 postHoot negative ${suffix}`);
    expect(byId('auth missing')?.outcome).toBe('skipped');
    expect(byId('auth missing')?.skipReason).toMatch(/^postHoot documents no 401: Prism answered with a 401 of its own/);
    expect(byId('body content-type')?.outcome).toBe('skipped');
    expect(byId('body content-type')?.skipReason).toMatch(/^postHoot documents no 415: Prism answered with a 415 of its own/);
    const exported = results.find((r) => r.testCase.id === 'own401 exportFile valid');
    expect(exported).toMatchObject({ outcome: 'skipped', skipReason: expect.stringMatching(/^Prism failed to build its answer \(Cannot find serializer for application\/octet-stream\): a defect of Prism/) });
    expect(failedCases(results)).toEqual([]);
  });
});

describe("Prism's own 422 to a request the suite built valid", () => {
  it('is skipped, quoting Prism, where Prism reads the path text 0 against oneOf [integer, string] as both (GitHub workflow_id)', async () => {
    const results = await runInlineSpec('wf', { openapi: '3.1.0', info: { title: 'wf', version: '1' }, paths: { '/workflows/{workflow_id}/runs': { get: { operationId: 'listRuns', parameters: [{ name: 'workflow_id', in: 'path', required: true, schema: { oneOf: [{ type: 'integer' }, { type: 'string' }] } }], responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, example: {} } } } } } } } });
    const valid = results.find((r) => r.testCase.id === 'wf listRuns valid');
    expect(valid).toMatchObject({ outcome: 'skipped', skipReason: expect.stringMatching(/^Prism rejected a request the suite built valid with a 422 of its own \(path\.workflow_id: .*\): it reads that value otherwise/) });
  }, 120_000);
});

describe("Prism's own 422", () => {
  let results: CaseResult[];
  beforeAll(async () => {
    results = await runInlineSpec('own', document);
  }, 120_000);

  it('skips the negative case, naming where Prism saw the violation, and fails nothing', () => {
    const negative = results.find((r) => r.testCase.brokenRule?.startsWith('path kind: enum'));
    expect(negative?.outcome).toBe('skipped');
    expect(negative?.skipReason).toBe('deleteKind documents no 400 or 422: Prism rejected the request with a 422 of its own naming request.path.kind, so the case breaks the rule it names, but no documented answer was given to check');
    expect(results.filter((r) => r.outcome === 'failed')).toEqual([]);
  });

  it('keeps the failures when that 422 does not name the violation the case made', () => {
    const negative = results.find((r) => r.testCase.brokenRule?.startsWith('path kind: enum'))!;
    const body = JSON.stringify({ type: 'https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY', validation: [{ location: ['query', 'other'], message: 'm' }] });
    const failures = [{ rule: 'status-documented' as const, message: 'status 422 is not documented' }, { rule: 'mock-violation' as const, message: 'not reported' }];
    expect(prismOwnRejectionExcuse({} as never, negative.testCase, { status: 422, headers: {}, bodyText: body }, failures)).toBeUndefined();
  });
});

describe("Prism's own 500 when it cannot write an object as text", () => {
  it('is skipped as Prism\'s defect where the answer is an object under */* (xkcd): Prism picks text and fails (NO_COMPLEX_OBJECT_TEXT)', async () => {
    const results = await runInlineSpec('any', { openapi: '3.0.0', info: { title: 'any', version: '1' }, paths: { '/info.0.json': { get: { responses: { '200': { description: 'OK', content: { '*/*': { schema: { type: 'object', properties: { num: { type: 'number' } } } } } } } } } } });
    const documented = results.find((r) => r.testCase.kind === 'documented-response');
    expect(documented).toMatchObject({ outcome: 'skipped', skipReason: expect.stringMatching(/^Prism failed to build its answer \(Cannot serialise complex objects as text\): a defect of Prism/) });
    expect(failedCases(results)).toEqual([]);
  }, 120_000);
});
