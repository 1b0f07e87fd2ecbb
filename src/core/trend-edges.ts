import { DateTime } from 'luxon';
import type { TrendUnit } from './answers';
import type { TimeWindow } from './time-window';

/** The first day of a week (config `WEEK_START`). */
export type WeekStart = 'monday' | 'sunday';

const DAY_MS = 86_400_000;

/**
 * The boundaries of a trend's calendar buckets (`<period> by day|week|month`): `window.from`, then
 * the start of every local day, week (starting on `weekStart`) or month in the window's zone that
 * falls inside the window, then `window.to`; so the first and last buckets are clipped to the
 * window. A local day starts at midnight, or where midnight does not exist (a DST gap at
 * midnight) at the first instant after it, as luxon's `startOf('day')` has it; a day may therefore
 * last 23 or 25 hours. An empty window has the one edge `from` and no bucket.
 */
export function trendEdges(window: TimeWindow, by: TrendUnit, weekStart: WeekStart): Date[] {
  const fromMs = window.from.getTime();
  const toMs = window.to.getTime();
  if (!(fromMs < toMs)) return [new Date(fromMs)];
  const first = unitStartDate(fromMs, window.timeZone, by, weekStart);
  const edges = [new Date(fromMs)];
  for (let units = 1; ; units++) {
    const edgeMs = boundaryMs(first, units, by, window.timeZone);
    if (edgeMs >= toMs) break;
    edges.push(new Date(edgeMs));
  }
  edges.push(new Date(toMs));
  return edges;
}

/**
 * How many buckets `trendEdges` gives (its length minus one), counted without listing them: what a
 * request is checked against (`MAX_TREND_BUCKETS`) before anything is fetched.
 */
export function countTrendBuckets(window: TimeWindow, by: TrendUnit, weekStart: WeekStart): number {
  const fromMs = window.from.getTime();
  const toMs = window.to.getTime();
  if (!(fromMs < toMs)) return 0;
  const first = unitStartDate(fromMs, window.timeZone, by, weekStart);
  const last = unitStartDate(toMs, window.timeZone, by, weekStart);
  const units = unitsBetween(first, last, by);
  // The boundaries strictly inside the window are those of units 1..units, less `to` itself.
  const endsOnBoundary = units > 0 && boundaryMs(first, units, by, window.timeZone) === toMs;
  return units + 1 - (endsOnBoundary ? 1 : 0);
}

/** The local date on which the unit containing `epochMs` starts, as a UTC date (date arithmetic without DST). */
function unitStartDate(epochMs: number, timeZone: string, by: TrendUnit, weekStart: WeekStart): DateTime {
  const local = DateTime.fromMillis(epochMs, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const date = DateTime.utc(local.year, local.month, local.day);
  switch (by) {
    case 'day':
      return date;
    case 'week':
      // luxon's weekday: Monday 1 … Sunday 7.
      return date.minus({ days: (date.weekday - (weekStart === 'monday' ? 1 : 7) + 7) % 7 });
    case 'month':
      return date.set({ day: 1 });
  }
}

/** The first instant of the local date `units` units after `first` (a unit start date). */
function boundaryMs(first: DateTime, units: number, by: TrendUnit, timeZone: string): number {
  const date =
    by === 'day'
      ? first.plus({ days: units })
      : by === 'week'
        ? first.plus({ weeks: units })
        : first.plus({ months: units });
  return DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day },
    { zone: timeZone },
  ).toMillis();
}

/** Whole units from one unit start date to a later one. */
function unitsBetween(first: DateTime, last: DateTime, by: TrendUnit): number {
  switch (by) {
    case 'day':
      return Math.round((last.toMillis() - first.toMillis()) / DAY_MS);
    case 'week':
      return Math.round((last.toMillis() - first.toMillis()) / (7 * DAY_MS));
    case 'month':
      return (last.year - first.year) * 12 + (last.month - first.month);
  }
}
