/**
 * The provider-state protocol (`generated/provider-states.schema.json`, made by `npm run generate`
 * from each API's `provider-states.yaml`): one validator for both sides. The sandbox checks every
 * request it is sent with it; the suite checks the data a target answers.
 */
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv/dist/2020.js';
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
}

const errorsText = (v: ValidateFunction, prefix: string) =>
  (v.errors ?? []).slice(0, 5).map((e) => `${prefix}${e.instancePath.replaceAll('/', '.')} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? ` ('${String(e.params.additionalProperty)}')` : ''}`.trim());

type SchemaFile = { $id: string; $defs: { States: { properties: Record<string, { properties: Record<string, unknown> }> } } };

export function loadProviderStateProtocol(registry: Registry): ProviderStateProtocol {
  const schema = JSON.parse(readFileSync(registry.providerStatesSchemaFile, 'utf8')) as SchemaFile;
  const ajv = createAjv(schema);
  const validateRequest = ajv.compile(schema);
  const byApi = schema.$defs.States.properties;
  const part = (api: string, state: string, which: 'params' | 'data'): ValidateFunction | undefined =>
    ajv.getSchema(`${schema.$id}#/$defs/States/properties/${encodeURIComponent(api)}/properties/${encodeURIComponent(state)}/properties/${which}`);
  const states = (api: string) => Object.keys(byApi[api]?.properties ?? {});

  return {
    states,
    parseRequest(body) {
      if (!validateRequest(body)) return { problem: `not a provider-state request: ${errorsText(validateRequest, '').join('; ')}` };
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
  };
}
