import type { CallLeg } from '../core/call-leg';
import type { CallLogSource } from '../core/call-log-source';
import { describeError } from '../core/errors';
import { type Logger, silentLogger } from '../core/logger';
import { dayHoldsLeg } from './decode-day-legs';
import type { PbxHistory, UtcDay } from './history-store';
import { PbxLogProbe, type ProbeVerdict, type StoredSpan } from './pbx-log-probe';
import { UTC_DAY_MS, utcDayStartMs } from './utc-day-split';

/** A stored day and the rows the PBX counted for it when it was stored. */
export type StoredDayCount = { day: UtcDay; pbxCount: number };

/**
 * Why the PBX counts a stored day differently from when it was stored:
 * - `late-call`: another stored day still counts the same, so a call came late into this one (a
 *   real 3CX writes a call's rows when it ends): this day alone is out of date;
 * - `another-log`: the second day differs too (or there is no other day to ask about): the log
 *   behind this address is not the one stored (a PBX restored from a backup, another system given
 *   the old address, a test stand-in with other calls). Every stored day of this PBX is deleted;
 * - `unknown`: the second count or the store failed; nothing is deleted.
 */
export type ChangedDayCause = 'late-call' | 'another-log' | 'unknown';

export interface StoredLogTrustOptions {
  store: PbxHistory;
  /** Asks the PBX to count a stored day (its verdicts are reused for a while). */
  probe: PbxLogProbe;
  logger?: Logger;
}

/**
 * Whether this PBX's stored days are still its log's (issue 20; docs/history.md, "Which PBX"): the
 * one place that decides it, for reports (`HistoryCallLogSource`, before reading stored days) and
 * for the background check (`HistoryCheck`, before replacing a changed day), so that neither can
 * take another log's days for a late call.
 */
export class StoredLogTrust {
  private readonly logger: Logger;

  /** A judge of `store`'s days with a probe of its own, asking `pbx` (the XAPI client) to count. */
  static asking(pbx: CallLogSource, store: PbxHistory, options: { now: () => Date; logger?: Logger }) {
    const holds = (day: UtcDay, leg: CallLeg) => storedDayHolds(store, day, leg);
    const probe = new PbxLogProbe({ inner: pbx, now: options.now, holds, logger: options.logger });
    return new StoredLogTrust({ store, probe, logger: options.logger });
  }

