// A response that breaks one rule very many times gets a bounded list: the first
// MAX_FAILURES_PER_CHECK failures and one counting the rest. A value that is valid is never
// reported because of the bound (writeOnly properties a response leaves out).
import { describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_CHECK } from '../../../src/conformance/checks/check.js';
import { MAX_ALL_ERRORS_BODY } from '../../../src/conformance/checks/body-schema.js';
import { checkResponse } from '../../../src/conformance/checks/checkResponse.js';
import { toOpenApiDocument } from '../../../src/openapi/loadDocument.js';
import { listOperations } from '../../../src/openapi/operations.js';
import { createSchemaValidator } from '../../../src/openapi/schemaValidator.js';

const account = { type: 'object', required: ['id', 'secret'], properties: { id: { type: 'integer' }, secret: { type: 'string', writeOnly: true } } };
const doc = toOpenApiDocument(
  {
    openapi: '3.1.0',
    info: { title: 'accounts', version: '1' },
    paths: { '/accounts': { get: { operationId: 'listAccounts', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { ids: { type: 'array', items: { type: 'string' } }, accounts: { type: 'array', items: account } } } } } } } } } },
  },
  'accounts',
);
const validator = createSchemaValidator(doc);
const failuresOf = (body: unknown) =>
  checkResponse({ operation: listOperations(doc)[0]!, doc, validator, expect: { statuses: [] }, target: 'live', response: { status: 200, headers: { 'content-type': 'application/json' }, bodyText: JSON.stringify(body) } });

describe('failures per check are bounded', () => {
  it('10,000 wrong items: the first failures listed, then one counting the rest', () => {
    const failures = failuresOf({ ids: Array(10_000).fill(1) });
    expect(failures).toHaveLength(MAX_FAILURES_PER_CHECK + 1);
    expect(failures[0]).toMatchObject({ rule: 'body-schema', instancePath: '/ids/0' });
    expect(failures.at(-1)?.message).toBe(`… and ${10_000 - MAX_FAILURES_PER_CHECK} more body-schema failures on this response, not listed`);
  });

  it('an answer over 64 KiB is checked up to its first failure only, and says so: 1,000,000 wrong items make 2 failures, not 1,000,000 error objects', () => {
    // every error of a hostile 10 MB answer was kept by ajv before any was read: 10 million of them took 3.4 GB, 33 million ran out of memory
    const failures = failuresOf({ ids: Array(1_000_000).fill(1) });
    expect(failures.map((f) => f.message)).toEqual([
      'body/ids/0 must be string',
      `… the answer is larger than ${MAX_ALL_ERRORS_BODY / 1024} KiB: its schema check stopped at this first failure (more may follow)`,
    ]);
  });

  it('over 64 KiB, missing writeOnly properties are still no failure, and a real error after them is found', () => {
    const accounts: unknown[] = Array.from({ length: 10_000 }, (_, i) => ({ id: i }));
    expect(JSON.stringify({ accounts }).length).toBeGreaterThan(MAX_ALL_ERRORS_BODY);
    expect(failuresOf({ accounts })).toEqual([]);
    accounts.push({ id: 'x' });
    expect(failuresOf({ accounts }).map((f) => f.instancePath)).toEqual(['/accounts/10000/id']);
  });

  it('more missing writeOnly properties than the bound is still a valid response', () => {
    expect(failuresOf({ accounts: Array.from({ length: MAX_FAILURES_PER_CHECK * 3 }, (_, i) => ({ id: i })) })).toEqual([]);
  });

  it('missing writeOnly properties beyond the bound do not hide a real error after them', () => {
    const accounts: unknown[] = Array.from({ length: MAX_FAILURES_PER_CHECK * 3 }, (_, i) => ({ id: i }));
    accounts.push({ id: 'x' });
    expect(failuresOf({ accounts }).map((f) => f.instancePath)).toEqual([`/accounts/${MAX_FAILURES_PER_CHECK * 3}/id`]);
  });
});
