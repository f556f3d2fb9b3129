/** The Hoko workload of `npm run bench`: a 10,000-id delete per round, timed one by one. */
import type { BenchCeiling, BenchWorkload } from '../../slice.js';
import type { HokoDemo, HokoStore } from './types.js';

const RUNS = 1;

/** The delete through the store, with none of the handler's checks. */
function hokoCeiling(store: HokoStore): BenchCeiling {
  return async ({ method, path, authorization, body }) => {
    if (method !== 'DELETE' || path !== '/api/partners') return undefined;
    const key = authorization?.startsWith('Bearer ') ? await store.findKey(authorization.slice(7)) : null;
    if (!key) return { status: 401, body: '{"message":"Unauthenticated."}' };
    const outcome = await store.deletePartners(key.workspaceId, [...new Set(JSON.parse(body) as string[])]);
    return outcome.kind === 'deleted' ? { status: 200, body: JSON.stringify({ deletedIds: outcome.deletedIds }) } : { status: 400, body: '{"message":"invalid"}' };
  };
}

export async function hokoBench({ store, demo }: { store: HokoStore; demo: HokoDemo }): Promise<{ sandbox: BenchWorkload[]; prism: BenchWorkload[]; ceiling: BenchCeiling }> {
  const batches: string[] = [];
  for (let i = 0; i < RUNS; i++) batches.push(JSON.stringify((await store.states.createPartners(demo.workspaceId, 10_000)).ids));
  const ids = JSON.stringify(Array.from({ length: 10_000 }, () => crypto.randomUUID()));
  const headers = (key: string) => ({ Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' });
  return {
    sandbox: [{ operation: 'Hoko delete 10,000 ids', timed: { method: 'DELETE', path: '/api/partners', headers: headers(demo.apiKey), bodies: batches } }],
    prism: [{ operation: 'Hoko delete 10,000 ids', timed: { method: 'DELETE', path: '/api/partners', headers: headers('bench'), bodies: Array.from({ length: RUNS }, () => ids) } }],
    ceiling: hokoCeiling(store),
  };
}
