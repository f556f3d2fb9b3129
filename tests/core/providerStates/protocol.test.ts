import { readFileSync } from 'node:fs';
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
  it.each([
    [[], 'not a provider-state request: the body must be a JSON object'],
    [null, 'not a provider-state request: the body must be a JSON object'],
    [{ action: 'boom' }, `not a provider-state request: action must be "setup" or "teardown", not "boom"`],
    [{}, 'not a provider-state request: action is required ("setup" or "teardown")'],
    [{ action: 'setup', api: 'nope', state: 'x', params: {} }, 'not a provider-state setup: api must be one of '],
    [{ action: 'setup', api: '$API', state: '$STATE' }, 'not a provider-state setup: params is required'],
    [{ action: 'setup', api: '$API', state: '$STATE', params: {}, extra: 1 }, 'not a provider-state setup: extra is not a member of a setup'],
    [{ action: 'teardown', api: '$API', state: '$STATE', params: {} }, 'not a provider-state teardown: data is required'],
    [{ action: 'setup', api: '$API', state: 7, params: {} }, 'not a provider-state setup: state must be string'],
  ])('%j: one line naming the member at fault, from the branch its action picks', (body, problem) => {
    const filled = JSON.parse(JSON.stringify(body).replaceAll('$API', api.name).replaceAll('$STATE', state)) as unknown;
    const answer = protocol.parseRequest(filled) as { problem: string };
    expect(answer.problem.startsWith(problem), answer.problem).toBe(true);
    expect(answer.problem).not.toMatch(/\n|oneOf|must match exactly one schema/);
  });
  it("checks params against the state's own schema (an unknown param is named)", () => {
    expect(protocol.parseRequest({ action: 'setup', api: api.name, state, params: { surelyUnknown: 1 } })).toMatchObject({ problem: expect.stringMatching(/surelyUnknown/) });
  });
  it('names the data members a state marks format: password as its secrets: every one its description says is never printed, and no other', () => {
    const registry = loadRegistry();
    const schema = JSON.parse(readFileSync(registry.providerStatesSchemaFile, 'utf8')) as { $defs: { States: { properties: Record<string, { properties: Record<string, { properties: { data: { properties?: Record<string, { description?: string }> } } }> }> } } };
    let secrets = 0;
    for (const a of registry.apis) {
      for (const s of protocol.states(a.name)) {
        const members = schema.$defs.States.properties[a.name]?.properties[s]?.properties.data.properties ?? {};
        const neverPrinted = Object.keys(members).filter((m) => /never printed/.test(members[m]?.description ?? ''));
        expect(protocol.secretData(a.name, s), `${a.name} ${s}`).toEqual(neverPrinted);
        secrets += neverPrinted.length;
      }
    }
    expect(secrets).toBeGreaterThan(0);
    expect(protocol.secretData('no-such-api', 'x')).toEqual([]);
  });
  it('checks the data a setup answered', () => {
    expect(protocol.dataProblems(api.name, state, 'not an object').length).toBeGreaterThan(0);
  });
});
