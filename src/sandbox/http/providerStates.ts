/**
 * `POST /__states`: the conformance suite's provider-state protocol
 * (src/conformance/providerStates/provider-states.schema.json). Each request is validated against
 * that schema with ajv, its `params` against the state's own `params` schema there, and then set
 * up or torn down through `store.states`, in the demo tenant (the organization, profile and
 * workspace of the demo keys, which are the keys the suite is run with).
 *
 * Test deployments only: the server enables it only when asked to, and only on a loopback address.
 */
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { createAjv } from '../../openapi/createAjv.js';
import type { DemoData, InfluencerPatchInput, SandboxStore } from '../store/types.js';
import { json, type HttpResult, type SandboxRequest } from './httpTypes.js';
import { bareId, PREFIX, prefixed } from './layers/present.js';

export const PROVIDER_STATES_PATH = '/__states';

const SCHEMA_URL = new URL('../../conformance/providerStates/provider-states.schema.json', import.meta.url);

type Params = Record<string, unknown>;
type Data = Record<string, unknown>;
type TeardownKind = Parameters<SandboxStore['states']['teardown']>[0];

interface StateImpl {
  api: 'layers' | 'ayrshare' | 'hoko';
  setup(params: Params): Promise<Data>;
  /** What to remove: the store's kind and the ids the setup's data names. */
  created(data: Data): { kind: TeardownKind; ids: string[] };
}

export interface ProviderStatesOptions {
  store: SandboxStore;
  /** The demo tenant (seeded once; `store.seedDemo()` is idempotent). */
  demo: () => Promise<DemoData>;
  /** Every scope of the Layers document: a key "without scope X" gets all the others. */
  layersScopes: string[];
  /** Problems with influencer fields, by the Layers document's PATCH schema (so a bad value is a 400, not a database error). */
  checkInfluencerFields: (fields: Record<string, unknown>) => string[];
}

const strings = (value: unknown, what: string): string[] => {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new BadState(`data.${what} must be an array of strings`);
  return value;
};
const string = (value: unknown, what: string): string => {
  if (typeof value !== 'string' || value === '') throw new BadState(`data.${what} must be a non-empty string`);
  return value;
};

class BadState extends Error {}

const INFLUENCER_FIELDS = ['name', 'gender', 'ageRange', 'brandVoice', 'language'] as const;

function states({ store, demo, layersScopes, checkInfluencerFields }: ProviderStatesOptions): Record<string, StateImpl> {
  return {
    'influencer exists': {
      api: 'layers',
      async setup(params) {
        const fields = Object.fromEntries(INFLUENCER_FIELDS.filter((f) => params[f] !== undefined).map((f) => [f, params[f]]));
        const problems = Object.keys(fields).length > 0 ? checkInfluencerFields(fields) : [];
        if (problems.length > 0) throw new BadState(`params of 'influencer exists': ${problems.join('; ')}`);
        const { id } = await store.states.createInfluencer((await demo()).layers.organizationId, fields as Partial<InfluencerPatchInput>);
        return { influencerId: prefixed(PREFIX.influencer, id) };
      },
      created: (data) => ({ kind: 'influencer', ids: [bareId(PREFIX.influencer, string(data.influencerId, 'influencerId'))] }),
    },
    'social account exists': {
      api: 'layers',
      async setup(params) {
        const { id } = await store.states.createSocialAccount((await demo()).layers.organizationId, params.queuedPosts as number);
        return { socialAccountId: prefixed(PREFIX.socialAccount, id) };
      },
      created: (data) => ({ kind: 'socialAccount', ids: [bareId(PREFIX.socialAccount, string(data.socialAccountId, 'socialAccountId'))] }),
    },
    'social account exists in another organization': {
      api: 'layers',
      async setup(params) {
        const queued = typeof params.queuedPosts === 'number' ? params.queuedPosts : 0;
        const { id } = await store.states.createSocialAccount(await store.states.otherOrganization(), queued);
        return { socialAccountId: prefixed(PREFIX.socialAccount, id) };
      },
      created: (data) => ({ kind: 'socialAccount', ids: [bareId(PREFIX.socialAccount, string(data.socialAccountId, 'socialAccountId'))] }),
    },
    'api key without scope': {
      api: 'layers',
      async setup(params) {
        const scopes = layersScopes.filter((s) => s !== params.scope);
        const { keyId, apiKey } = await store.states.createLayersKey((await demo()).layers.organizationId, scopes);
        return { apiKey, keyId };
      },
      created: (data) => ({ kind: 'layersKey', ids: [string(data.keyId, 'keyId')] }),
    },
    'posts exist': {
      api: 'ayrshare',
      async setup(params) {
        return { ...(await store.states.createPosts((await demo()).ayrshare.profileId, params.pending as number, params.published as number)) };
      },
      created: (data) => ({ kind: 'posts', ids: [...strings(data.pendingIds, 'pendingIds'), ...strings(data.publishedIds, 'publishedIds')] }),
    },
    'partners exist': {
      api: 'hoko',
      async setup(params) {
        const { ids } = await store.states.createPartners((await demo()).hoko.workspaceId, params.count as number);
        return { partnerIds: ids };
      },
      created: (data) => ({ kind: 'partners', ids: strings(data.partnerIds, 'partnerIds') }),
    },
  };
}

const errorsText = (v: ValidateFunction) => (v.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`).join('; ');
const bad = (message: string): HttpResult => json(400, { error: message });

export function createProviderStates(options: ProviderStatesOptions): (request: SandboxRequest) => Promise<HttpResult> {
  const schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as { $id: string; $defs: { StateName: { enum: string[] } } };
  const ajv = createAjv(schema);
  const validateRequest = ajv.compile(schema);
  const table = states(options);
  const validateParams = new Map<string, ValidateFunction>();
  for (const state of schema.$defs.StateName.enum) {
    if (!table[state]) throw new Error(`provider states: the protocol's state '${state}' has no implementation in the sandbox`);
    const v = ajv.getSchema(`${schema.$id}#/$defs/States/properties/${encodeURIComponent(state)}/properties/params`);
    if (!v) throw new Error(`provider states: the protocol schema has no params schema for '${state}'`);
    validateParams.set(state, v);
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
    if (!validateRequest(body)) return bad(`not a provider-state request: ${errorsText(validateRequest)}`);
    const { action, api, state, params, data } = body as { action: 'setup' | 'teardown'; api: string; state: string; params: Params; data?: Data };
    const impl = table[state]!;
    if (impl.api !== api) return bad(`state '${state}' belongs to ${impl.api}, not ${api}`);
    const checkParams = validateParams.get(state)!;
    if (!checkParams(params)) return bad(`params of '${state}': ${errorsText(checkParams)}`);
    try {
      if (action === 'setup') return json(200, { data: await impl.setup(params) });
      const { kind, ids } = impl.created(data ?? {});
      await options.store.states.teardown(kind, ids);
      return { status: 204 };
    } catch (error) {
      if (error instanceof BadState) return bad(error.message);
      throw error;
    }
  };
}
