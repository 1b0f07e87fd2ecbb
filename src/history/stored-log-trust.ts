import type { CallLeg } from '../core/call-leg';
import type { CallLogSource } from '../core/call-log-source';
import { describeError } from '../core/errors';
import { type Logger, silentLogger } from '../core/logger';
import { dayHoldsLeg } from './decode-day-legs';
import type { PbxHistory, UtcDay } from './history-store';
import { PbxLogProbe } from './pbx-log-probe';
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
   * Which of the stored days `used` a read may use, asking the PBX to count the newest day with
   * calls this PBX has stored (`listed` runs from the read's first day to the newest): every read
   * asks about the same day, so a report and its previous period ask once, and it is the day a
   * call that comes late most likely came into. An empty day is never asked about: another log
   * with no calls that day counts 0 too (a stand-in whose calls are on a few days), so its answer
   * would vouch for days it says nothing of. When every listed day is empty, the newest stored day
   * with calls before them is asked about; when there is none, no day is used.
   * - the count it was stored with: all of them;
   * - another count: `causeOfChange` tells why. A late call: that day is deleted (a read that
   *   needs it asks the PBX for it and stores it anew) and the others are used. Another log, or
   *   unknown: none;
   * - a count that fails: none. The PBX serves every day, as it would without history: history
   *   never decides whether a report succeeds, only how fast.
   */
  async trustedDays(
    used: readonly StoredDayCount[],
    listed: readonly StoredDayCount[],
    oldest: UtcDay,
  ): Promise<Set<UtcDay>> {
    const newest = newestWithCalls(listed) ?? newestWithCalls((await this.listStoredDays(oldest)) ?? []);
    if (newest === undefined) return new Set();
    const verdict = await this.options.probe.check(newest.day, newest.pbxCount);
    if (verdict === 'same') return new Set(used.map((entry) => entry.day));
    if (verdict === 'unknown') return new Set();
    if ((await this.causeOfChange(newest.day, oldest)) !== 'late-call') return new Set();
    await this.forgetDay(newest.day);
    return new Set(used.filter((entry) => entry.day !== newest.day).map((entry) => entry.day));
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
    const second = witness ? await this.options.probe.check(witness.day, witness.pbxCount) : 'changed';
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

  /** Deletes one stored day the PBX now counts differently, while another still matches (a late call). */
  private async forgetDay(day: UtcDay): Promise<void> {
    try {
      // Two reads at once (a report and its previous period) may both find it changed; one deletes it.
      if (!(await this.options.store.deleteDay(day))) return;
      this.logger.warn('Deleted a stored call-log day the PBX now counts differently; it is read again', {
        day,
      });
    } catch (error) {
      this.logger.warn('Could not delete a stored call-log day', { day, error: describeError(error) });
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

/** The newest of `days` whose count was not 0. */
function newestWithCalls(days: readonly StoredDayCount[]): StoredDayCount | undefined {
  let newest: StoredDayCount | undefined;
  for (const entry of days)
    if (entry.pbxCount > 0 && (newest === undefined || entry.day > newest.day)) newest = entry;
  return newest;
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
