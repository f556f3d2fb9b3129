// Two paths that differ only in their parameters' names are one URL template (Xero accounting's
// /Contacts/{ContactID} and /Contacts/{ContactNumber}): OpenAPI says they MUST NOT exist, and Prism
// routes the requests of both to one of them, so a valid request for the other (a contact number,
// not a uuid) is answered 422, and a negative case's violation is reported under the other's
// parameter name. The suite's failures said only "status 422 is not documented" or "Prism did not
// report the violation"; each now also names the document's defect and both paths.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../../../src/conformance/model.js';
import { runInlineSpec } from '../../../support/runInlineSpec.js';

const found = { '200': { description: 'found', content: { 'application/json': { schema: { type: 'object' }, example: {} } } }, '400': { description: 'invalid', content: { 'application/json': { schema: { type: 'object' }, example: {} } } } };
const document = {
  openapi: '3.1.0',
  info: { title: 'two paths, one template', version: '1' },
  paths: {
    '/contacts/{id}': { get: { operationId: 'getContact', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' }, example: '00000000-0000-4000-8000-000000000000' }], responses: found } },
    '/contacts/{number}': { get: { operationId: 'getContactByNumber', parameters: [{ name: 'number', in: 'path', required: true, schema: { type: 'string', pattern: '^SB[0-9]+$' }, example: 'SB2' }], responses: found } },
    '/accounts/{id}': { get: { operationId: 'getAccount', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' }, example: '00000000-0000-4000-8000-000000000000' }], responses: found } },
  },
};

describe('an operation whose path is the same template as another', () => {
  let results: CaseResult[];
  beforeAll(async () => {
    results = await runInlineSpec('twins', document);
  }, 120_000);

  it("fails naming the document's defect and both paths, wherever Prism answered another status", () => {
    const failed = results.filter((r) => r.outcome === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) {
      const [path, twin] = r.testCase.operation.operationId === 'getContact' ? ['id', 'number'] : ['number', 'id'];
      expect(r.failures.map((f) => f.rule)).toContain('document-path');
      expect(r.failures.find((f) => f.rule === 'document-path')?.message).toMatch(new RegExp(`^the document's path /contacts/\\{${path}\\} is the same template as /contacts/\\{${twin}\\} \\(OpenAPI: .*MUST NOT exist\\).*a defect of the document`));
    }
  });

  it('says nothing of the operations it does not concern', () => {
    const others = results.filter((r) => r.testCase.operation.operationId === 'getAccount');
    expect(others.length).toBeGreaterThan(2);
    expect(others.flatMap((r) => r.failures.map((f) => f.rule))).toEqual([]);
  });
});
