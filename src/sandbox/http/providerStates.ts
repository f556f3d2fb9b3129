/**
 * `POST /__states`: the conformance suite's provider-state protocol (generated/provider-states.schema.json,
 * made from each API's `provider-states.yaml`). Each request is validated by the shared core's
 * protocol (its `params` against the state's own schema), then set up or torn down by the slice of
 * its API, in that slice's demo tenant (the tenant of the demo keys the suite is run with).
 *
 * Test deployments only: the server enables it only when asked to, and only on a loopback address.
 *
 * A teardown removes only what a setup of this server created: every setup's answer is recorded
 * here (in memory, by API, state and the data itself), and a teardown whose data no setup answered
 * (another tenant's ids, the demo data's, ids already torn down, or a setup from before a restart)
 * is refused with a 400 and deletes nothing. The slice is then handed the recorded data, not the
 * request's. Anything that fails inside a state is logged and answered with a fixed message: no
 * database or JavaScript text reaches the client.
 */
import type { ProviderStateProtocol } from '../../core/providerStates/protocol.js';
import { BadState, type ProviderState } from '../slice.js';
import { json, type HttpResult, type SandboxRequest } from './httpTypes.js';
import { duplicateKeys } from './duplicateKeys.js';
import { nulFields, unpairedSurrogateFields } from './issues.js';
import { describeJsonSyntaxError } from './jsonSyntaxError.js';

export const PROVIDER_STATES_PATH = '/__states';

const bad = (message: string): HttpResult => json(400, { error: message });

/** Setups remembered at most; past it the oldest is forgotten (its teardown is then refused), with a line in the log. */
export const MAX_RECORDED_SETUPS = 10_000;

/** JSON with every object's keys sorted: the same data, however its keys were ordered, gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The endpoint over the slices' states (`states[api][state]`). Throws at start when the protocol
 * and a slice disagree on the states an API has.
 */
export function createProviderStates(
  protocol: ProviderStateProtocol,
  states: Record<string, Record<string, ProviderState>>,
  log: (line: string) => void = (line) => process.stderr.write(`sandbox: ${line}\n`),
): (request: SandboxRequest) => Promise<HttpResult> {
  for (const [api, table] of Object.entries(states)) {
    const declared = protocol.states(api);
    for (const state of declared) if (!table[state]) throw new Error(`provider states: the protocol's ${api} state '${state}' has no implementation in the sandbox`);
    for (const state of Object.keys(table)) if (!declared.includes(state)) throw new Error(`provider states: the sandbox implements ${api} state '${state}', which the protocol does not declare`);
  }

  /** Setups not torn down yet: `api \0 state \0 canonical(data)` → the data answered. Insertion order is age. */
  const recorded = new Map<string, Record<string, unknown>>();
  const recordKey = (api: string, state: string, data: unknown) => `${api}\u0000${state}\u0000${canonical(data)}`;

  return async (request) => {
    if (request.method !== 'POST') return json(405, { error: `${PROVIDER_STATES_PATH} takes POST only` }, { Allow: 'POST' });
    if (request.body.kind !== 'text') return bad(request.body.kind === 'empty' ? 'a JSON body is required' : request.body.kind === 'unreadable' ? request.body.problem : 'the body is too large');
    // Declared as JSON, or not read: a web page may POST text/plain, a form or multipart to any
    // address without asking first (a CORS simple request), but never application/json.
    if (request.body.mediaTypeProblem !== undefined) return bad(`${request.body.mediaTypeProblem}; nothing was done`);
    let body: unknown;
    try {
      body = JSON.parse(request.body.text);
    } catch (error) {
      // The sandbox's own words: the parser's message quotes the body back.
      return bad(describeJsonSyntaxError((error as Error).message, request.body.text).replace(/^Malformed/, 'malformed'));
    }
    // A member given twice is refused, not read as its last value (which one a reader keeps is its own choice).
    const twice = request.body.text.includes('{') ? duplicateKeys(request.body.text, 1)[0] : undefined;
    if (twice) return bad(`${JSON.stringify(twice.key)} is given twice${twice.field === twice.key ? '' : ` (under ${JSON.stringify(twice.field)})`}; nothing was done`);
    const parsed = protocol.parseRequest(body);
    if ('problem' in parsed) return bad(parsed.problem);
    const { action, api, state, params, data } = parsed.request;
    const impl = states[api]?.[state];
    if (!impl) return bad(`this sandbox serves no provider state '${state}' of ${api}`);
    const nul = nulFields(params);
    if (nul.length > 0) return bad(`params of '${state}': params.${nul[0]} must not contain the NUL character (\\u0000)`);
    const lone = unpairedSurrogateFields(params);
    if (lone.length > 0) return bad(`params of '${state}': params.${lone[0]} must not contain an unpaired surrogate (\\ud800 to \\udfff), which UTF-8 cannot encode`);
    let claimed: { key: string; data: Record<string, unknown> } | undefined;
    try {
      if (action === 'setup') {
        const answered = await impl.setup(params);
        // Recorded as the client will read it back (JSON), so its teardown's data matches exactly.
        recorded.set(recordKey(api, state, JSON.parse(JSON.stringify(answered))), answered);
        if (recorded.size > MAX_RECORDED_SETUPS) {
          const oldest = recorded.keys().next().value as string;
          recorded.delete(oldest);
          log(`provider states: more than ${MAX_RECORDED_SETUPS} setups not torn down; the oldest is forgotten and its teardown will be refused`);
        }
        return json(200, { data: answered });
      }
      if (data === undefined) return bad(`a teardown of '${state}' needs the data its setup answered`);
      const key = recordKey(api, state, data);
      const mine = recorded.get(key);
      if (!mine) {
        return bad(`a teardown of '${state}' must carry exactly the data one of this sandbox's setups of it answered, not yet torn down; nothing was deleted`);
      }
      // Claimed before the slice runs, so two teardowns of the same data delete once.
      recorded.delete(key);
      claimed = { key, data: mine };
      await impl.teardown(mine, params);
      return { status: 204 };
    } catch (error) {
      if (claimed) recorded.set(claimed.key, claimed.data);
      if (error instanceof BadState) return bad(error.message);
      log(`provider state ${action} of ${api} '${state}' failed: ${(error as Error).stack ?? String(error)}`);
      return json(500, { error: `the ${action} of '${state}' failed inside the sandbox; the details are in its log` });
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
