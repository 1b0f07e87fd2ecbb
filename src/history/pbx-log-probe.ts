import type { CallLeg } from '../core/call-leg';
import { type CallLogSource, countRowsWithSample } from '../core/call-log-source';
import { describeError } from '../core/errors';
import { type Logger, silentLogger } from '../core/logger';
import type { UtcDay } from './history-store';
import { UTC_DAY_MS, utcDayStartMs, wholeDayQuery } from './utc-day-split';

/**
 * What the PBX says of a stored day: `same` (it counts the rows it counted when the day was
 * stored), `changed` (another count: a call came late into the day, or the log is another one;
 * the caller tells which), or `unknown` (the count failed).
 */
export type ProbeVerdict = 'same' | 'changed' | 'unknown';

/** How long a day's verdict is reused (reports in a row ask once). */
const DEFAULT_TTL_MS = 10 * 60_000;

/**
 * Before a report reads stored days, one question to the PBX (issue 20): does it still count, for
 * the newest stored day with calls (`StoredLogTrust` picks it and judges the answer), the rows it
 * counted when the day was stored, and does the stored day hold the row that came with the count?
 * The store names a PBX by its address; this notices a different log behind the same address (a
 * PBX restored from a backup, another system, a test stand-in with other calls) before a report
 * answers from the old one. Another log may count as many rows that day; it does not hold a call
 * of the same key starting at the same instant.
 * One `$count` of one day, of the PBX's cheapest kind; verdicts are kept `ttlMs` per day and count.
 */
export class PbxLogProbe {
  private readonly verdicts = new Map<string, { atMs: number; verdict: Promise<ProbeVerdict> }>();
  private readonly ttlMs: number;
  private readonly logger: Logger;

  constructor(
    private readonly options: {
      inner: CallLogSource;
      now: () => Date;
      /**
       * Whether the stored `day` holds `leg` (a row the PBX sent with its count); undefined when the
       * store cannot tell (the count alone then judges). Without it, the count alone judges.
       */
      holds?: (day: UtcDay, leg: CallLeg) => Promise<boolean | undefined>;
      logger?: Logger;
      ttlMs?: number;
    },
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.logger = options.logger ?? silentLogger;
  }

  /** The PBX's verdict on `day`, stored with `pbxCount` rows. */
  check(day: UtcDay, pbxCount: number): Promise<ProbeVerdict> {
    const key = `${day}:${pbxCount}`;
    const nowMs = this.options.now().getTime();
    const known = this.verdicts.get(key);
    if (known && nowMs - known.atMs < this.ttlMs) return known.verdict;
    const verdict = this.ask(day, pbxCount);
    this.verdicts.set(key, { atMs: nowMs, verdict });
    // A count that failed is asked again by the next report.
    verdict.then((answer) => answer === 'unknown' && this.verdicts.delete(key)).catch(() => {});
    return verdict;
  }

  /** Forgets every verdict (the days were deleted). */
  forget(): void {
    this.verdicts.clear();
  }

  private async ask(day: UtcDay, pbxCount: number): Promise<ProbeVerdict> {
    try {
      const { count, sample } = await countRowsWithSample(this.options.inner, wholeDayQuery(day));
      if (count !== pbxCount) {
        this.logger.warn('The PBX counts a stored call-log day differently from when it was stored', {
          day,
          stored: pbxCount,
          pbx: count,
        });
        return 'changed';
      }
      // Only a row starting within the day can be looked for: the stored day keeps only those,
      // and a PBX may send others for the day's period (the client drops them from its reads).
      if (!startsWithin(sample, day) || (await this.options.holds?.(day, sample)) !== false) return 'same';
      this.logger.warn('The PBX has a call on a stored call-log day that the stored day does not have', {
        day,
        stored: pbxCount,
        pbx: count,
      });
      return 'changed';
    } catch (error) {
      this.logger.warn('Could not ask the PBX to count a stored call-log day; asking it for every day', {
        day,
        error: describeError(error),
      });
      return 'unknown';
    }
  }
}

/** Whether `leg` starts within the UTC `day`. */
function startsWithin(leg: CallLeg | undefined, day: UtcDay): leg is CallLeg {
  const startMs = utcDayStartMs(day);
  return leg !== undefined && leg.startMs >= startMs && leg.startMs < startMs + UTC_DAY_MS;
}
