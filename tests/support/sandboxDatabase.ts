/**
 * A fresh, migrated sandbox database for one test file: PGlite in memory, or, when DATABASE_URL
 * is set, a new schema of that PostgreSQL database (dropped again by `close`), so test files that
 * run in parallel never see each other's rows or settings.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { loadApis } from '../../src/core/loadApi.js';
import { loadRegistry } from '../../src/core/registry.js';
import ayrshareSlice from '../../src/sandbox/apis/ayrshare/index.js';
import type { AyrshareDemo, AyrshareStore } from '../../src/sandbox/apis/ayrshare/types.js';
import hokoSlice from '../../src/sandbox/apis/hoko/index.js';
import type { HokoDemo, HokoStore } from '../../src/sandbox/apis/hoko/types.js';
import layersSlice from '../../src/sandbox/apis/layers/index.js';
import type { LayersDemo, LayersStore } from '../../src/sandbox/apis/layers/types.js';
import { loadSlices, mountSlices, sliceMigrations, storeOf, type Sandbox } from '../../src/sandbox/slices.js';
import { hashSecret } from '../../src/sandbox/store/hashSecret.js';
import { newSecret } from '../../src/sandbox/store/ids.js';
import { openDatabase } from '../../src/sandbox/store/openDatabase.js';
import type { SqlDb } from '../../src/sandbox/store/sqlDb.js';

/** Each slice's store, by API (tests may name the APIs; src/ outside the slices may not). */
export interface TestStores {
  layers: LayersStore;
  ayrshare: AyrshareStore;
  hoko: HokoStore;
}
export interface TestDemo {
  layers: LayersDemo;
  ayrshare: AyrshareDemo;
  hoko: HokoDemo;
}

export const registry = loadRegistry();
export const slices = await loadSlices(registry);
const migrations = await sliceMigrations(slices);

/** The slices of the registry mounted over `db`, with each slice's store typed. */
export async function mountTestSandbox(db: SqlDb): Promise<{ sandbox: Sandbox; store: TestStores; seedDemo: () => Promise<TestDemo> }> {
  const sandbox = await mountSlices(db, registry, slices, await sharedApis());
  const store = { layers: storeOf(sandbox, layersSlice), ayrshare: storeOf(sandbox, ayrshareSlice), hoko: storeOf(sandbox, hokoSlice) };
  return { sandbox, store, seedDemo: async () => (await sandbox.seedDemo()) as unknown as TestDemo };
}

let apis: ReturnType<typeof loadApis> | undefined;
/** The registry's documents, loaded once per test file. */
export const sharedApis = () => (apis ??= loadApis(registry, slices.map((s) => s.name)));

/** Opens a migrated database of the sandbox (PGlite, or the PostgreSQL of `databaseUrl`). */
export const openSandboxDatabase = (options: { databaseUrl?: string; dataDir?: string } = {}) => openDatabase(migrations, options);

export interface TestDatabase {
  db: SqlDb;
  sandbox: Sandbox;
  store: TestStores;
  seedDemo(): Promise<TestDemo>;
  /** Which database the tests ran on, for test names. */
  engine: 'PGlite' | 'PostgreSQL';
  close(): Promise<void>;
}

export const databaseUrl = process.env.DATABASE_URL || undefined;
export const engineName = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (in memory)';

/** Opens on `url` (default: DATABASE_URL), or PGlite when there is none. */
export async function openTestDatabase(url: string | undefined = databaseUrl): Promise<TestDatabase> {
  if (!url) {
    const db = await openSandboxDatabase();
    return { db, ...(await mountTestSandbox(db)), engine: 'PGlite', close: () => db.close() };
  }
  const schema = `sandbox_test_${randomUUID().replaceAll('-', '')}`;
  await admin(url, `CREATE SCHEMA ${schema}`);
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openSandboxDatabase({ databaseUrl: withSchema.toString() });
  return {
    db,
    ...(await mountTestSandbox(db)),
    engine: 'PostgreSQL',
    async close() {
      await db.close();
      await admin(url, `DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

/** Runs `sql` on its own connection to `url` (schema set-up and clean-up beside the sandbox's pool). */
export async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// ----- tenants the tests create (the StatesStore works inside existing tenants) ------------

export async function createOrganization(db: SqlDb, scopes: string[] = ['influencers:read', 'influencers:write', 'social:read', 'social:write']) {
  const { rows } = await db.query<{ id: string }>('INSERT INTO layers_organizations (slug, name) VALUES ($1, $2) RETURNING id', [`org-${randomUUID()}`, 'Test organization']);
  const organizationId = (rows[0] as { id: string }).id;
  const apiKey = newSecret('lp_test_');
  const key = await db.query<{ id: string }>('INSERT INTO layers_api_keys (organization_id, secret_sha256, scopes) VALUES ($1, $2, $3::text[]) RETURNING id', [
    organizationId,
    hashSecret(apiKey),
    scopes,
  ]);
  return { organizationId, apiKey, keyId: (key.rows[0] as { id: string }).id };
}

export async function createAyrshareProfile(db: SqlDb, apiKey = newSecret('ayr_test_'), profileKey?: string) {
  const { rows } = await db.query<{ id: string }>('INSERT INTO ayrshare_profiles (title, api_key_sha256, profile_key_sha256) VALUES ($1, $2, $3) RETURNING id', [
    'Test profile',
    hashSecret(apiKey),
    profileKey === undefined ? null : hashSecret(profileKey),
  ]);
  return { profileId: (rows[0] as { id: string }).id, apiKey };
}

export async function createHokoWorkspace(db: SqlDb, scopes: string[] = ['linksWrite']) {
  const { rows } = await db.query<{ id: string }>('INSERT INTO hoko_workspaces (slug, name) VALUES ($1, $2) RETURNING id', [`ws-${randomUUID()}`, 'Test workspace']);
  const workspaceId = (rows[0] as { id: string }).id;
  const apiKey = newSecret('hoko_test_');
  await db.query('INSERT INTO hoko_api_keys (workspace_id, secret_sha256, scopes) VALUES ($1, $2, $3::text[])', [workspaceId, hashSecret(apiKey), scopes]);
  return { workspaceId, apiKey };
}
