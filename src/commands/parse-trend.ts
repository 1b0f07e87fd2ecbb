import { MAX_TREND_BUCKETS, type TrendUnit } from '../core/answers';
import type { TimeWindow } from '../core/time-window';
import { countTrendBuckets } from '../core/trend-edges';
import type { AnswerPart, CommandDraft, FoundPeriod } from './command-draft';
import { quoteTokens } from './command-tokens';
import type { CommandToken } from './tokenize-command';

const UNITS: readonly TrendUnit[] = ['day', 'week', 'month'];
/** A period that makes a trend of a handful of buckets, for examples. */
const PERIOD_EXAMPLES: Record<TrendUnit, string> = {
  day: 'this month',
  week: 'last 3 months',
  month: 'this year',
};

/**
 * A trend (`<period> by day|week|month`, read by read-by-words.ts) needs a period of its own (the
 * default `today` would be a guess) and makes at most `MAX_TREND_BUCKETS` calendar buckets (weeks
 * by `weekStart`, the first and last clipped to the window); more is refused with the first
 * coarser unit that fits (`last year by day` → `last year by week`). Returns the number of buckets,
 * or undefined with an issue in the draft.
 */
export function checkTrend(
  tokens: readonly CommandToken[],
  draft: CommandDraft,
  trend: AnswerPart & { kind: 'trend' },
  period: FoundPeriod | undefined,
  window: TimeWindow | undefined,
  weekStart: 'monday' | 'sunday',
): number | undefined {
  const asked = quoteTokens(tokens, trend.start, trend.end);
  if (!period) {
    const example = PERIOD_EXAMPLES[trend.by];
    draft.issues.push({
      message: `"${asked}" needs a period, e.g. "${example} ${asked}".`,
      edits: [],
      prefix: example,
    });
    return undefined;
  }
  if (!window) return undefined;
  const count = countTrendBuckets(window, trend.by, weekStart);
  const max = MAX_TREND_BUCKETS[trend.by];
  if (count <= max) return count;
  const by = tokens[trend.start]!.raw.toLowerCase();
  const coarser = UNITS.slice(UNITS.indexOf(trend.by) + 1).find(
    (unit) => countTrendBuckets(window, unit, weekStart) <= MAX_TREND_BUCKETS[unit],
  );
  const head = `"${period.phrase} ${asked}" makes ${count} buckets; a trend by ${trend.by} has at most ${max}`;
  if (coarser) {
    draft.issues.push({
      message: `${head}: try "${period.phrase} ${by} ${coarser}".`,
      edits: [{ start: trend.start, end: trend.end, text: `${by} ${coarser}` }],
    });
    return undefined;
  }
  const shorter = `last ${max - 1} ${trend.by}s`;
  draft.issues.push({
    message: `${head}: choose a shorter period, e.g. "${shorter} ${asked}".`,
    edits: period.ranges.map(([start, end], position) => ({
      start,
      end,
      text: position === 0 ? shorter : '',
    })),
  });
  return undefined;
}
