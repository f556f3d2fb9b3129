import { describe, expect, it } from 'vitest';
import { loadProviderStateProtocol } from '../../../src/core/providerStates/protocol.js';
import { loadRegistry } from '../../../src/core/registry.js';

const protocol = loadProviderStateProtocol(loadRegistry());
const api = loadRegistry().apis.find((a) => protocol.states(a.name).length > 0)!;
const state = protocol.states(api.name)[0]!;

describe('the provider-state protocol', () => {
  it('lists each API’s states from its catalogue', () => {
    expect(protocol.states(api.name).length).toBeGreaterThan(0);
    expect(protocol.states('no-such-api')).toEqual([]);
  });
  it('refuses what is not a request, naming what is wrong', () => {
    expect(protocol.parseRequest({ action: 'explode', api: api.name, state, params: {} })).toMatchObject({ problem: expect.stringMatching(/^not a provider-state request: /) });
    expect(protocol.parseRequest({ action: 'setup', api: api.name, state: 'no such state', params: {} })).toMatchObject({ problem: expect.stringContaining(`${api.name} has no provider state 'no such state'`) });
  });
  it("checks params against the state's own schema (an unknown param is named)", () => {
    expect(protocol.parseRequest({ action: 'setup', api: api.name, state, params: { surelyUnknown: 1 } })).toMatchObject({ problem: expect.stringMatching(/surelyUnknown/) });
  });
  it('checks the data a setup answered', () => {
    expect(protocol.dataProblems(api.name, state, 'not an object').length).toBeGreaterThan(0);
  });
});
