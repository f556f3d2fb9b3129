/**
 * The provider-state protocol (`generated/provider-states.schema.json`, made by `npm run generate`
 * from each API's `provider-states.yaml`): one validator for both sides. The sandbox checks every
 * request it is sent with it; the suite checks the data a target answers.
 */
import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { createAjv } from '../../openapi/createAjv.js';
import type { Registry } from '../registry.js';

export type StateAction = 'setup' | 'teardown';

export interface StateRequest {
  action: StateAction;
  api: string;
  state: string;
  params: Record<string, unknown>;
  data?: Record<string, unknown>;
}

export interface ProviderStateProtocol {
  /** The states of `api`, by name (empty when it has none). */
  states(api: string): string[];
  /** Reads a request body: the request, or a one-line reason it is not a valid one (unknown state or params named). */
  parseRequest(body: unknown): { request: StateRequest } | { problem: string };
  /** Problems of the data a setup answered, by the state's `data` schema; `[]` when valid. */
  dataProblems(api: string, state: string, data: unknown): string[];
  /** The members of a state's data that are secrets (their schema says `format: password`, OpenAPI's mark for a value to obscure). */
  secretData(api: string, state: string): string[];
}

const errorsText = (v: ValidateFunction, prefix: string) =>
  (v.errors ?? []).slice(0, 5).map((e) => `${prefix}${e.instancePath.replaceAll('/', '.')} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? ` ('${String(e.params.additionalProperty)}')` : ''}`.trim());

/** One problem of a request's envelope, by the member it is about (`params is required`, `api must be one of …`). */
function envelopeProblem(e: ErrorObject, action: StateAction): string {
  const at = e.instancePath.slice(1).replaceAll('/', '.');
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required') return `${String(p.missingProperty)} is required`;
  if (e.keyword === 'additionalProperties') return `${String(p.additionalProperty)} is not a member of a ${action}`;
  if (e.keyword === 'enum') return `${at} must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return `${at || 'the body'} ${e.message ?? 'is invalid'}`;
}

type DataSchema = { properties?: Record<string, { format?: unknown }> };
type SchemaFile = { $id: string; $defs: { States: { properties: Record<string, { properties: Record<string, { properties?: { data?: DataSchema } }> }> } } };

export function loadProviderStateProtocol(registry: Registry): ProviderStateProtocol {
  const schema = JSON.parse(readFileSync(registry.providerStatesSchemaFile, 'utf8')) as SchemaFile;
  const ajv = createAjv(schema);
  ajv.compile(schema); // registers the protocol under its $id, for the getSchema calls below
  // Each action's own branch of the protocol's oneOf, so a problem is told in that branch's terms.
  const branch = (name: string) => {
    const v = ajv.getSchema(`${schema.$id}#/$defs/${name}`);
    if (!v) throw new Error(`${registry.providerStatesSchemaFile}: no $defs/${name}`);
    return v;
  };
  const validateAction: Record<StateAction, ValidateFunction> = { setup: branch('SetupRequest'), teardown: branch('TeardownRequest') };
  const byApi = schema.$defs.States.properties;
  const part = (api: string, state: string, which: 'params' | 'data'): ValidateFunction | undefined =>
    ajv.getSchema(`${schema.$id}#/$defs/States/properties/${encodeURIComponent(api)}/properties/${encodeURIComponent(state)}/properties/${which}`);
  const states = (api: string) => Object.keys(byApi[api]?.properties ?? {});

  return {
    states,
    parseRequest(body) {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return { problem: 'not a provider-state request: the body must be a JSON object' };
      const action = (body as Record<string, unknown>).action;
      if (action === undefined) return { problem: 'not a provider-state request: action is required ("setup" or "teardown")' };
      if (action !== 'setup' && action !== 'teardown') return { problem: `not a provider-state request: action must be "setup" or "teardown", not ${JSON.stringify(action)}` };
      const validate = validateAction[action];
      if (!validate(body)) return { problem: `not a provider-state ${action}: ${(validate.errors ?? []).slice(0, 5).map((e) => envelopeProblem(e, action)).join('; ')}` };
      const request = body as StateRequest;
      if (!states(request.api).includes(request.state)) {
        return { problem: `${request.api} has no provider state '${request.state}' (known: ${states(request.api).join(', ')})` };
      }
      const params = part(request.api, request.state, 'params');
      if (params && !params(request.params)) return { problem: `params of '${request.state}': ${errorsText(params, 'params').join('; ')}` };
      return { request };
    },
    dataProblems(api, state, data) {
      const validate = part(api, state, 'data');
      return validate && !validate(data) ? errorsText(validate, 'data') : [];
    },
    secretData(api, state) {
      const members = byApi[api]?.properties[state]?.properties?.data?.properties ?? {};
      return Object.keys(members).filter((name) => members[name]?.format === 'password');
    },
  };
}
