/**
 * A fresh, migrated sandbox database for one test file: PGlite in memory, or, when DATABASE_URL
 * is set, a new schema of that PostgreSQL database (dropped again by `close`), so test files that
 * run in parallel never see each other's rows or settings.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createStore } from '../../src/sandbox/store/createStore.js';
import { hashSecret } from '../../src/sandbox/store/hashSecret.js';
import { newSecret } from '../../src/sandbox/store/ids.js';
import { openDatabase } from '../../src/sandbox/store/openDatabase.js';
import type { SqlDb } from '../../src/sandbox/store/sqlDb.js';
import type { SandboxStore } from '../../src/sandbox/store/types.js';

export interface TestDatabase {
  db: SqlDb;
  store: SandboxStore;
  /** Which database the tests ran on, for test names. */
  engine: 'PGlite' | 'PostgreSQL';
  close(): Promise<void>;
}

export const databaseUrl = process.env.DATABASE_URL || undefined;
export const engineName = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (in memory)';

/** Opens on `url` (default: DATABASE_URL), or PGlite when there is none. */
export async function openTestDatabase(url: string | undefined = databaseUrl): Promise<TestDatabase> {
  if (!url) {
    const db = await openDatabase();
    return { db, store: createStore(db), engine: 'PGlite', close: () => db.close() };
  }
  const schema = `sandbox_test_${randomUUID().replaceAll('-', '')}`;
  await admin(url, `CREATE SCHEMA ${schema}`);
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openDatabase({ databaseUrl: withSchema.toString() });
  return {
    db,
    store: createStore(db),
    engine: 'PostgreSQL',
    async close() {
      await db.close();
      await admin(url, `DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

async function admin(url: string, sql: string): Promise<void> {
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
