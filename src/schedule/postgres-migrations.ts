import type { Pool } from 'pg';
import { POSTGRES_ALERT_MIGRATIONS } from '../alerts/alert-store-migrations';
import { AppError } from '../core/errors';
import { POSTGRES_HISTORY_MIGRATIONS } from '../history/history-store-migrations';
import { inPgTransaction } from './postgres-transaction';
import type { Migration } from './sqlite-migrations';

/**
 * The PostgreSQL schema, oldest first, with the same versions and names as SQLite's. Never edit a
 * released step: add a new one. Times are `timestamptz`.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'digest schedules and runs',
    sql: `
      CREATE TABLE digest_schedules (
        id text PRIMARY KEY,
        platform text NOT NULL CHECK (platform IN ('slack', 'teams')),
        conversation_id text NOT NULL,
        team_id text,
        reference_key text,
        conversation_label text,
        creator_platform text NOT NULL,
        creator_id text NOT NULL,
        creator_email text,
        time_zone text NOT NULL,
        cron text NOT NULL,
        rule_description text NOT NULL,
        command text NOT NULL,
        created_at timestamptz NOT NULL,
        enabled boolean NOT NULL DEFAULT true
      );
      CREATE INDEX digest_schedules_by_conversation ON digest_schedules (platform, conversation_id);
      CREATE TABLE digest_runs (
        schedule_id text NOT NULL REFERENCES digest_schedules (id) ON DELETE CASCADE,
        occurrence_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('claimed', 'sent', 'failed', 'skipped')),
        attempts integer NOT NULL DEFAULT 1,
        lease_until timestamptz NOT NULL,
        reason text,
        notice_sent boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (schedule_id, occurrence_at)
      );
    `,
  },
  {
    version: 2,
    name: 'Teams conversation references',
    sql: `
      CREATE TABLE conversation_references (
        key text PRIMARY KEY,
        reference jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'shared PBX tokens',
    sql: `
      CREATE TABLE shared_tokens (
        key text PRIMARY KEY,
        token text NOT NULL,
        expires_at timestamptz NOT NULL,
        refresh_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'playground digests',
    sql: `
      ALTER TABLE digest_schedules DROP CONSTRAINT digest_schedules_platform_check;
      ALTER TABLE digest_schedules ADD CONSTRAINT digest_schedules_platform_check
        CHECK (platform IN ('slack', 'teams', 'playground'));
    `,
  },
  {
    version: 5,
    name: 'digest creator locale',
    // Nullable: digests made before have none, and read their dates in DEFAULT_LOCALE.
    sql: 'ALTER TABLE digest_schedules ADD COLUMN locale text;',
  },
  // 6: live missed-call alerts (src/alerts/alert-store-migrations.ts).
  ...POSTGRES_ALERT_MIGRATIONS,
  // 7-9: call-log history, by PBX (src/history/history-store-migrations.ts).
  ...POSTGRES_HISTORY_MIGRATIONS,
];

/** The advisory lock (64-bit key space) that serialises migrations: "calls-bot migrate". */
const MIGRATION_LOCK_KEY = '7233188541023977582';

/**
 * Brings the database to the latest version in one transaction under an advisory lock, so
 * replicas starting together migrate once (the others wait, then find nothing to do). Refuses a
 * database written by a newer version. Returns the versions it applied.
 */
export async function applyPostgresMigrations(
  pool: Pool,
  migrations: readonly Migration[],
  now: Date,
): Promise<number[]> {
  return inPgTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL
    )`);
    const { rows } = await client.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    const applied = new Set(rows.map((row) => row.version));
    const latestKnown = migrations.at(-1)?.version ?? 0;
    const newest = rows.at(-1)?.version ?? 0;
    if (newest > latestKnown) {
      throw new AppError(
        'config',
        `The schedules database has schema version ${newest}, newer than this calls-bot knows (${latestKnown}).`,
        'Run the newer calls-bot, or point DATABASE_URL at another database.',
      );
    }
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        now,
      ]);
      done.push(migration.version);
    }
    return done;
  });
}
