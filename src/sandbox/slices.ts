/**
 * The sandbox as the registry makes it: the slices of the APIs marked `sandbox: true`, loaded by
 * dynamic import of `./apis/<name>/index.js`, their documents loaded once, their stores opened
 * over one database. Nothing here names an API.
 */
import { loadApis, type LoadedApi } from '../core/loadApi.js';
import type { Registry } from '../core/registry.js';
import type { SandboxSlice } from './slice.js';
import { loadMigrationSets, type Migration } from './store/migrate.js';
import type { Db } from './store/sqlDb.js';

/** A slice with the name it is registered under. Store and demo types are the slice's own. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySlice = SandboxSlice<any, any>;
export interface NamedSlice {
  name: string;
  slice: AnySlice;
}

/** The slice of every registry entry with `sandbox: true`; throws naming an entry without a module. */
export async function loadSlices(registry: Registry): Promise<NamedSlice[]> {
  const names = registry.apis.filter((a) => a.sandbox).map((a) => a.name);
  return Promise.all(
    names.map(async (name) => {
      let module: { default?: AnySlice };
      // A variable specifier: bundlers and test runners leave it to the runtime's resolver.
      const specifier = `./apis/${name}/index.js`;
      try {
        module = (await import(/* @vite-ignore */ specifier)) as { default?: AnySlice };
      } catch (error) {
        throw new Error(`the registry marks ${name} as having a sandbox slice, but src/sandbox/apis/${name}/index.ts cannot be loaded: ${(error as Error).message}`);
      }
      if (!module.default || typeof module.default.createHandler !== 'function') throw new Error(`src/sandbox/apis/${name}/index.ts has no default export of a sandbox slice`);
      return { name, slice: module.default };
    }),
  );
}

/** Every migration the slices need, shared set first. */
export const sliceMigrations = (slices: NamedSlice[]): Promise<Migration[]> => loadMigrationSets(slices.map(({ name, slice }) => ({ set: name, directory: slice.migrations })));

/** Every fault point of the slices. */
export const sliceFaultPoints = (slices: NamedSlice[]): string[] => slices.flatMap(({ slice }) => [...slice.faultPoints]);

export interface MountedSlice extends NamedSlice {
  api: LoadedApi;
  store: unknown;
}

/** Demo data of each slice, by API name. */
export type DemoData = Record<string, unknown>;

export interface Sandbox {
  db: Db;
  registry: Registry;
  slices: MountedSlice[];
  /** The mounted slice of `name`; throws naming the mounted ones. */
  slice(name: string): MountedSlice;
  /** Seeds every slice's demo tenant (idempotent). */
  seedDemo(): Promise<DemoData>;
}

/** Opens each slice's store over `db` (migrated with `sliceMigrations`). `apis`: pre-loaded documents. */
export async function mountSlices(db: Db, registry: Registry, slices: NamedSlice[], apis?: LoadedApi[]): Promise<Sandbox> {
  const loaded = apis ?? (await loadApis(registry, slices.map((s) => s.name)));
  const mounted: MountedSlice[] = slices.map(({ name, slice }) => {
    const api = loaded.find((a) => a.name === name);
    if (!api) throw new Error(`no loaded document for the sandbox slice ${name}`);
    return { name, slice, api, store: slice.createStore(db, api) };
  });
  return {
    db,
    registry,
    slices: mounted,
    slice(name) {
      const found = mounted.find((m) => m.name === name);
      if (!found) throw new Error(`no sandbox slice ${name} (mounted: ${mounted.map((m) => m.name).join(', ')})`);
      return found;
    },
    async seedDemo() {
      const demo: DemoData = {};
      for (const m of mounted) demo[m.name] = await m.slice.seedDemo(db, m.api);
      return demo;
    },
  };
}

/** The store of `slice` in `sandbox`, typed as the slice declares it. */
export function storeOf<S>(sandbox: Sandbox, slice: SandboxSlice<S, unknown>): S {
  const found = sandbox.slices.find((m) => m.slice === slice);
  if (!found) throw new Error('that slice is not mounted in this sandbox');
  return found.store as S;
}
