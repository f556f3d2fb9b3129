/**
 * `POST /__states`: the conformance suite's provider-state protocol (generated/provider-states.schema.json,
 * made from each API's `provider-states.yaml`). Each request is validated by the shared core's
 * protocol (its `params` against the state's own schema), then set up or torn down by the slice of
 * its API, in that slice's demo tenant (the tenant of the demo keys the suite is run with).
 *
 * Test deployments only: the server enables it only when asked to, and only on a loopback address.
 */
import type { ProviderStateProtocol } from '../../core/providerStates/protocol.js';
import { BadState, type ProviderState } from '../slice.js';
import { json, type HttpResult, type SandboxRequest } from './httpTypes.js';

export const PROVIDER_STATES_PATH = '/__states';

const bad = (message: string): HttpResult => json(400, { error: message });

/**
 * The endpoint over the slices' states (`states[api][state]`). Throws at start when the protocol
 * and a slice disagree on the states an API has.
 */
export function createProviderStates(protocol: ProviderStateProtocol, states: Record<string, Record<string, ProviderState>>): (request: SandboxRequest) => Promise<HttpResult> {
  for (const [api, table] of Object.entries(states)) {
    const declared = protocol.states(api);
    for (const state of declared) if (!table[state]) throw new Error(`provider states: the protocol's ${api} state '${state}' has no implementation in the sandbox`);
    for (const state of Object.keys(table)) if (!declared.includes(state)) throw new Error(`provider states: the sandbox implements ${api} state '${state}', which the protocol does not declare`);
  }

  return async (request) => {
    if (request.method !== 'POST') return json(405, { error: `${PROVIDER_STATES_PATH} takes POST only` }, { Allow: 'POST' });
    if (request.body.kind !== 'text') return bad(request.body.kind === 'empty' ? 'a JSON body is required' : 'the body is too large');
    let body: unknown;
    try {
      body = JSON.parse(request.body.text);
    } catch (error) {
      return bad(`malformed JSON: ${(error as Error).message}`);
    }
    const parsed = protocol.parseRequest(body);
    if ('problem' in parsed) return bad(parsed.problem);
    const { action, api, state, params, data } = parsed.request;
    const impl = states[api]?.[state];
    if (!impl) return bad(`this sandbox serves no provider state '${state}' of ${api}`);
    try {
      if (action === 'setup') return json(200, { data: await impl.setup(params) });
      if (data === undefined) return bad(`a teardown of '${state}' needs the data its setup answered`);
      await impl.teardown(data, params);
      return { status: 204 };
    } catch (error) {
      if (error instanceof BadState) return bad(error.message);
      throw error;
    }
  };
}

const strings = (value: unknown, what: string): string[] => {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new BadState(`data.${what} must be an array of strings`);
  return value;
};
const string = (value: unknown, what: string): string => {
  if (typeof value !== 'string' || value === '') throw new BadState(`data.${what} must be a non-empty string`);
  return value;
};

/** Reads a teardown's ids from its data; a missing or mistyped one is a 400 naming it. */
export const stateData = { strings, string };
