// What `creates:` of a provider state becomes in registry.json, and the errors naming a bad one.
import { describe, expect, it } from 'vitest';
import type { SourceApi } from '../../../scripts/generate/readRegistry.js';
import { renderRegistryJson } from '../../../scripts/generate/renderRegistry.js';

const api = (providerStates: Record<string, unknown>): SourceApi => ({
  name: 'shop',
  root: 'openapi/shop/openapi.yaml',
  document: 'shop/openapi.json',
  credentials: { apiKey: { env: 'SHOP_KEY', description: 'key' }, headers: [] },
  conformance: { scenarios: false },
  sandbox: false,
  providerStates,
});
const entry = (states: Record<string, unknown>) => (JSON.parse(renderRegistryJson([api(states)])) as { apis: Record<string, unknown>[] }).apis[0]!;
const counted = { params: { type: 'object', properties: { count: { type: 'integer', maximum: 50 } } } };

describe('renderRegistryJson: creates', () => {
  it('reads a path parameter and a list of body pointers, with the count param and its maximum', () => {
    const e = entry({
      'order exists': { creates: { parameter: 'orderId', data: 'orderId' } },
      'items exist': { ...counted, creates: [{ body: '/items/*', data: 'itemIds', params: { count: 1 }, countParam: 'count' }, { body: '/item', data: 'itemIds' }] },
    });
    expect(e.resources).toEqual({ orderId: { state: 'order exists', data: 'orderId', params: {} } });
    expect(e.bodyResources).toEqual([
      { state: 'items exist', data: 'itemIds', params: { count: 1 }, body: '/items/*', countParam: { name: 'count', maximum: 50 } },
      { state: 'items exist', data: 'itemIds', params: {}, body: '/item' },
    ]);
  });

  it('writes neither key for states that create nothing', () => {
    const e = entry({ 'rate limit exhausted': { params: { type: 'object' } } });
    expect('resources' in e || 'bodyResources' in e).toBe(false);
  });

  it.each([
    ['no data key', { creates: { parameter: 'id' } }, /provider state 'bad': creates needs a data key/],
    ['neither parameter nor body', { creates: { data: 'id' } }, /creates needs a path parameter name \(parameter\) or a JSON pointer into the body \(body\)/],
    ['a body that is no JSON pointer', { creates: { body: 'items/*', data: 'id' } }, /JSON pointer into the body/],
    ['a count param the state does not have', { ...counted, creates: { body: '/*', data: 'id', countParam: 'size' } }, /countParam must name an integer param of the state/],
  ])('refuses %s, naming the file and the state', (_, state, message) => {
    expect(() => renderRegistryJson([api({ bad: state })])).toThrow(message);
    expect(() => renderRegistryJson([api({ bad: state })])).toThrow(/^openapi\/shop\/provider-states\.yaml: /);
  });
});
