import { Pool } from 'pg';
import type { AlertStore } from '../alerts/alert-store';
import { PostgresAlertStore } from '../alerts/postgres-alert-store';
import { AppError } from '../core/errors';
import type { HistoryStore } from '../history/history-store';
import { PostgresHistoryStore } from '../history/postgres-history-store';
import type { SharedToken, SharedTokenRefresh } from '../threecx/shared-token-store';
import type { DigestRun, DigestSchedule } from './digest-schedule';
import { applyPostgresMigrations, POSTGRES_MIGRATIONS } from './postgres-migrations';
import {
  fromPgRunRow,
  fromPgScheduleRow,
  type PgRunRow,
  type PgScheduleRow,
  SCHEDULE_COLUMNS,
  toScheduleParameters,
} from './postgres-rows';
import { readPgSharedToken, refreshPgSharedToken } from './postgres-shared-tokens';
import type { ClaimResult, ConversationKey, ScheduleStore } from './schedule-store';

export interface PostgresScheduleStoreOptions {
  /** `postgres://user:password@host:port/database` (DATABASE_URL); never echoed in errors. */
  connectionString: string;
  /** Stamps `schema_migrations.applied_at` and `updated_at` of tokens; default the wall clock. */
  now?: () => Date;
  /** Connections in the pool; default 10. */
  maxConnections?: number;
  /** How long getting a connection may take; default 10 s. */
  connectTimeoutMs?: number;
}

const DATABASE_HINT =
  'Check DATABASE_URL (host, port, database, user, password) and that PostgreSQL is running.';

/**
 * The store for several replicas: one PostgreSQL database (node-postgres pool), migrated under an
 * advisory lock when opened. Same semantics as `SqliteScheduleStore` (the same contract tests
 * run against both): a claim is one `INSERT … ON CONFLICT DO UPDATE … WHERE` statement, atomic
 * across connections and processes, so each occurrence is claimed by exactly one replica.
 */
export class PostgresScheduleStore implements ScheduleStore {
  private closed = false;
  readonly alerts: AlertStore;
  readonly history: HistoryStore;

  private constructor(
    private readonly pool: Pool,
    private readonly now: () => Date,
  ) {
    this.alerts = new PostgresAlertStore(pool);
    this.history = new PostgresHistoryStore(pool);
  }

