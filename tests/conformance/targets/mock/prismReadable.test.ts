// A document Prism cannot read in reasonable time (forty schemas each naming the next twice:
// 2^40 nodes once its $refs are expanded, which Prism's dereferencing walks one by one) stops the
// run at once with one line saying so and pointing to --target; before, the run waited out the
// two-minute start limit (Stripe's spec3 would have needed far longer) and said only that.
import { describe, expect, it } from 'vitest';
import { SuiteSetupError } from '../../../../src/conformance/failClosed.js';
import { runInlineSpec } from '../../../support/runInlineSpec.js';
import { assertPrismCanRead } from '../../../../src/conformance/targets/mock/prismReadable.js';

const depth = 40;
const document = {
  openapi: '3.1.0',
  info: { title: 'doubling schemas', version: '1' },
  paths: { '/tree': { get: { operationId: 'getTree', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/S0' }, example: {} } } } } } } },
  components: { schemas: { ...Object.fromEntries(Array.from({ length: depth }, (_, i) => [`S${i}`, { type: 'object', properties: { a: { $ref: `#/components/schemas/S${i + 1}` }, b: { $ref: `#/components/schemas/S${i + 1}` } } }])), [`S${depth}`]: { type: 'string' } } },
};

describe('a document too large for Prism once its $refs are expanded', () => {
  it('stops the run at once with one line naming it and --target', async () => {
    const error = await runInlineSpec('tree', document).then(() => undefined, (e: unknown) => e as Error);
    expect(error).toBeInstanceOf(SuiteSetupError);
    expect(error?.message).toMatch(/^mock target: Prism cannot read tree in reasonable time: .* over 1,000,000,000 nodes, .*--target tree=<url>$/);
  }, 30_000);

  it('lets a document under the limit through', () => {
    expect(() => assertPrismCanRead({ ...document, components: { schemas: { S0: { type: 'string' } } } }, 'small')).not.toThrow();
    expect(() => assertPrismCanRead(document, 'tree', 1_000)).toThrow(/over 1,000 nodes/);
  });
});
