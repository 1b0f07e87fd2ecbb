import type { Pool } from 'pg';
import type { SharedToken, SharedTokenRefresh } from '../threecx/shared-token-store';
import { inPgTransaction } from './postgres-transaction';

interface PgTokenRow {
  token: string;
  expires_at: Date;
  refresh_at: Date;
}

/** Class of the per-key advisory locks (two 32-bit key space): "tokn". */
const TOKEN_LOCK_CLASS = 0x746f6b6e;

/** Reads the shared PBX token of `key`. */
export async function readPgSharedToken(pool: Pool, key: string): Promise<SharedToken | undefined> {
  const { rows } = await pool.query<PgTokenRow>(
    'SELECT token, expires_at, refresh_at FROM shared_tokens WHERE key = $1',
    [key],
  );
  return toSharedToken(rows[0]);
}

/**
 * Refreshes under `pg_advisory_xact_lock(tokn, hashtext(key))`, held for the whole transaction
 * (the fetch included): other replicas wait for it on their own connection, then re-read and find
 * the new token. `lock_timeout` bounds the wait; a failed fetch rolls back and releases the lock.
 */
export async function refreshPgSharedToken(
  pool: Pool,
  key: string,
  refresh: SharedTokenRefresh,
  now: () => Date,
): Promise<SharedToken> {
  return inPgTransaction(pool, async (client) => {
    await client.query("SET LOCAL lock_timeout = '90s'");
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [TOKEN_LOCK_CLASS, key]);
    const { rows } = await client.query<PgTokenRow>(
      'SELECT token, expires_at, refresh_at FROM shared_tokens WHERE key = $1',
      [key],
    );
    const stored = toSharedToken(rows[0]);
    if (stored && refresh.reuse(stored)) return stored;
    const fresh = await refresh.fetchNew();
    await client.query(
      `INSERT INTO shared_tokens (key, token, expires_at, refresh_at, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (key) DO UPDATE SET token = EXCLUDED.token, expires_at = EXCLUDED.expires_at,
         refresh_at = EXCLUDED.refresh_at, updated_at = EXCLUDED.updated_at`,
      [key, fresh.token, new Date(fresh.expiresAtMs), new Date(fresh.refreshAtMs), now()],
    );
    return fresh;
  });
}

function toSharedToken(row: PgTokenRow | undefined): SharedToken | undefined {
  if (!row) return undefined;
  return { token: row.token, expiresAtMs: row.expires_at.getTime(), refreshAtMs: row.refresh_at.getTime() };
}