  /** Connects and migrates; throws an `AppError` (without the URL) when the database cannot be used. */
  static async open(options: PostgresScheduleStoreOptions): Promise<PostgresScheduleStore> {
    const now = options.now ?? (() => new Date());
    const pool = new Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      application_name: 'calls-bot',
    });
    // An idle connection that drops (database restart) must not crash the process: the pool
    // replaces it on the next query, and /readyz reports an outage meanwhile.
    pool.on('error', () => undefined);
    try {
      await applyPostgresMigrations(pool, POSTGRES_MIGRATIONS, now());
    } catch (error) {
      await pool.end().catch(() => undefined);
      if (error instanceof AppError) throw error;
      throw new AppError(
        'unreachable',
        `Could not open the PostgreSQL database (${describePgError(error)}).`,
        DATABASE_HINT,
        { cause: error },
      );
    }
    return new PostgresScheduleStore(pool, now);
  }

  /** The versions recorded in `schema_migrations`, for tests and diagnostics. */
  async appliedMigrations(): Promise<number[]> {
    const { rows } = await this.pool.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    return rows.map((row) => row.version);
  }

  async createSchedule(schedule: DigestSchedule): Promise<'created' | 'duplicate-id'> {
    const placeholders = SCHEDULE_COLUMNS.map((_, index) => `$${index + 1}`).join(', ');
    const result = await this.pool.query(
      `INSERT INTO digest_schedules (${SCHEDULE_COLUMNS.join(', ')}) VALUES (${placeholders})
       ON CONFLICT (id) DO NOTHING`,
      toScheduleParameters(schedule),
    );
    return result.rowCount === 1 ? 'created' : 'duplicate-id';
  }

  async getSchedule(id: string): Promise<DigestSchedule | undefined> {
    const { rows } = await this.pool.query<PgScheduleRow>('SELECT * FROM digest_schedules WHERE id = $1', [
      id,
    ]);
    return rows[0] ? fromPgScheduleRow(rows[0]) : undefined;
  }

  async listSchedules(conversation: ConversationKey): Promise<DigestSchedule[]> {
    const { rows } = await this.pool.query<PgScheduleRow>(
      'SELECT * FROM digest_schedules WHERE platform = $1 AND conversation_id = $2 ORDER BY created_at, id',
      [conversation.platform, conversation.conversationId],
    );
    return rows.map(fromPgScheduleRow);
  }

  async listEnabledSchedules(): Promise<DigestSchedule[]> {
    const { rows } = await this.pool.query<PgScheduleRow>(
      'SELECT * FROM digest_schedules WHERE enabled ORDER BY created_at, id',
    );
    return rows.map(fromPgScheduleRow);
  }

  async deleteSchedule(id: string, conversation: ConversationKey): Promise<boolean> {
    const result = await this.pool.query(
      'DELETE FROM digest_schedules WHERE id = $1 AND platform = $2 AND conversation_id = $3',
      [id, conversation.platform, conversation.conversationId],
    );
    return result.rowCount === 1;
  }

  async disableSchedule(id: string): Promise<void> {
    await this.pool.query('UPDATE digest_schedules SET enabled = false WHERE id = $1', [id]);
  }

  async claimOccurrence(
    scheduleId: string,
    occurrenceAt: Date,
    leaseUntil: Date,
    now: Date,
  ): Promise<ClaimResult> {
    try {
      const result = await this.pool.query(
        `INSERT INTO digest_runs (schedule_id, occurrence_at, status, attempts, lease_until, updated_at)
         SELECT $1, $2, 'claimed', 1, $3, $4
         WHERE EXISTS (SELECT 1 FROM digest_schedules WHERE id = $1 AND enabled)
         ON CONFLICT (schedule_id, occurrence_at) DO UPDATE
           SET attempts = digest_runs.attempts + 1, lease_until = EXCLUDED.lease_until,
               updated_at = EXCLUDED.updated_at
           WHERE digest_runs.status = 'claimed' AND digest_runs.lease_until <= $4`,
        [scheduleId, occurrenceAt, leaseUntil, now],
      );
      return result.rowCount === 1 ? 'claimed' : 'taken';
    } catch (error) {
      // The digest was removed between the check and the insert (foreign key): nothing to claim.
      if ((error as { code?: unknown }).code === '23503') return 'taken';
      throw error;
    }
  }

  async markSent(scheduleId: string, occurrenceAt: Date, now: Date): Promise<void> {
    await this.finish(scheduleId, occurrenceAt, { status: 'sent', reason: null, notice: false, now });
  }

  async markFailed(
    scheduleId: string,
    occurrenceAt: Date,
    reason: string,
    now: Date,
    options: { noticeSent?: boolean } = {},
  ): Promise<void> {
    await this.finish(scheduleId, occurrenceAt, {
      status: 'failed',
      reason,
      notice: options.noticeSent === true,
      now,
    });
  }

  async markSkipped(scheduleId: string, occurrenceAt: Date, reason: string, now: Date): Promise<void> {
    await this.finish(scheduleId, occurrenceAt, { status: 'skipped', reason, notice: false, now });
  }

  async getLastRun(scheduleId: string): Promise<DigestRun | undefined> {
    const { rows } = await this.pool.query<PgRunRow>(
      'SELECT * FROM digest_runs WHERE schedule_id = $1 ORDER BY occurrence_at DESC LIMIT 1',
      [scheduleId],
    );
    return rows[0] ? fromPgRunRow(rows[0]) : undefined;
  }

  /** Every run of a digest, oldest first, for diagnostics and tests. */
  async listRuns(scheduleId: string): Promise<DigestRun[]> {
    const { rows } = await this.pool.query<PgRunRow>(
      'SELECT * FROM digest_runs WHERE schedule_id = $1 ORDER BY occurrence_at',
      [scheduleId],
    );
    return rows.map(fromPgRunRow);
  }

  async listOpenClaims(scheduleId: string): Promise<Date[]> {
    const { rows } = await this.pool.query<{ occurrence_at: Date }>(
      "SELECT occurrence_at FROM digest_runs WHERE schedule_id = $1 AND status = 'claimed' ORDER BY occurrence_at",
      [scheduleId],
    );
    return rows.map((row) => row.occurrence_at);
  }

  async saveConversationReference(key: string, reference: unknown, now: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO conversation_references (key, reference, updated_at) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (key) DO UPDATE SET reference = EXCLUDED.reference, updated_at = EXCLUDED.updated_at`,
      [key, JSON.stringify(reference), now],
    );
  }

  async getConversationReference(key: string): Promise<unknown | undefined> {
    const { rows } = await this.pool.query<{ reference: unknown }>(
      'SELECT reference FROM conversation_references WHERE key = $1',
      [key],
    );
    return rows[0]?.reference;
  }

  readSharedToken(key: string): Promise<SharedToken | undefined> {
    return readPgSharedToken(this.pool, key);
  }

  refreshSharedToken(key: string, refresh: SharedTokenRefresh): Promise<SharedToken> {
    return refreshPgSharedToken(this.pool, key, refresh, this.now);
  }

  async ping(): Promise<void> {
    try {
      await this.pool.query('SELECT 1');
    } catch (error) {
      throw new AppError(
        'unreachable',
        `The schedule database does not answer (${describePgError(error)}).`,
        DATABASE_HINT,
      );
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  /** Finishing only touches a run that is still claimed: a finished run never changes again. */
  private async finish(
    scheduleId: string,
    occurrenceAt: Date,
    change: { status: 'sent' | 'failed' | 'skipped'; reason: string | null; notice: boolean; now: Date },
  ): Promise<void> {
    await this.pool.query(
      `UPDATE digest_runs SET status = $1, reason = $2, notice_sent = $3, updated_at = $4
       WHERE schedule_id = $5 AND occurrence_at = $6 AND status = 'claimed'`,
      [change.status, change.reason, change.notice, change.now, scheduleId, occurrenceAt],
    );
  }
}

/** node-postgres's message, or the code of a network error (an AggregateError's message is empty). */
export function describePgError(error: unknown): string {
  const inner = error instanceof AggregateError ? (error.errors[0] as unknown) : error;
  const { message, code } = (inner ?? {}) as { message?: unknown; code?: unknown };
  if (typeof message === 'string' && message !== '') return message;
  if (typeof code === 'string') return code;
  return 'unknown error';
}