  constructor(private readonly options: StoredLogTrustOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  /**
   * Which of the stored days `used` a read may use. `listed` is every day this PBX has stored from
   * `oldest` on: the PBX is asked to count the days `probedSpan` picks from them, which end with
   * the newest day with calls, whatever the read, so that a report and its previous period ask
   * once, and the newest day is the one a call that comes late most likely came into. An empty
   * day alone is never asked about: another log with no calls that day counts 0 too (a stand-in
   * whose calls are on a few days), so its answer would vouch for days it says nothing of. When no
   * stored day has calls, no day is used.
   * - the count they were stored with: all of them;
   * - another count: `causeOfChange` tells why, asked of the newest day with calls. A late call:
   *   the span's days are deleted (a read that needs them asks the PBX for them and stores them
   *   anew) and the others are used. Another log, or unknown: none;
   * - a count that fails: none. The PBX serves every day, as it would without history: history
   *   never decides whether a report succeeds, only how fast.
   */
  async trustedDays(
    used: readonly StoredDayCount[],
    listed: readonly StoredDayCount[],
    oldest: UtcDay,
  ): Promise<Set<UtcDay>> {
    const probed = probedSpan(listed);
    if (probed === undefined) return new Set();
    const { span, verdict } = await this.verdictOn(probed);
    if (verdict === 'same') return new Set(used.map((entry) => entry.day));
    if (verdict === 'unknown') {
      this.logger.warn('The PBX could not vouch for the stored call-log days; asking it for every day', {
        first: span.first,
        last: span.last,
      });
      return new Set();
    }
    // A late call, as another day still counts the same: which of the span's days it came into,
    // one count does not say, so all of them are read again.
    if ((await this.causeOfChange(span.newestWithCalls.day, oldest)) !== 'late-call') return new Set();
    await this.forgetChangedDays(span.days);
    const changed = new Set(span.days);
    return new Set(used.filter((entry) => !changed.has(entry.day)).map((entry) => entry.day));
  }

  /**
   * The PBX's verdict on `span`. When it cannot count several days at once (an error other than
   * the 504 the client splits on), on the newest day with calls alone: what the probe asked before
   * spans, so a PBX that answers only short periods keeps the use of history.
   */
  private async verdictOn(span: ProbedSpan): Promise<{ span: ProbedSpan; verdict: ProbeVerdict }> {
    const { probe } = this.options;
    const verdict = await probe.check(span, span.pbxCount);
    if (verdict !== 'unknown' || span.days.length === 1) return { span, verdict };
    const alone = newestDayAlone(span);
    return { span: alone, verdict: await probe.check(alone, alone.pbxCount) };
  }

  /**
   * Why the PBX counts the stored `day` differently (`ChangedDayCause`), from a second count: of
   * a settled stored day since `oldest` (`witnessDay`).
   * On `another-log`, every stored day of this PBX has been deleted when this returns.
   */
  async causeOfChange(day: UtcDay, oldest: UtcDay): Promise<ChangedDayCause> {
    const storedDays = await this.listStoredDays(oldest);
    if (storedDays === undefined) return 'unknown';
    const witness = witnessDay(storedDays, day);
    const second = witness
      ? await this.options.probe.check(oneDay(witness.day), witness.pbxCount)
      : 'changed';
    if (second === 'same') return 'late-call';
    if (second === 'unknown') return 'unknown';
    await this.forgetDays(storedDays);
    return 'another-log';
  }

  /** This PBX's stored days from `oldest` on; undefined (with a warning) when the store cannot say. */
  private async listStoredDays(oldest: UtcDay): Promise<StoredDayCount[] | undefined> {
    try {
      return await this.options.store.listDaysSince(oldest);
    } catch (error) {
      this.logger.warn('Could not read the stored call-log days', { error: describeError(error) });
      return undefined;
    }
  }

  /** Deletes stored days the PBX now counts differently, while another still matches (a late call). */
  private async forgetChangedDays(days: readonly UtcDay[]): Promise<void> {
    try {
      let deleted = 0;
      // Two reads at once (a report and its previous period) may both find them changed; one deletes them.
      for (const day of days) if (await this.options.store.deleteDay(day)) deleted++;
      if (deleted === 0) return;
      this.logger.warn('Deleted stored call-log days the PBX now counts differently; they are read again', {
        first: days[0],
        last: days[days.length - 1],
        deleted,
      });
    } catch (error) {
      this.logger.warn('Could not delete stored call-log days', {
        days: days.length,
        error: describeError(error),
      });
    }
  }

  /** Deletes these stored days of this PBX (its log changed under the same address). */
  private async forgetDays(days: readonly StoredDayCount[]): Promise<void> {
    const { store, probe } = this.options;
    try {
      for (const { day } of days) await store.deleteDay(day);
      this.logger.warn('Deleted the stored call-log days of this PBX: its log changed', {
        days: days.length,
      });
    } catch (error) {
      this.logger.warn('Could not delete the stored call-log days', { error: describeError(error) });
    } finally {
      probe.forget();
    }
  }
}

/** Whether the stored `day` holds `leg`; undefined when it is not stored or cannot be read. */
async function storedDayHolds(store: PbxHistory, day: UtcDay, leg: CallLeg): Promise<boolean | undefined> {
  try {
    const [stored] = await store.getDays([day]);
    return stored === undefined ? undefined : dayHoldsLeg(stored.legs, leg);
  } catch {
    // The read of stored days meets the same store, and says so.
    return undefined;
  }
}

/**
 * The most rows the days `probedSpan` picks may hold besides their newest with calls: half the
 * report's row cap (about 20,000, at which 3CX's count stops being exact), so that another log
 * with up to twice as many rows there still counts exactly. A small PBX (or a stand-in) has its
 * every recent stored day counted in the one request; a PBX of 2,000 calls a day, two days.
 */
export const PROBED_SPAN_MAX_ROWS = 10_000;

/** The stored days the PBX is asked to count, with the rows it counted for them when stored. */
export type ProbedSpan = StoredSpan & { days: UtcDay[]; pbxCount: number; newestWithCalls: StoredDayCount };

/**
 * The days of `listed` the PBX is asked to count (`trustedDays`): the newest stored day with
 * calls; the consecutive stored days after it (empty, so free to count: another log may have
 * calls there); and the consecutive stored days before it while their rows, with its own, stay
 * within `PROBED_SPAN_MAX_ROWS`. Undefined when no stored day has calls.
 */
export function probedSpan(listed: readonly StoredDayCount[]): ProbedSpan | undefined {
  const days = [...listed].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const newest = days.findLastIndex((entry) => entry.pbxCount > 0);
  if (newest < 0) return undefined;
  const startMs = days.map((entry) => utcDayStartMs(entry.day));
  const followsTheDayBefore = (index: number) => startMs[index]! - startMs[index - 1]! === UTC_DAY_MS;
  let first = newest;
  let last = newest;
  let pbxCount = days[newest]!.pbxCount;
  while (last + 1 < days.length && followsTheDayBefore(last + 1)) last++;
  while (
    first > 0 &&
    followsTheDayBefore(first) &&
    pbxCount + days[first - 1]!.pbxCount <= PROBED_SPAN_MAX_ROWS
  )
    pbxCount += days[--first]!.pbxCount;
  return {
    first: days[first]!.day,
    last: days[last]!.day,
    days: days.slice(first, last + 1).map((entry) => entry.day),
    pbxCount,
    newestWithCalls: days[newest]!,
  };
}

/** The newest day with calls of `span`, as a span of its own. */
function newestDayAlone(span: ProbedSpan): ProbedSpan {
  const { day, pbxCount } = span.newestWithCalls;
  return { first: day, last: day, days: [day], pbxCount, newestWithCalls: span.newestWithCalls };
}

/** The span of one day. */
function oneDay(day: UtcDay): StoredSpan {
  return { first: day, last: day };
}

/** The days before a changed day among which its witness is chosen first (`witnessDay`). */
const WITNESS_NEWEST_DAYS_BEFORE = 2;
const WITNESS_OLDEST_DAYS_BEFORE = 30;

/**
 * The second day to count when `changed` counts differently: the stored day with the most rows (an
 * empty day tells no log from another) from 30 to 2 days before it. A younger day may have had a
 * late call of its own; an older one may be gone from the PBX's own log (3CX's call history can
 * be purged, by hand or by its settings) while it stays in ours, and its count of 0 would read as
 * another log. Without such a day, the stored day with the most rows other than `changed`.
 */
export function witnessDay(days: readonly StoredDayCount[], changed: UtcDay): StoredDayCount | undefined {
  const changedMs = utcDayStartMs(changed);
  const others = days.filter((entry) => entry.day !== changed && entry.pbxCount > 0);
  const settled = others.filter((entry) => {
    const daysBefore = (changedMs - utcDayStartMs(entry.day)) / UTC_DAY_MS;
    return daysBefore >= WITNESS_NEWEST_DAYS_BEFORE && daysBefore <= WITNESS_OLDEST_DAYS_BEFORE;
  });
  const candidates = settled.length > 0 ? settled : others;
  return candidates.length > 0 ? candidates.reduce((a, b) => (b.pbxCount > a.pbxCount ? b : a)) : undefined;
}
