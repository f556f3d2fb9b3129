/** The Layers workloads of `npm run bench`: GET and PATCH of an influencer, and revokes of distinct accounts. */
import type { BenchCeiling, BenchWorkload } from '../../slice.js';
import { presentInfluencer, presentRevoked } from './present.js';
import type { InfluencerPatchInput, LayersDemo, LayersStore } from './types.js';

// Enough that the CPU per request read from /proc (10 ms ticks) and the mean latency settle.
const REVOKES = 2000;
const patchBodies = [JSON.stringify({ brandVoice: 'casual' }), JSON.stringify({ brandVoice: 'warm' })];
const INFLUENCER_PATH = /^\/v1\/influencers\/inf_([0-9a-f-]{36})$/;
const ACCOUNT_PATH = /^\/v1\/social-accounts\/sa_([0-9a-f-]{36})$/;

/** GET/PATCH influencer and revoke through the store, with none of the handler's checks. */
function layersCeiling(store: LayersStore): BenchCeiling {
  const notFound = { status: 404, body: '{"code":"NOT_FOUND"}' };
  return async ({ method, path, authorization, body }) => {
    const influencer = INFLUENCER_PATH.exec(path)?.[1];
    const account = ACCOUNT_PATH.exec(path)?.[1];
    if (!influencer && !account) return undefined;
    const key = authorization?.startsWith('Bearer ') ? await store.findKey(authorization.slice(7)) : null;
    if (!key || key.killSwitch) return { status: 401, body: '{"code":"UNAUTHENTICATED"}' };
    if (influencer && (method === 'GET' || method === 'PATCH')) {
      const row = method === 'GET' ? await store.getInfluencer(key.organizationId, influencer) : await store.patchInfluencer(key.organizationId, influencer, JSON.parse(body) as InfluencerPatchInput);
      return row ? { status: 200, body: JSON.stringify(presentInfluencer(row)) } : notFound;
    }
    if (account && method === 'DELETE') {
      const revoked = await store.revokeSocialAccount(key.organizationId, account);
      return revoked ? { status: 200, body: JSON.stringify(presentRevoked(revoked)) } : notFound;
    }
    return undefined;
  };
}

export async function layersBench({ store, demo }: { store: LayersStore; demo: LayersDemo }): Promise<{ sandbox: BenchWorkload[]; prism: BenchWorkload[]; ceiling: BenchCeiling }> {
  const headers = { Authorization: `Bearer ${demo.apiKey}`, 'Content-Type': 'application/json' };
  const accounts: string[] = [];
  for (let i = 0; i < REVOKES; i++) accounts.push((await store.states.createSocialAccount(demo.organizationId, 2)).id);
  const influencer = `/v1/influencers/inf_${demo.influencerId}`;
  const prismHeaders = { Authorization: 'Bearer bench', 'Content-Type': 'application/json' };
  const prismInfluencer = '/v1/influencers/inf_4a8e1bc2-5d3f-4b6a-9c7e-1f2a3b4c5d6e';
  return {
    sandbox: [
      { operation: 'GET influencer', load: { method: 'GET', path: influencer, headers } },
      { operation: 'PATCH influencer', load: { method: 'PATCH', path: influencer, headers, bodies: patchBodies } },
      { operation: `revoke (${REVOKES} accounts)`, load: { method: 'DELETE', paths: accounts.map((id) => `/v1/social-accounts/sa_${id}`), headers: { Authorization: headers.Authorization } } },
    ],
    prism: [
      { operation: 'GET influencer', load: { method: 'GET', path: prismInfluencer, headers: prismHeaders } },
      { operation: 'PATCH influencer', load: { method: 'PATCH', path: prismInfluencer, headers: prismHeaders, bodies: patchBodies } },
      { operation: `revoke (${REVOKES} accounts)`, load: { method: 'DELETE', path: '/v1/social-accounts/sa_9c1e42a0-b7f3-4e5d-a2c1-8b4f5e6c7d8e', headers: { Authorization: prismHeaders.Authorization } } },
    ],
    ceiling: layersCeiling(store),
  };
}
