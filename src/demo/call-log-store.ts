import type { DemoCall, DemoRow } from './demo-call';
import { type DemoDay, generateDay, type TrafficProfile } from './generate-day';
import { describeLocalDay, type LocalDay, localDayNumberOf } from './local-days';
import { LruCache } from './lru-cache';

/** What to serve: rows whose StartTime lies in [fromMs, toMs] (inclusive, whole milliseconds). */
export interface RowQuery {
  fromMs: number;
  toMs: number;
  /** Per-call filter (3CX's report parameters work per call). */
  matchesCall: (call: DemoCall) => boolean;
  /** Per-row filter ($filter, $search, hidePcalls). */
  matchesRow: (row: DemoRow) => boolean;
  /** Identifies both filters, so that counts of whole days can be cached; omit to not cache. */
  cacheKey?: string;
  descending: boolean;
  skip: number;
  /** Undefined: everything after `skip`. */
  top?: number;
}

export interface RowPage {
  /** Matching rows before skip/top. */
  count: number;
  rows: DemoRow[];
}

/** The generated history: calls starting in [dataFromMs, dataToMs), made lazily per local day. */
export interface CallLogStore {
  readonly dataFromMs: number;
  readonly dataToMs: number;
  queryRows(query: RowQuery): RowPage;
}

/** No call lasts longer than this (the generator keeps calls to a few hours). */
const MAX_CALL_SPAN_MS = 86_400_000;

/**
 * Rows are kept in "buckets", one per local day, holding the rows whose StartTime falls on that
 * day (including legs of yesterday's calls that ran past midnight). Served order is bucket after
 * bucket, so paging with $skip can jump over whole days using cached counts.
 */
export function createCallLogStore(
  profile: TrafficProfile,
  dataFromMs: number,
  dataToMs: number,
): CallLogStore {
  const localDays = new LruCache<number, LocalDay>(2000);
  const days = new LruCache<number, DemoDay>(16);
  const buckets = new LruCache<number, DemoRow[]>(16);
  const counts = new LruCache<string, number>(100_000);

  const localDay = (dayNumber: number) =>
    localDays.getOrCreate(dayNumber, () => describeLocalDay(dayNumber, profile.timeZone));
  const generatedDay = (dayNumber: number) =>
    days.getOrCreate(dayNumber, () => generateDay(profile, dayNumber));
  const inData = (row: DemoRow) => row.call.startMs >= dataFromMs && row.call.startMs < dataToMs;

  const bucketRows = (dayNumber: number): DemoRow[] =>
    buckets.getOrCreate(dayNumber, () => {
      const { startMs, endMs } = localDay(dayNumber);
      const spill = generatedDay(dayNumber - 1).rows.filter((row) => row.startMs >= startMs && inData(row));
      const own = generatedDay(dayNumber).rows.filter((row) => row.startMs < endMs && inData(row));
      return spill.length === 0 ? own : mergeSorted(spill, own);
    });

  const queryRows = (query: RowQuery): RowPage => {
    const loMs = Math.max(query.fromMs, dataFromMs);
    const hiMs = Math.min(query.toMs, dataToMs + MAX_CALL_SPAN_MS);
    if (loMs > hiMs) return { count: 0, rows: [] };
    const callVerdicts = new Map<DemoCall, boolean>();
    const matches = (row: DemoRow): boolean => {
      if (row.startMs < query.fromMs || row.startMs > query.toMs) return false;
      let verdict = callVerdicts.get(row.call);
      if (verdict === undefined) {
        verdict = query.matchesCall(row.call);
        callVerdicts.set(row.call, verdict);
      }
      return verdict && query.matchesRow(row);
    };
    const countDay = (dayNumber: number): number => {
      const { startMs, endMs } = localDay(dayNumber);
      const whole = query.fromMs <= startMs && endMs - 1 <= query.toMs && query.cacheKey !== undefined;
      const count = () => bucketRows(dayNumber).reduce((sum, row) => sum + (matches(row) ? 1 : 0), 0);
      return whole ? counts.getOrCreate(`${dayNumber}|${query.cacheKey}`, count) : count();
    };

    const firstDay = localDayNumberOf(loMs, profile.timeZone);
    const lastDay = localDayNumberOf(hiMs, profile.timeZone);
    const dayCounts: Array<[number, number]> = [];
    let total = 0;
    for (let dayNumber = firstDay; dayNumber <= lastDay; dayNumber += 1) {
      const count = countDay(dayNumber);
      dayCounts.push([dayNumber, count]);
      total += count;
    }
    if (query.descending) dayCounts.reverse();

    const rows: DemoRow[] = [];
    const wanted = query.top ?? Number.POSITIVE_INFINITY;
    let toSkip = query.skip;
    for (const [dayNumber, count] of dayCounts) {
      if (rows.length >= wanted) break;
      if (toSkip >= count) {
        toSkip -= count;
        continue;
      }
      const dayRows = bucketRows(dayNumber);
      const ordered = query.descending ? [...dayRows].reverse() : dayRows;
      for (const row of ordered) {
        if (rows.length >= wanted) break;
        if (!matches(row)) continue;
        if (toSkip > 0) toSkip -= 1;
        else rows.push(row);
      }
    }
    return { count: total, rows };
  };

  return { dataFromMs, dataToMs, queryRows };
}

function mergeSorted(a: DemoRow[], b: DemoRow[]): DemoRow[] {
  const merged: DemoRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    if (right === undefined || (left !== undefined && compareRows(left, right) <= 0)) {
      merged.push(left!);
      i += 1;
    } else {
      merged.push(right);
      j += 1;
    }
  }
  return merged;
}

function compareRows(a: DemoRow, b: DemoRow): number {
  return a.startMs - b.startMs || a.segmentId - b.segmentId;
}
