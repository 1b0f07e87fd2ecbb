import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { AlertStore } from '../alerts/alert-store';
import { SqliteAlertStore } from '../alerts/sqlite-alert-store';
import { AppError } from '../core/errors';
import type { HistoryStore } from '../history/history-store';
import { SqliteHistoryStore } from '../history/sqlite-history-store';
import type { SharedToken, SharedTokenRefresh } from '../threecx/shared-token-store';
import type { DigestRun, DigestSchedule } from './digest-schedule';
import type { ClaimResult, ConversationKey, ScheduleStore } from './schedule-store';
import { applyMigrations, SQLITE_MIGRATIONS } from './sqlite-migrations';
import { fromRunRow, fromScheduleRow, type RunRow, type ScheduleRow, toScheduleRow } from './sqlite-rows';
import { SqliteSharedTokens } from './sqlite-shared-tokens';

export interface SqliteScheduleStoreOptions {
  /** A file path (folders are created) or `:memory:`. */
  path: string;
  /** Stamps `schema_migrations.applied_at` and times the shared token's lock; default the wall clock. */
  now?: () => Date;
  /** How long a write waits for another process's lock; default 5000. */
  busyTimeoutMs?: number;
}

/**
 * The default schedule store: one SQLite file (WAL, so the scheduler and the chat handlers do not
 * block each other), migrated to the latest schema when opened. Calls are synchronous underneath;
 * claims are single statements, so they are atomic across connections and processes.
 */
export class SqliteScheduleStore implements ScheduleStore {
  private readonly db: Database;
  private readonly tokens: SqliteSharedTokens;
  readonly alerts: AlertStore;
  readonly history: HistoryStore;

