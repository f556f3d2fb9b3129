/**
 * With `--state-url`, a negative BODY case (or a case marked `freshResource`: a valid body at a
 * bound) on a path whose resource a provider state can create
 * (the API's `creates:` in provider-states.yaml, `resources` in the registry) gets a fresh resource
 * first, and the case is sent to it: a server that looks the resource up before it validates the
 * body then answers the body's error, not a 404, and is not failed for the order it checks in.
 * Ids in the body that a state creates (`creates: { body }`) are replaced by fresh ones the same
 * way, but for the value the case breaks (bodyResourceIds.ts): a server that looks the ids up
 * first is judged on the body, not on ids no resource has. The state is torn down after the case.
 */
import type { LoadedApi } from '../../core/loadApi.js';
import type { BodyResourceState, ResourceState } from '../../core/registry.js';
import { ProviderStates, type ProviderStatesOptions } from '../../core/providerStates/client.js';
import type { ProviderStateProtocol } from '../../core/providerStates/protocol.js';
import type { RequestSpec, TestCase } from '../model.js';
import { setOwn } from '../../core/ownMember.js';
import { distinctValues, idLocations, replaceableLocations, withFreshIds } from './bodyResourceIds.js';

export interface PreparedResource {
  request: RequestSpec;
  /** Tears down what the setup created; the teardown errors, if any. */
  teardown(): Promise<string[]>;
}

export type ResourceSetup = (testCase: TestCase, request: RequestSpec) => Promise<PreparedResource | undefined>;

/** The setup for `api`'s cases, or undefined when its registry entry names no resource state. */
export function resourceSetup(api: LoadedApi, stateUrl: string, protocol: ProviderStateProtocol, options: ProviderStatesOptions = {}): ResourceSetup | undefined {
  const resources = api.entry.resources ?? {};
  const bodyResources = api.entry.bodyResources ?? [];
  if (Object.keys(resources).length === 0 && bodyResources.length === 0) return undefined;
  return async (testCase, request) => {
    if (!testCase.freshResource && (testCase.kind !== 'negative' || !testCase.brokenRule?.startsWith('body'))) return undefined;
    const names = Object.keys(request.pathParams).filter((name) => Object.hasOwn(resources, name));
    const inBody = bodyPlaces(testCase, request, bodyResources);
    if (names.length === 0 && inBody.length === 0) return undefined;
    const states = new ProviderStates(stateUrl, api.name, protocol, options);
    const next: RequestSpec = { ...request, pathParams: { ...request.pathParams }, ...(request.encodedPathParams ? { encodedPathParams: { ...request.encodedPathParams } } : {}) };
    try {
      for (const name of names) {
        const resource = resources[name] as ResourceState;
        const data = await states.setup(resource.state, resource.params);
        const value = data[resource.data];
        if (typeof value !== 'string' || value === '') throw new Error(`provider state '${resource.state}' answered no ${resource.data} for the path parameter ${name}`);
        setOwn(next.pathParams, name, value);
        if (next.encodedPathParams) delete next.encodedPathParams[name];
      }
      for (const { resource, locations, count } of inBody) {
        const params = resource.countParam ? { ...resource.params, [resource.countParam.name]: count } : resource.params;
        const data = await states.setup(resource.state, params);
        const fresh = freshIds(data[resource.data], count);
        if (!fresh) throw new Error(`provider state '${resource.state}' answered no ${count === 1 ? 'id' : `${count} ids`} in ${resource.data} for the body's ${resource.body}`);
        const body = next.body as { json: unknown; contentType?: string };
        next.body = { ...body, json: withFreshIds(body.json, locations, fresh) };
      }
    } catch (error) {
      await states.teardownAll();
      throw error;
    }
    return { request: next, teardown: () => states.teardownAll() };
  };
}

/**
 * The body's places a state can fill, with how many distinct ids each needs. A place needing more
 * than the state's count param allows is left as it is (a body over a limit the state cannot
 * reach keeps its unknown ids).
 */
function bodyPlaces(testCase: TestCase, request: RequestSpec, bodyResources: BodyResourceState[]) {
  const body = request.body;
  if (!body || !('json' in body)) return [];
  const at = testCase.expect.violationAt;
  const broken = testCase.kind === 'negative' && at?.[0] === 'request' && at[1] === 'body' ? { at: at.slice(2), keyword: brokenKeyword(testCase.brokenRule) } : undefined;
  const places: { resource: BodyResourceState; locations: string[][]; count: number }[] = [];
  for (const resource of bodyResources) {
    const locations = replaceableLocations(idLocations(body.json, resource.body), broken);
    const count = distinctValues(body.json, locations).length;
    if (count === 0) continue;
    if (count > 1 && !resource.countParam) continue;
    if (resource.countParam?.maximum !== undefined && count > resource.countParam.maximum) continue;
    places.push({ resource, locations, count });
  }
  return places;
}

/** `body.0: format uuid` → `format`; `body.tags: null not allowed` → `null`. */
const brokenKeyword = (rule: string | undefined) => rule?.slice(rule.indexOf(': ') + 2).split(' ')[0] ?? '';

/** `count` distinct non-empty ids from a state's data value (an array of them, or one string). */
function freshIds(value: unknown, count: number): string[] | undefined {
  const ids = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const usable = [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
  return usable.length >= count ? usable.slice(0, count) : undefined;
}
