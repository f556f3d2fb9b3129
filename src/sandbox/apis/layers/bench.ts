/** The Layers workloads of `npm run bench`: GET and PATCH of an influencer, and revokes of distinct accounts. */
import type { BenchWorkload } from '../../slice.js';
import type { LayersDemo, LayersStore } from './types.js';

const REVOKES = 500;
const patchBodies = [JSON.stringify({ brandVoice: 'casual' }), JSON.stringify({ brandVoice: 'warm' })];

export async function layersBench({ store, demo }: { store: LayersStore; demo: LayersDemo }): Promise<{ sandbox: BenchWorkload[]; prism: BenchWorkload[] }> {
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
  };
}
