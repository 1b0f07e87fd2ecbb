import type { CallLeg } from '../core/call-leg';
import { type CallLogSource, countRowsWithSample } from '../core/call-log-source';
import { describeError } from '../core/errors';
import { type Logger, silentLogger } from '../core/logger';
import type { UtcDay } from './history-store';
import { UTC_DAY_MS, utcDayOf, utcDayStartMs, wholeDaysQuery } from './utc-day-split';

/**
 * What the PBX says of stored days: `same` (it counts the rows it counted when they were stored),
 * `changed` (another count: a call came late into one of them, or the log is another one; the
 * caller tells which), or `unknown` (the count failed).
 */
export type ProbeVerdict = 'same' | 'changed' | 'unknown';

/** Consecutive stored UTC days, `first` to `last` (the same day for one). */
export interface StoredSpan {
  first: UtcDay;
  last: UtcDay;
}

/** How long a span's verdict is reused (reports in a row ask once). */
const DEFAULT_TTL_MS = 10 * 60_000;

/**
 * Before a report reads stored days, one question to the PBX (issue 20): does it still count, for
 * a span of stored days ending with the newest with calls (`StoredLogTrust` picks it and judges
 * the answer), the rows it counted when the days were stored, and does the stored day the row that
 * came with the count starts on hold that row?
 * The store names a PBX by its address; this notices a different log behind the same address (a
 * PBX restored from a backup, another system, a test stand-in with other calls) before a report
 * answers from the old one. Another log may count as many rows that day; it does not hold a call
 * of the same key starting at the same instant.
 * One `$count` over the span in one request, of the PBX's cheapest kind; verdicts are kept `ttlMs`
 * per span and count.
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
       * Whether the stored `day` holds `leg` (a row the PBX sent with its count, starting on that
       * day); undefined when the store cannot tell (the count alone then judges). Without it, the
       * count alone judges.
       */
      holds?: (day: UtcDay, leg: CallLeg) => Promise<boolean | undefined>;
      logger?: Logger;
      ttlMs?: number;
    },
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.logger = options.logger ?? silentLogger;
  }

  /** The PBX's verdict on the stored days of `span`, stored with `pbxCount` rows in all. */
  check(span: StoredSpan, pbxCount: number): Promise<ProbeVerdict> {
    const key = `${span.first}..${span.last}:${pbxCount}`;
    const nowMs = this.options.now().getTime();
    const known = this.verdicts.get(key);
    if (known && nowMs - known.atMs < this.ttlMs) return known.verdict;
    const verdict = this.ask(span, pbxCount);
    this.verdicts.set(key, { atMs: nowMs, verdict });
    // A count that failed is asked again by the next report.
    verdict.then((answer) => answer === 'unknown' && this.verdicts.delete(key)).catch(() => {});
    return verdict;
  }

  /** Forgets every verdict (the days were deleted). */
  forget(): void {
    this.verdicts.clear();
  }

  private async ask(span: StoredSpan, pbxCount: number): Promise<ProbeVerdict> {
    const { first, last } = span;
    try {
      const query = wholeDaysQuery(first, last);
      const { count, sample } = await countRowsWithSample(this.options.inner, query, { asOneWindow: true });
      if (count !== pbxCount) {
        this.logger.warn('The PBX counts stored call-log days differently from when they were stored', {
          first,
          last,
          stored: pbxCount,
          pbx: count,
        });
        return 'changed';
      }
      // Only a row starting within the span can be looked for: a stored day keeps only the rows
      // starting on it, and a PBX may send others for the period (the client drops them from its reads).
      if (!startsWithin(sample, span)) return 'same';
      const day = utcDayOf(sample.startMs);
      if ((await this.options.holds?.(day, sample)) !== false) return 'same';
      this.logger.warn('The PBX has a call on a stored call-log day that the stored day does not have', {
        day,
        stored: pbxCount,
        pbx: count,
      });
      return 'changed';
    } catch (error) {
      this.logger.warn('Could not ask the PBX to count stored call-log days', {
        first,
        last,
        error: describeError(error),
      });
      return 'unknown';
    }
  }
}

/** Whether `leg` starts within the UTC days of `span`. */
function startsWithin(leg: CallLeg | undefined, span: StoredSpan): leg is CallLeg {
  return (
    leg !== undefined &&
    leg.startMs >= utcDayStartMs(span.first) &&
    leg.startMs < utcDayStartMs(span.last) + UTC_DAY_MS
  );
}
