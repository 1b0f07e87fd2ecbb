import { describeError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { Reply } from '../core/reply';
import { TickLoop } from '../core/tick-loop';
import { listOccurrences, nextOccurrence } from './compute-occurrences';
import type { DigestDelivery } from './digest-delivery';
import type { DigestSchedule } from './digest-schedule';
import { runDigestOccurrence } from './run-digest-occurrence';
import type { ScheduleStore } from './schedule-store';

export interface DigestSchedulerOptions {
  store: ScheduleStore;
  delivery: DigestDelivery;
  /** Produces the reply for one occurrence (see `createDigestReportRunner`); throws when it cannot. */
  runReport: (schedule: DigestSchedule, occurrenceAt: Date) => Promise<Reply>;
  now: () => Date;
  /** `DIGEST_GRACE_MINUTES`: how late an occurrence may still be posted; default 60. */
  graceMinutes?: number;
  /** How long a claim holds before another scheduler may take over a crashed one; default 10 minutes. */
  leaseMs?: number;
  logger: Logger;
  /** The longest wait between two ticks of `start()`; default 30 s (new digests are seen this fast). */
  tickMs?: number;
  /** Digests produced at the same time; default 4. */
  concurrency?: number;
  /** Occurrences handled per digest per tick (catching up on long downtime); default 500. */
  maxOccurrencesPerTick?: number;
}

/** Late by less than this is on time, whatever the grace: timers, the PBX and the database take a moment. */
export const ON_TIME_ALLOWANCE_MS = 5 * 60_000;
const DEFAULT_LEASE_MS = 10 * 60_000;
const DEFAULT_TICK_MS = 30_000;
/** Woken this long after an occurrence, so the clock has surely passed it. */
const WAKE_MARGIN_MS = 20;

/**
 * Posts each digest occurrence once. A tick looks at every enabled digest, lists the occurrences
 * due since its last handled one (or its creation) plus claims left open by a crash, and for each
 * one claims it in the store under the unique (digest, occurrence) key; only the claimant
 * produces it, posts it and records the outcome. Occurrences later than the grace period are
 * recorded as skipped. Several schedulers (processes) may tick at once: the claims decide.
 */
export class DigestScheduler {
  private readonly ticks = new TickLoop(
    () => this.runTick(),
    () => this.measureWaitMs(),
  );
  private nextDueMs: number | undefined;

  constructor(private readonly options: DigestSchedulerOptions) {}

  /** One pass over all digests; ticks of one scheduler run one after another. Never rejects. */
  tick(): Promise<void> {
    return this.ticks.tick();
  }

  /** Ticks now, then again at the next occurrence (at most `tickMs` later), until `stop()`. */
  start(): void {
    this.ticks.start();
  }

  /** Stops the timer and waits for a tick in progress. */
  stop(): Promise<void> {
    return this.ticks.stop();
  }

  private measureWaitMs(): number {
    const maxMs = this.options.tickMs ?? DEFAULT_TICK_MS;
    if (this.nextDueMs === undefined) return maxMs;
    const untilDueMs = this.nextDueMs - this.options.now().getTime() + WAKE_MARGIN_MS;
    return Math.min(maxMs, Math.max(WAKE_MARGIN_MS, untilDueMs));
  }

  private async runTick(): Promise<void> {
    const { store, logger } = this.options;
    const now = this.options.now();
    let schedules: DigestSchedule[];
    try {
      schedules = await store.listEnabledSchedules();
    } catch (error) {
      logger.error('digest scheduler could not read the schedules', { error: describeError(error) });
      return;
    }
    let nextDueMs: number | undefined;
    const handle = async (schedule: DigestSchedule) => {
      try {
        await this.handleSchedule(schedule, now);
        const next = nextOccurrence(schedule.rule.cron, schedule.timeZone, now)?.getTime();
        if (next !== undefined && (nextDueMs === undefined || next < nextDueMs)) nextDueMs = next;
      } catch (error) {
        logger.error('digest scheduler failed on a digest', {
          scheduleId: schedule.id,
          error: describeError(error),
        });
      }
    };
    await runWithConcurrency(schedules, this.options.concurrency ?? 4, handle);
    this.nextDueMs = nextDueMs;
  }

  private async handleSchedule(schedule: DigestSchedule, now: Date): Promise<void> {
    const { store } = this.options;
    const lastRun = await store.getLastRun(schedule.id);
    const openClaims = await store.listOpenClaims(schedule.id);
    const since = lastRun?.occurrenceAt ?? schedule.createdAt;
    const limit = this.options.maxOccurrencesPerTick ?? 500;
    const due = listOccurrences(schedule.rule.cron, schedule.timeZone, since, now, limit);
    const candidates = [...new Set([...openClaims, ...due].map((date) => date.getTime()))]
      .filter((time) => time <= now.getTime())
      .sort((a, b) => a - b);
    for (const time of candidates) await this.handleOccurrence(schedule, new Date(time));
  }

  private async handleOccurrence(schedule: DigestSchedule, occurrenceAt: Date): Promise<void> {
    const { store, logger } = this.options;
    const claimedAt = this.options.now();
    const leaseUntil = new Date(claimedAt.getTime() + (this.options.leaseMs ?? DEFAULT_LEASE_MS));
    const claim = await store.claimOccurrence(schedule.id, occurrenceAt, leaseUntil, claimedAt);
    if (claim === 'taken') return;
    const graceMinutes = this.options.graceMinutes ?? 60;
    const lateMs = claimedAt.getTime() - occurrenceAt.getTime();
    if (lateMs > Math.max(graceMinutes * 60_000, ON_TIME_ALLOWANCE_MS)) {
      const reason = `${Math.floor(lateMs / 60_000)} minutes late, over the ${graceMinutes}-minute grace period`;
      await store.markSkipped(schedule.id, occurrenceAt, reason, claimedAt);
      logger.info('digest skipped', {
        scheduleId: schedule.id,
        occurrence: occurrenceAt.toISOString(),
        reason,
      });
      return;
    }
    await runDigestOccurrence(this.options, schedule, occurrenceAt, leaseUntil);
  }
}

async function runWithConcurrency<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
