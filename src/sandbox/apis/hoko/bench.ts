/** The Hoko workload of `npm run bench`: 10,000-id deletes, timed one by one. */
import type { BenchWorkload } from '../../slice.js';
import type { HokoDemo, HokoStore } from './types.js';

const RUNS = 3;

export async function hokoBench({ store, demo }: { store: HokoStore; demo: HokoDemo }): Promise<{ sandbox: BenchWorkload[]; prism: BenchWorkload[] }> {
  const batches: string[] = [];
  for (let i = 0; i < RUNS; i++) batches.push(JSON.stringify((await store.states.createPartners(demo.workspaceId, 10_000)).ids));
  const ids = JSON.stringify(Array.from({ length: 10_000 }, () => crypto.randomUUID()));
  const headers = (key: string) => ({ Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' });
  return {
    sandbox: [{ operation: 'Hoko delete 10,000 ids', timed: { method: 'DELETE', path: '/api/partners', headers: headers(demo.apiKey), bodies: batches } }],
    prism: [{ operation: 'Hoko delete 10,000 ids', timed: { method: 'DELETE', path: '/api/partners', headers: headers('bench'), bodies: Array.from({ length: RUNS }, () => ids) } }],
  };
}