  constructor(options: SqliteScheduleStoreOptions) {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    this.db = new BetterSqlite3(options.path);
    try {
      this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
      if (options.path !== ':memory:') this.db.pragma('journal_mode = WAL');
      this.db.pragma('foreign_keys = ON');
      const now = options.now ?? (() => new Date());
      applyMigrations(this.db, SQLITE_MIGRATIONS, now());
      this.tokens = new SqliteSharedTokens(this.db, { nowMs: () => now().getTime() });
      this.alerts = new SqliteAlertStore(this.db);
      this.history = new SqliteHistoryStore(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  /** The versions recorded in `schema_migrations`, for tests and diagnostics. */
  appliedMigrations(): number[] {
    const rows = this.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as {
      version: number;
    }[];
    return rows.map((row) => row.version);
  }

  async createSchedule(schedule: DigestSchedule): Promise<'created' | 'duplicate-id'> {
    const result = this.db
      .prepare(
        `INSERT INTO digest_schedules (id, platform, conversation_id, team_id, reference_key, conversation_label,
           creator_platform, creator_id, creator_email, time_zone, locale, cron, rule_description, command, created_at,
           enabled)
         VALUES (@id, @platform, @conversation_id, @team_id, @reference_key, @conversation_label,
           @creator_platform, @creator_id, @creator_email, @time_zone, @locale, @cron, @rule_description, @command,
           @created_at, @enabled)
         ON CONFLICT (id) DO NOTHING`,
      )
      .run(toScheduleRow(schedule));
    return result.changes === 1 ? 'created' : 'duplicate-id';
  }

  async getSchedule(id: string): Promise<DigestSchedule | undefined> {
    const row = this.db.prepare('SELECT * FROM digest_schedules WHERE id = ?').get(id) as
      | ScheduleRow
      | undefined;
    return row ? fromScheduleRow(row) : undefined;
  }

  async listSchedules(conversation: ConversationKey): Promise<DigestSchedule[]> {
    const rows = this.db
      .prepare(
        'SELECT * FROM digest_schedules WHERE platform = ? AND conversation_id = ? ORDER BY created_at, id',
      )
      .all(conversation.platform, conversation.conversationId) as ScheduleRow[];
    return rows.map(fromScheduleRow);
  }

  async listEnabledSchedules(): Promise<DigestSchedule[]> {
    const rows = this.db
      .prepare('SELECT * FROM digest_schedules WHERE enabled = 1 ORDER BY created_at, id')
      .all() as ScheduleRow[];
    return rows.map(fromScheduleRow);
  }

  async deleteSchedule(id: string, conversation: ConversationKey): Promise<boolean> {
    const result = this.db
      .prepare('DELETE FROM digest_schedules WHERE id = ? AND platform = ? AND conversation_id = ?')
      .run(id, conversation.platform, conversation.conversationId);
    return result.changes === 1;
  }

  async disableSchedule(id: string): Promise<void> {
    this.db.prepare('UPDATE digest_schedules SET enabled = 0 WHERE id = ?').run(id);
  }

  async claimOccurrence(
    scheduleId: string,
    occurrenceAt: Date,
    leaseUntil: Date,
    now: Date,
  ): Promise<ClaimResult> {
    const result = this.db
      .prepare(
        `INSERT INTO digest_runs (schedule_id, occurrence_at, status, attempts, lease_until, updated_at)
         SELECT @id, @occurrence, 'claimed', 1, @lease, @now
         WHERE EXISTS (SELECT 1 FROM digest_schedules WHERE id = @id AND enabled = 1)
         ON CONFLICT (schedule_id, occurrence_at) DO UPDATE
           SET attempts = digest_runs.attempts + 1, lease_until = excluded.lease_until,
               updated_at = excluded.updated_at
           WHERE digest_runs.status = 'claimed' AND digest_runs.lease_until <= @now`,
      )
      .run({
        id: scheduleId,
        occurrence: occurrenceAt.getTime(),
        lease: leaseUntil.getTime(),
        now: now.getTime(),
      });
    return result.changes === 1 ? 'claimed' : 'taken';
  }

  async markSent(scheduleId: string, occurrenceAt: Date, now: Date): Promise<void> {
    this.finish(scheduleId, occurrenceAt, { status: 'sent', reason: null, notice: 0, now });
  }

  async markFailed(
    scheduleId: string,
    occurrenceAt: Date,
    reason: string,
    now: Date,
    options: { noticeSent?: boolean } = {},
  ): Promise<void> {
    this.finish(scheduleId, occurrenceAt, {
      status: 'failed',
      reason,
      notice: options.noticeSent ? 1 : 0,
      now,
    });
  }

  async markSkipped(scheduleId: string, occurrenceAt: Date, reason: string, now: Date): Promise<void> {
    this.finish(scheduleId, occurrenceAt, { status: 'skipped', reason, notice: 0, now });
  }

  async getLastRun(scheduleId: string): Promise<DigestRun | undefined> {
    const row = this.db
      .prepare('SELECT * FROM digest_runs WHERE schedule_id = ? ORDER BY occurrence_at DESC LIMIT 1')
      .get(scheduleId) as RunRow | undefined;
    return row ? fromRunRow(row) : undefined;
  }

  /** Every run of a digest, oldest first, for diagnostics and tests. */
  async listRuns(scheduleId: string): Promise<DigestRun[]> {
    const rows = this.db
      .prepare('SELECT * FROM digest_runs WHERE schedule_id = ? ORDER BY occurrence_at')
      .all(scheduleId) as RunRow[];
    return rows.map(fromRunRow);
  }

  async listOpenClaims(scheduleId: string): Promise<Date[]> {
    const rows = this.db
      .prepare(
        "SELECT occurrence_at FROM digest_runs WHERE schedule_id = ? AND status = 'claimed' ORDER BY occurrence_at",
      )
      .all(scheduleId) as { occurrence_at: number }[];
    return rows.map((row) => new Date(row.occurrence_at));
  }

  async saveConversationReference(key: string, reference: unknown, now: Date): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO conversation_references (key, reference, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
      )
      .run(key, JSON.stringify(reference), now.getTime());
  }

  async getConversationReference(key: string): Promise<unknown | undefined> {
    const row = this.db.prepare('SELECT reference FROM conversation_references WHERE key = ?').get(key) as
      | { reference: string }
      | undefined;
    return row ? (JSON.parse(row.reference) as unknown) : undefined;
  }

  async readSharedToken(key: string): Promise<SharedToken | undefined> {
    return this.tokens.read(key);
  }

  refreshSharedToken(key: string, refresh: SharedTokenRefresh): Promise<SharedToken> {
    return this.tokens.refresh(key, refresh);
  }

  async ping(): Promise<void> {
    try {
      this.db.prepare('SELECT 1').get();
    } catch (error) {
      throw new AppError(
        'unreachable',
        `The schedule database does not answer (${describeSqliteError(error)}).`,
        'Check DATABASE_URL, that the file is readable and writable, and that the disk is not full.',
      );
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Finishing only touches a run that is still claimed: a finished run never changes again. */
  private finish(
    scheduleId: string,
    occurrenceAt: Date,
    change: { status: 'sent' | 'failed' | 'skipped'; reason: string | null; notice: 0 | 1; now: Date },
  ): void {
    this.db
      .prepare(
        `UPDATE digest_runs SET status = ?, reason = ?, notice_sent = ?, updated_at = ?
         WHERE schedule_id = ? AND occurrence_at = ? AND status = 'claimed'`,
      )
      .run(
        change.status,
        change.reason,
        change.notice,
        change.now.getTime(),
        scheduleId,
        occurrenceAt.getTime(),
      );
  }
}

/** SQLite's own message (errors of the native module may come from another realm, so no instanceof). */
function describeSqliteError(error: unknown): string {
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}
