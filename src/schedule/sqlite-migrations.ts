import type { Database } from 'better-sqlite3';
import { SQLITE_ALERT_MIGRATIONS } from '../alerts/alert-store-migrations';
import { AppError } from '../core/errors';
import { SQLITE_HISTORY_MIGRATIONS } from '../history/history-store-migrations';

/** One step of the schema; versions are applied in order and recorded in `schema_migrations`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The schema, oldest first. Never edit a released step: add a new one. Times are epoch milliseconds. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'digest schedules and runs',
    sql: `
      CREATE TABLE digest_schedules (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL CHECK (platform IN ('slack', 'teams')),
        conversation_id TEXT NOT NULL,
        team_id TEXT,
        reference_key TEXT,
        conversation_label TEXT,
        creator_platform TEXT NOT NULL,
        creator_id TEXT NOT NULL,
        creator_email TEXT,
        time_zone TEXT NOT NULL,
        cron TEXT NOT NULL,
        rule_description TEXT NOT NULL,
        command TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX digest_schedules_by_conversation ON digest_schedules (platform, conversation_id);
      CREATE TABLE digest_runs (
        schedule_id TEXT NOT NULL REFERENCES digest_schedules (id) ON DELETE CASCADE,
        occurrence_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 1,
        lease_until INTEGER NOT NULL,
        reason TEXT,
        notice_sent INTEGER NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (schedule_id, occurrence_at)
      );
    `,
  },
  {
    version: 2,
    name: 'Teams conversation references',
    sql: `
      CREATE TABLE conversation_references (
        key TEXT PRIMARY KEY,
        reference TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'shared PBX tokens',
    sql: `
      CREATE TABLE shared_tokens (
        key TEXT PRIMARY KEY,
        token TEXT,
        expires_at INTEGER,
        refresh_at INTEGER,
        lock_until INTEGER,
        updated_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'playground digests',
    // SQLite cannot change a CHECK constraint: both tables are rebuilt, the runs first, so that
    // dropping the old schedules cascades into nothing (foreign keys are on). Renaming the new
    // schedules table repoints the new runs' foreign key at it.
    sql: `
      CREATE TABLE digest_schedules_v4 (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL CHECK (platform IN ('slack', 'teams', 'playground')),
        conversation_id TEXT NOT NULL,
        team_id TEXT,
        reference_key TEXT,
        conversation_label TEXT,
        creator_platform TEXT NOT NULL,
        creator_id TEXT NOT NULL,
        creator_email TEXT,
        time_zone TEXT NOT NULL,
        cron TEXT NOT NULL,
        rule_description TEXT NOT NULL,
        command TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1
      );
      INSERT INTO digest_schedules_v4 (id, platform, conversation_id, team_id, reference_key,
          conversation_label, creator_platform, creator_id, creator_email, time_zone, cron,
          rule_description, command, created_at, enabled)
        SELECT id, platform, conversation_id, team_id, reference_key, conversation_label,
          creator_platform, creator_id, creator_email, time_zone, cron, rule_description, command,
          created_at, enabled
        FROM digest_schedules;
      CREATE TABLE digest_runs_v4 (
        schedule_id TEXT NOT NULL REFERENCES digest_schedules_v4 (id) ON DELETE CASCADE,
        occurrence_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 1,
        lease_until INTEGER NOT NULL,
        reason TEXT,
        notice_sent INTEGER NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (schedule_id, occurrence_at)
      );
      INSERT INTO digest_runs_v4 (schedule_id, occurrence_at, status, attempts, lease_until, reason,
          notice_sent, updated_at)
        SELECT schedule_id, occurrence_at, status, attempts, lease_until, reason, notice_sent, updated_at
        FROM digest_runs;
      DROP TABLE digest_runs;
      DROP TABLE digest_schedules;
      ALTER TABLE digest_schedules_v4 RENAME TO digest_schedules;
      ALTER TABLE digest_runs_v4 RENAME TO digest_runs;
      CREATE INDEX digest_schedules_by_conversation ON digest_schedules (platform, conversation_id);
    `,
  },
  {
    version: 5,
    name: 'digest creator locale',
    // Nullable: digests made before have none, and read their dates in DEFAULT_LOCALE.
    sql: 'ALTER TABLE digest_schedules ADD COLUMN locale TEXT;',
  },
  // 6: live missed-call alerts (src/alerts/alert-store-migrations.ts).
  ...SQLITE_ALERT_MIGRATIONS,
  // 7-9: call-log history, by PBX (src/history/history-store-migrations.ts).
  ...SQLITE_HISTORY_MIGRATIONS,
];

/**
 * Brings the database to the latest version in one immediate transaction (so two processes
 * starting at once do not both migrate). Refuses a database written by a newer version.
 */
export function applyMigrations(db: Database, migrations: readonly Migration[], now: Date): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const migrate = db.transaction(() => {
    const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as {
      version: number;
    }[];
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
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now.toISOString());
      done.push(migration.version);
    }
    return done;
  });
  return migrate.immediate();
}
