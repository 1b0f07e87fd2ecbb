import type { CallLeg } from '../core/call-leg';
import type { CallLogQuery, CallLogSource } from '../core/call-log-source';
import { describeError } from '../core/errors';
import { type Logger, silentLogger } from '../core/logger';
import { TickLoop } from '../core/tick-loop';
import { toCallLeg } from '../threecx/call-log-row';
import type { PbxHistory, UtcDay } from './history-store';
import { storeDayIfComplete } from './store-day-from-source';
import { StoredLogTrust } from './stored-log-trust';
import { oldestHistoryDay, UTC_DAY_MS, utcDayOf, utcDayStartOf, wholeDayQuery } from './utc-day-split';

const HOUR_MS = 3_600_000;

export interface HistoryCheckOptions {
  /** The PBX itself (the XAPI client), never the history decorator. */
  source: CallLogSource;
  store: PbxHistory;
  /** HISTORY_DAYS: older days are deleted. */
  historyDays: number;
  now?: () => Date;
  logger?: Logger;
  /** Between ticks, and the least time between two checks of one day; default 1 h. */
  intervalMs?: number;
  /** Days whose start is less than this many days before today's are checked; default 7. */
  checkDays?: number;
  /**
   * Tells a late call into a changed day from another log behind the same address; default one of
   * its own over `store`, asking `source`. The bot shares one with the reports (`wire-history.ts`).
   */
  trust?: StoredLogTrust;
}

/** What one tick did. */
export interface HistoryCheckResult {
  /** Days older than HISTORY_DAYS deleted. */
  deleted: number;
  /** Days read from another PBX deleted (the bot was pointed at this one since). */
  otherPbxDeleted: number;
  /** Days whose count was asked of the PBX and found equal. */
  unchanged: UtcDay[];
  /** Days whose count differed and that were read again and replaced. */
  replaced: UtcDay[];
  /**
   * Days whose count differed but could not be read again completely, or whose change could not be
   * told from another log (a second count failed): deleted, so that reports ask the PBX for them
   * (and store them again once a read is complete).
   */
  differing: UtcDay[];
  /**
   * The PBX's log is not the one stored (a changed day, and a second day that changed too): every
   * stored day of this PBX was deleted, not only the days younger than `checkDays`.
   */
  anotherLog: boolean;
  /** Days the check failed for (the PBX or the store failed; tried again next tick). */
  failed: UtcDay[];
}

/**
 * The background check of stored days (issue 20), on its own timer and never on a report's path:
 * each tick deletes the days older than HISTORY_DAYS, then, for each stored day younger than
 * `checkDays` whose last check is at least `intervalMs` old (across replicas: `checkedAt` is in
 * the store), asks the PBX for the day's `$count`; an equal count marks the day checked. A
 * different one is first explained (`StoredLogTrust.causeOfChange`): a late call into the day reads
 * it again (raw rows, past the client's in-memory cache) and replaces it when that read is complete
 * (`storeDayIfComplete`), or else deletes it (reports then ask the PBX); another log behind the
 * same address deletes every stored day of this PBX (replacing only the recent ones would let
 * reports take the older ones for the new log's). Days read from another PBX are deleted too.
 * Errors are logged; a tick never throws.
 */
export class HistoryCheck {
  private readonly loop: TickLoop<HistoryCheckResult>;
  private readonly now: () => Date;
  private readonly logger: Logger;
  private readonly intervalMs: number;
  private readonly checkDays: number;
  private readonly trust: StoredLogTrust;

  constructor(private readonly options: HistoryCheckOptions) {
    this.now = options.now ?? (() => new Date());
    this.logger = options.logger ?? silentLogger;
    this.intervalMs = options.intervalMs ?? HOUR_MS;
    this.checkDays = options.checkDays ?? 7;
    this.trust =
      options.trust ??
      StoredLogTrust.asking(options.source, options.store, { now: this.now, logger: this.logger });
    this.loop = new TickLoop(
      () => this.runTick(),
      (startedMs) => Math.max(0, startedMs + this.intervalMs - Date.now()),
    );
  }

  /** One check now (after one in progress). */
  tick(): Promise<HistoryCheckResult> {
    return this.loop.tick();
  }

  /** Checks now and then every `intervalMs` until `stop()`. */
  start(): void {
    this.loop.start();
  }

