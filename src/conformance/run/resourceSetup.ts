/**
 * With `--state-url`, a negative BODY case (or a case marked `freshResource`: a valid body at a
 * bound) on a path whose resource a provider state can create
 * (the API's `creates:` in provider-states.yaml, `resources` in the registry) gets a fresh resource
 * first, and the case is sent to it: a server that looks the resource up before it validates the
 * body then answers the body's error, not a 404, and is not failed for the order it checks in.
 * The state is torn down after the case.
 */
import type { LoadedApi } from '../../core/loadApi.js';
import { ProviderStates, type ProviderStatesOptions } from '../../core/providerStates/client.js';
import type { ProviderStateProtocol } from '../../core/providerStates/protocol.js';
import type { RequestSpec, TestCase } from '../model.js';

export interface PreparedResource {
  request: RequestSpec;
  /** Tears down what the setup created; the teardown errors, if any. */
  teardown(): Promise<string[]>;
}

export type ResourceSetup = (testCase: TestCase, request: RequestSpec) => Promise<PreparedResource | undefined>;

/** The setup for `api`'s cases, or undefined when its registry entry names no resource state. */
export function resourceSetup(api: LoadedApi, stateUrl: string, protocol: ProviderStateProtocol, options: ProviderStatesOptions = {}): ResourceSetup | undefined {
  const resources = api.entry.resources;
  if (!resources || Object.keys(resources).length === 0) return undefined;
  return async (testCase, request) => {
    if (!testCase.freshResource && (testCase.kind !== 'negative' || !testCase.brokenRule?.startsWith('body'))) return undefined;
    const names = Object.keys(request.pathParams).filter((name) => Object.hasOwn(resources, name));
    if (names.length === 0) return undefined;
    const states = new ProviderStates(stateUrl, api.name, protocol, options);
    const next: RequestSpec = { ...request, pathParams: { ...request.pathParams }, ...(request.encodedPathParams ? { encodedPathParams: { ...request.encodedPathParams } } : {}) };
    try {
      for (const name of names) {
        const resource = resources[name] as NonNullable<typeof resources>[string];
        const data = await states.setup(resource.state, resource.params);
        const value = data[resource.data];
        if (typeof value !== 'string' || value === '') throw new Error(`provider state '${resource.state}' answered no ${resource.data} for the path parameter ${name}`);
        next.pathParams[name] = value;
        if (next.encodedPathParams) delete next.encodedPathParams[name];
      }
    } catch (error) {
      await states.teardownAll();
      throw error;
    }
    return { request: next, teardown: () => states.teardownAll() };
  };
}
