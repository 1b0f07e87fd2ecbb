import type { AlertStore } from '../alerts/alert-store';
import type { HistoryStore } from '../history/history-store';
import type { SharedTokenStore } from '../threecx/shared-token-store';
import type { DigestPlatform, DigestRun, DigestSchedule } from './digest-schedule';

/** A conversation, as schedules are listed and removed by it. */
export interface ConversationKey {
  platform: DigestPlatform;
  conversationId: string;
}

/** What a claim attempt got: the occurrence is now ours, or someone else has (or had) it. */
export type ClaimResult = 'claimed' | 'taken';

/**
 * Where digests and their runs live, and what replicas share: Teams conversation references and
 * the PBX token (`SharedTokenStore`). SQLite is the default (`SqliteScheduleStore`), PostgreSQL
 * for several replicas (`PostgresScheduleStore`); both pass the same contract tests. The
 * (schedule, occurrence) key is unique: that is what makes each occurrence post once, however
 * many schedulers run.
 */
export interface ScheduleStore extends SharedTokenStore {
  /**
   * The live missed-call alerts, in the same database and on the same connection (closed with this
   * store): `SqliteAlertStore` or `PostgresAlertStore`.
   */
  readonly alerts: AlertStore;
  /**
   * Closed days of the call log (issue 20), in the same database and on the same connection (closed
   * with this store): `SqliteHistoryStore` or `PostgresHistoryStore`.
   */
  readonly history: HistoryStore;
  /** Returns `duplicate-id` (and stores nothing) when the id is taken; the caller picks another. */
  createSchedule(schedule: DigestSchedule): Promise<'created' | 'duplicate-id'>;
  getSchedule(id: string): Promise<DigestSchedule | undefined>;
  /** The conversation's digests, oldest first. */
  listSchedules(conversation: ConversationKey): Promise<DigestSchedule[]>;
  /** Every enabled digest, oldest first (for the scheduler). */
  listEnabledSchedules(): Promise<DigestSchedule[]>;
  /** Removes the digest (and its runs) only if it belongs to this conversation; false otherwise. */
  deleteSchedule(id: string, conversation: ConversationKey): Promise<boolean>;
  /** Stops the digest without removing it (its creator lost access); `schedules` shows it paused. */
  disableSchedule(id: string): Promise<void>;

  /**
   * Claims one occurrence until `leaseUntil`. `claimed` when no run exists yet, or when an earlier
   * claim was never finished and its lease ended before `now` (a crashed scheduler); `taken` when
   * another claim holds, the run is finished, or the schedule is gone or disabled.
   */
  claimOccurrence(scheduleId: string, occurrenceAt: Date, leaseUntil: Date, now: Date): Promise<ClaimResult>;
  /** The claimed occurrence was posted. */
  markSent(scheduleId: string, occurrenceAt: Date, now: Date): Promise<void>;
  /** The claimed occurrence failed; `reason` is short and shown by `schedules`. */
  markFailed(
    scheduleId: string,
    occurrenceAt: Date,
    reason: string,
    now: Date,
    options?: { noticeSent?: boolean },
  ): Promise<void>;
  /** The claimed occurrence was too late to post (downtime beyond the grace period). */
  markSkipped(scheduleId: string, occurrenceAt: Date, reason: string, now: Date): Promise<void>;
  /** The run of the latest occurrence handled or being handled, if any. */
  getLastRun(scheduleId: string): Promise<DigestRun | undefined>;
  /** Occurrences still `claimed` (in progress, or left by a crash), oldest first. */
  listOpenClaims(scheduleId: string): Promise<Date[]>;

  /** Teams conversation references (key -> JSON), for proactive messages. Inserts or replaces. */
  saveConversationReference(key: string, reference: unknown, now: Date): Promise<void>;
  getConversationReference(key: string): Promise<unknown | undefined>;

  /** A cheap round trip (`/readyz`): resolves when the store answers, throws an `AppError` saying why not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
