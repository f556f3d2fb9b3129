import type { Db } from './sqlDb.js';

/** A stored response for `Idempotency-Key` replay. */
export interface IdempotentOutcome {
  status: number;
  body: unknown;
}

export type IdempotencyResult = { kind: 'fresh' | 'replay'; outcome: IdempotentOutcome } | { kind: 'conflict' };

export interface IdempotencyOptions {
  /** How long a concurrent request with the same key waits for the first one (ms). */
  waitMs?: number;
  /** How often it looks again (ms). */
  pollMs?: number;
}

/** An outcome worth replaying: a success, or a 404 (the target is gone; retrying changes nothing). */
export function isStoredOutcome(status: number): boolean {
  return (status >= 200 && status < 300) || status === 404;
}

const KEY = 'key_id = $1 AND idempotency_key = $2';
/** A record past replaying: older than 24 hours, or a claim nobody completed within 5 minutes. */
const EXPIRED = "(r.created_at <= now() - interval '24 hours' OR (r.status IS NULL AND r.created_at <= now() - interval '5 minutes'))";
const SWEEP_EVERY_MS = 60_000;
const lastSweep = new WeakMap<Db, number>();

/** Deletes every expired record, without waiting and at most once a minute per database (the claim never relies on it). */
export function sweepExpired(db: Db): void {
  const now = performance.now();
  const last = lastSweep.get(db);
  if (last !== undefined && now - last < SWEEP_EVERY_MS) return;
  lastSweep.set(db, now);
  try {
    db.query(`DELETE FROM idempotency_records r WHERE ${EXPIRED}`).catch(() => undefined); // the database may be closing
  } catch {
    // a PGlite Db refuses a call from inside its own transaction: the next request sweeps
    lastSweep.delete(db);
  }
}

/**
 * Idempotency-Key handling, safe when requests with one key arrive at the same time:
 *
 * 1. One `INSERT … ON CONFLICT DO UPDATE … WHERE <expired>` claims the key with a pending row
 *    (status NULL): a new key, or one whose record is older than 24 hours (or a claim left by a
 *    crashed run, after 5 min), which it takes over in the same statement. Exactly one request
 *    wins the claim (PostgreSQL's unique index arbitrates; a loser's insert waits for the
 *    winner's to commit). Expired records of other keys are deleted in the background, at most
 *    once a minute per database (`sweepExpired`), never on the request's path.
 * 3. The winner runs `run`, then stores its outcome (2xx and 404 only) or deletes the claim so a
 *    retry runs again (a 500 is never replayed). It also deletes the claim when `run` throws.
 * 4. A loser compares fingerprints: different → `conflict` at once; same → it waits for the
 *    winner's outcome and replays it, or claims the key itself if the winner's claim was deleted.
 */
export async function withIdempotency(
  db: Db,
  keyId: string,
  idempotencyKey: string,
  fingerprint: string,
  run: () => Promise<IdempotentOutcome>,
  { waitMs = 30_000, pollMs = 20 }: IdempotencyOptions = {},
): Promise<IdempotencyResult> {
  const params = [keyId, idempotencyKey];
  const deadline = Date.now() + waitMs;
  sweepExpired(db);
  for (;;) {
    const claim = await db.query(
      `INSERT INTO idempotency_records AS r (key_id, idempotency_key, fingerprint) VALUES ($1, $2, $3)
       ON CONFLICT (key_id, idempotency_key) DO UPDATE
          SET fingerprint = excluded.fingerprint, status = NULL, body = NULL, created_at = now(), completed_at = NULL
        WHERE ${EXPIRED}
       RETURNING key_id`,
      [...params, fingerprint],
    );
    if (claim.rows.length > 0) return { kind: 'fresh', outcome: await runClaimed(db, params, run) };

    const { rows } = await db.query<{ fingerprint: string; status: number | null; body: unknown }>(
      `SELECT fingerprint, status, body FROM idempotency_records WHERE ${KEY}`,
      params,
    );
    const record = rows[0];
    if (!record) continue; // the claim was just released: try to claim it again
    if (record.fingerprint !== fingerprint) return { kind: 'conflict' };
    if (record.status !== null) return { kind: 'replay', outcome: { status: record.status, body: record.body } };
    if (Date.now() >= deadline) throw new Error(`Idempotency-Key ${idempotencyKey}: the first request with this key is still running`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

async function runClaimed(db: Db, params: string[], run: () => Promise<IdempotentOutcome>): Promise<IdempotentOutcome> {
  const release = () => db.query(`DELETE FROM idempotency_records WHERE ${KEY} AND status IS NULL`, params);
  let outcome: IdempotentOutcome;
  try {
    outcome = await run();
  } catch (error) {
    await release().catch(() => undefined);
    throw error;
  }
  if (isStoredOutcome(outcome.status)) {
    await db.query(
      `UPDATE idempotency_records SET status = $3, body = $4::text::jsonb, completed_at = now() WHERE ${KEY} AND status IS NULL`,
      [...params, outcome.status, JSON.stringify(outcome.body ?? null)],
    );
  } else {
    await release();
  }
  return outcome;
}
