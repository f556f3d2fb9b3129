import { posix } from 'node:path';
import type { BodyResourceState, RegistryEntry, ResourceState } from '../../src/core/registry.js';
import type { SourceApi } from './readRegistry.js';

type Creates = { parameter?: unknown; body?: unknown; data?: unknown; params?: unknown; countParam?: unknown };

/**
 * What each state creates (`creates:`, one entry or a list): the resource a path parameter names
 * (`{ parameter, data, params? }`) or the ids at a pointer of the request body
 * (`{ body, data, params?, countParam? }`).
 */
function resourcesOf(api: SourceApi): { resources: Record<string, ResourceState>; bodyResources: BodyResourceState[] } {
  const resources: Record<string, ResourceState> = {};
  const bodyResources: BodyResourceState[] = [];
  for (const [state, value] of Object.entries(api.providerStates)) {
    const declared = (value as { creates?: Creates | Creates[] }).creates;
    if (declared === undefined) continue;
    for (const creates of Array.isArray(declared) ? declared : [declared]) {
      const where = `${posix.join(posix.dirname(api.root), 'provider-states.yaml')}: provider state '${state}': creates`;
      if (typeof creates.data !== 'string') throw new Error(`${where} needs a data key`);
      const params = (creates.params ?? {}) as Record<string, unknown>;
      if (typeof creates.parameter === 'string') {
        resources[creates.parameter] = { state, data: creates.data, params };
      } else if (typeof creates.body === 'string' && (creates.body === '' || creates.body.startsWith('/'))) {
        const countParam = creates.countParam === undefined ? undefined : countParamOf(value, creates.countParam, where);
        bodyResources.push({ state, data: creates.data, params, body: creates.body, ...(countParam ? { countParam } : {}) });
      } else {
        throw new Error(`${where} needs a path parameter name (parameter) or a JSON pointer into the body (body)`);
      }
    }
  }
  return { resources, bodyResources };
}

/** `countParam`: one of the state's integer params, with the maximum its schema allows. */
function countParamOf(state: unknown, name: unknown, where: string): { name: string; maximum?: number } {
  const schema = (state as { params?: { properties?: Record<string, { type?: unknown; maximum?: unknown }> } }).params?.properties?.[String(name)];
  if (typeof name !== 'string' || schema?.type !== 'integer') throw new Error(`${where}: countParam must name an integer param of the state`);
  return { name, ...(typeof schema.maximum === 'number' ? { maximum: schema.maximum } : {}) };
}

const entryOf = ({ root: _root, providerStates: _states, ...entry }: SourceApi): RegistryEntry => {
  const { resources, bodyResources } = resourcesOf({ root: _root, providerStates: _states, ...entry });
  return { ...entry, ...(Object.keys(resources).length > 0 ? { resources } : {}), ...(bodyResources.length > 0 ? { bodyResources } : {}) };
};

/** `registry.json`: what src/core/registry.ts reads at run time. */
export function renderRegistryJson(apis: SourceApi[]): string {
  return `${JSON.stringify({ apis: apis.map(entryOf) }, null, 2)}\n`;
}

/** `registry.ts`: the API names as a type, for code that is about the registered APIs. */
export function renderRegistryTs(apis: SourceApi[]): string {
  return `/** The APIs of redocly.yaml, in its order. */
export const API_NAMES = ${JSON.stringify(apis.map((a) => a.name))} as const;

/** The name of a registered API. */
export type ApiName = (typeof API_NAMES)[number];
`;
}

// Each state as a schema of its own: `{ type: object, description, properties: { params, data } }`.
const statesOf = (api: SourceApi) =>
  Object.fromEntries(
    Object.entries(api.providerStates).map(([name, value]) => {
      const { description, params, data } = value as { description?: string; params?: unknown; data?: unknown };
      return [name, { type: 'object', ...(description ? { description } : {}), properties: { params: params ?? { type: 'object' }, data: data ?? { type: 'object' } } }];
    }),
  );

/**
 * `provider-states.schema.json`: the provider-state protocol (setup and teardown requests, the
 * setup response) with every API's states, their params and the data they answer.
 */
export function renderProviderStatesSchema(apis: SourceApi[]): string {
  const withStates = apis.filter((a) => Object.keys(a.providerStates).length > 0);
  const request = (action: 'setup' | 'teardown') => ({
    type: 'object',
    required: ['action', 'api', 'state', 'params', ...(action === 'teardown' ? ['data'] : [])],
    additionalProperties: false,
    properties: {
      action: { const: action },
      api: { enum: withStates.map((a) => a.name) },
      state: { type: 'string', description: 'A state of that API: see #/$defs/States.' },
      params: { type: 'object' },
      ...(action === 'teardown' ? { data: { type: 'object', description: 'The data the setup answered, so the target deletes exactly what it created.' } } : {}),
    },
  });
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://partner-api-contracts.invalid/provider-states.schema.json',
    title: 'Provider-state protocol of the conformance suite',
    description:
      'The suite sends POST <state-url> with a SetupRequest before a scenario and a TeardownRequest after it, for every state it set up (and only those). The target answers a setup with 200 and a SetupResponse whose data holds the ids it created, and a teardown with 200 or 204. Any other status fails the scenario with the target\'s answer quoted. The endpoint must only be enabled on test deployments. Generated by `npm run generate` from openapi/<api>/provider-states.yaml.',
    oneOf: [{ $ref: '#/$defs/SetupRequest' }, { $ref: '#/$defs/TeardownRequest' }],
    $defs: {
      SetupRequest: request('setup'),
      TeardownRequest: request('teardown'),
      SetupResponse: { type: 'object', required: ['data'], properties: { data: { type: 'object' } } },
      States: {
        description: 'Per API, per state: what it sets up, the params sent and the data answered.',
        type: 'object',
        properties: Object.fromEntries(withStates.map((a) => [a.name, { type: 'object', properties: statesOf(a) }])),
      },
    },
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