  /** Stops the timer and waits for a check in progress. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  private async runTick(): Promise<HistoryCheckResult> {
    const result: HistoryCheckResult = {
      deleted: 0,
      otherPbxDeleted: 0,
      unchanged: [],
      replaced: [],
      differing: [],
      failed: [],
      anotherLog: false,
    };
    const { store, historyDays } = this.options;
    const nowMs = this.now().getTime();
    const oldest = oldestHistoryDay(nowMs, historyDays);
    result.deleted = await this.deleteDays('past HISTORY_DAYS', () => store.deleteDaysBefore(oldest));
    result.otherPbxDeleted = await this.deleteDays('read from another PBX', () => store.deleteOtherPbxDays());
    let days: Array<{ day: UtcDay; pbxCount: number; checkedAt: Date }>;
    try {
      const recent = utcDayOf(utcDayStartOf(nowMs) - this.checkDays * UTC_DAY_MS);
      // The later of the two days (UTC days as text sort as they follow each other).
      const since = [recent, oldest].sort()[1]!;
      days = await store.listDaysSince(since);
    } catch (error) {
      this.logger.warn('Could not list the stored call-log days to check', { error: describeError(error) });
      return result;
    }
    for (const entry of days) {
      if (entry.checkedAt.getTime() + this.intervalMs > nowMs) continue;
      try {
        await this.checkDay(entry, oldest, result);
        if (result.anotherLog) break;
      } catch (error) {
        result.failed.push(entry.day);
        this.logger.warn('Could not check a stored call-log day', {
          day: entry.day,
          error: describeError(error),
        });
      }
    }
    return result;
  }

  /** Runs a deletion, logging how many days went (or that it failed); never throws. */
  private async deleteDays(which: string, deletion: () => Promise<number>): Promise<number> {
    try {
      const days = await deletion();
      if (days > 0) this.logger.info(`Deleted stored call-log days ${which}`, { days });
      return days;
    } catch (error) {
      this.logger.warn(`Could not delete stored call-log days ${which}`, { error: describeError(error) });
      return 0;
    }
  }

  private async checkDay(
    entry: { day: UtcDay; pbxCount: number },
    oldest: UtcDay,
    result: HistoryCheckResult,
  ): Promise<void> {
    const { source, store } = this.options;
    const query = wholeDayQuery(entry.day);
    const count = await source.countRows(query);
    if (count === entry.pbxCount) {
      await store.markChecked(entry.day, this.now());
      result.unchanged.push(entry.day);
      return;
    }
    const cause = await this.trust.causeOfChange(entry.day, oldest);
    if (cause === 'another-log') {
      result.anotherLog = true;
      return;
    }
    if (cause === 'unknown') {
      await this.deleteDiffering(entry.day, result);
      return;
    }
    this.logger.info('A stored call-log day changed on the PBX; reading it again', {
      day: entry.day,
      stored: entry.pbxCount,
      pbxCount: count,
    });
    const legs = await readDayRows(source, query);
    const outcome = await storeDayIfComplete({
      source,
      store,
      day: entry.day,
      legs,
      now: this.now,
      logger: this.logger,
      replace: true,
    });
    if (outcome !== 'incomplete') {
      result.replaced.push(entry.day);
      return;
    }
    await this.deleteDiffering(entry.day, result);
  }

  /** What is stored is no longer the PBX's day: reports must not read it until it is stored again. */
  private async deleteDiffering(day: UtcDay, result: HistoryCheckResult): Promise<void> {
    await this.options.store.deleteDay(day);
    result.differing.push(day);
    this.logger.info('Deleted a stored call-log day that changed on the PBX and could not be read again', {
      day,
    });
  }
}

/**
 * The day's legs from its raw rows (as the client de-duplicated them), read to the end: rows are
 * never cached by the client, so a day read again is the PBX's as it is now. A row that cannot be
 * read as a leg is left out, and then the count differs and the day is not stored.
 */
async function readDayRows(source: CallLogSource, query: CallLogQuery): Promise<CallLeg[]> {
  const legs: CallLeg[] = [];
  for await (const row of source.streamRows(query)) {
    const leg = toCallLeg(row);
    if (leg) legs.push(leg);
  }
  return legs;
}
