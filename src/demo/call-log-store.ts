import { type BucketFacts, buildBucketFacts, measureBucketFacts } from './bucket-facts';
import type { DemoCall, DemoRow } from './demo-call';
import { type DemoDay, generateDay, type TrafficProfile } from './generate-day';
import { joinRowsJson } from './join-rows-json';
import { describeLocalDay, type LocalDay, localDayNumberOf } from './local-days';
import { LruCache } from './lru-cache';
import { type BucketRun, boundRun, countRuns, pageRuns } from './row-selection';
import { measureSerializedRows, type SerializedRows, serializeRows } from './serialized-rows';

/**
 * Which rows a query keeps (besides its period): only "hide parking legs or not", answered from
 * compact per-day data; or per-call and per-row predicates, run over the generated rows.
 */
export type RowFilter =
  | { kind: 'parkLegs'; hideParkLegs: boolean }
  | {
      kind: 'predicates';
      /** Per-call filter (3CX's report parameters work per call). */
      matchesCall: (call: DemoCall) => boolean;
      /** Per-row filter ($filter, $search, hidePcalls). */
      matchesRow: (row: DemoRow) => boolean;
      /** Identifies both predicates, so that each day's matches can be cached; omit to not cache. */
      cacheKey?: string;
    };

/** What to serve: rows whose StartTime lies in [fromMs, toMs] (inclusive, whole milliseconds). */
export interface RowQuery {
  fromMs: number;
  toMs: number;
  filter: RowFilter;
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

/** The same page as JSON: `count` and the whole body `frame(count)` wraps around the rows. */
export interface RowJsonPage {
  count: number;
  body: Buffer;
}

/** Bounds of the store's caches. */
export interface CallLogStoreLimits {
  /**
   * Bytes of serialised rows (per day and field selection) and per-row facts kept, over all days;
   * the facts get at most a sixteenth of it.
   */
  maxServedBytes: number;
  /** Row indices kept in per-day filter results, over all days and filters. */
  maxMatchIndices: number;
  /** Generated days (row objects) kept; as many buckets of row objects are kept too. */
  maxGeneratedDays: number;
}

/** What the caches hold now. */
export interface CallLogCacheStats {
  /** Days whose per-row facts are kept. */
  servedDays: number;
  /** Serialised (day, field selection) pairs kept. */
  servedLists: number;
  /** Bytes of both. */
  servedBytes: number;
  matchLists: number;
  matchIndices: number;
  generatedDays: number;
  rowBuckets: number;
  /** Days generated since the store was made (regenerations included). */
  daysGenerated: number;
}

/** The generated history: calls starting in [dataFromMs, dataToMs), made lazily per local day. */
export interface CallLogStore {
  readonly dataFromMs: number;
  readonly dataToMs: number;
  queryRows(query: RowQuery): RowPage;
  /**
   * `frame(count)`'s head, the page's rows' JSON joined by commas, and its tail, in one buffer.
   * With `select`, each row is `projectRow(row, select)` (field names as `$select` resolved them).
   */
  queryRowsJson(
    query: RowQuery,
    frame: (count: number) => { head: string; tail: string },
    select?: readonly string[],
  ): RowJsonPage;
  cacheStats(): CallLogCacheStats;
}

/** Enough for 70 days at 2,000 calls a day (about 200 MB of JSON) to stay cached. */
export const DEFAULT_CALL_LOG_STORE_LIMITS: Readonly<CallLogStoreLimits> = Object.freeze({
  maxServedBytes: 320_000_000,
  maxMatchIndices: 16_000_000,
  maxGeneratedDays: 8,
});

/** No call lasts longer than this (the generator keeps calls to a few hours). */
const MAX_CALL_SPAN_MS = 86_400_000;

/**
 * Rows are kept in "buckets", one per local day, holding the rows whose StartTime falls on that
 * day (including legs of yesterday's calls that ran past midnight). Served order is bucket after
 * bucket. Each bucket keeps its start times and park flags (`BucketFacts`) and is serialised once
 * per field selection asked for (`SerializedRows`); each (day, filter) keeps the indices of its
 * matching rows, so a page of any query is found with two binary searches per day and copied from
 * cached JSON, without re-filtering the period.
 */
export function createCallLogStore(
  profile: TrafficProfile,
  dataFromMs: number,
  dataToMs: number,
  limits: Partial<CallLogStoreLimits> = {},
): CallLogStore {
  const bounds = { ...DEFAULT_CALL_LOG_STORE_LIMITS, ...limits };
  const localDays = new LruCache<number, LocalDay>(2000);
  const days = new LruCache<number, DemoDay>(bounds.maxGeneratedDays);
  const buckets = new LruCache<number, DemoRow[]>(bounds.maxGeneratedDays);
  const factsBytes = Math.floor(bounds.maxServedBytes / 16);
  const facts = new LruCache<number, BucketFacts>(100_000, {
    maxWeight: factsBytes,
    weigh: measureBucketFacts,
  });
  const serialized = new LruCache<string, SerializedRows>(100_000, {
    maxWeight: bounds.maxServedBytes - factsBytes,
    weigh: measureSerializedRows,
  });
  const matchLists = new LruCache<string, Uint32Array>(100_000, {
    maxWeight: bounds.maxMatchIndices,
    weigh: (indices) => indices.length,
  });

  const localDay = (dayNumber: number) =>
    localDays.getOrCreate(dayNumber, () => describeLocalDay(dayNumber, profile.timeZone));
  let daysGenerated = 0;
  const generatedDay = (dayNumber: number) =>
    days.getOrCreate(dayNumber, () => {
      daysGenerated += 1;
      return generateDay(profile, dayNumber);
    });
  const inData = (row: DemoRow) => row.call.startMs >= dataFromMs && row.call.startMs < dataToMs;

  const bucketRows = (dayNumber: number): DemoRow[] =>
    buckets.getOrCreate(dayNumber, () => {
      const { startMs, endMs } = localDay(dayNumber);
      const spill = generatedDay(dayNumber - 1).rows.filter((row) => row.startMs >= startMs && inData(row));
      const own = generatedDay(dayNumber).rows.filter((row) => row.startMs < endMs && inData(row));
      return spill.length === 0 ? own : mergeSorted(spill, own);
    });
  const bucketFacts = (dayNumber: number): BucketFacts =>
    facts.getOrCreate(dayNumber, () => buildBucketFacts(bucketRows(dayNumber)));
  /** The bucket's rows as JSON, cut to `select` (deduplicated: a repeated field adds nothing). */
  const serializedRows = (dayNumber: number, select: readonly string[] | undefined): SerializedRows => {
    const fields = select === undefined ? undefined : [...new Set(select)];
    const key = `${dayNumber}|${fields === undefined ? '*' : JSON.stringify(fields)}`;
    return serialized.getOrCreate(key, () => serializeRows(bucketRows(dayNumber), fields));
  };

  /** Bucket row indices passing the filter (ignoring the period), ascending. */
  const matchList = (dayNumber: number, filter: RowFilter): Uint32Array => {
    if (filter.kind === 'parkLegs') {
      const key = `${dayNumber}|parkLegs|${filter.hideParkLegs}`;
      return matchLists.getOrCreate(key, () => listParkFiltered(bucketFacts(dayNumber), filter.hideParkLegs));
    }
    const list = () => listMatching(bucketRows(dayNumber), filter.matchesCall, filter.matchesRow);
    if (filter.cacheKey === undefined) return list();
    return matchLists.getOrCreate(`${dayNumber}|${filter.cacheKey}`, list);
  };

  const selectRuns = (query: RowQuery): BucketRun[] => {
    const loMs = Math.max(query.fromMs, dataFromMs);
    const hiMs = Math.min(query.toMs, dataToMs + MAX_CALL_SPAN_MS);
    if (loMs > hiMs) return [];
    const firstDay = localDayNumberOf(loMs, profile.timeZone);
    const lastDay = localDayNumberOf(hiMs, profile.timeZone);
    const runs: BucketRun[] = [];
    for (let dayNumber = firstDay; dayNumber <= lastDay; dayNumber += 1) {
      const indices = matchList(dayNumber, query.filter);
      const { from, to } = boundRun(indices, bucketFacts(dayNumber).startMs, query.fromMs, query.toMs);
      if (to > from) runs.push({ dayNumber, indices, from, to });
    }
    return runs;
  };

  const queryRows = (query: RowQuery): RowPage => {
    const runs = selectRuns(query);
    const rows: DemoRow[] = [];
    for (const run of pageRuns(runs, query.descending, query.skip, query.top)) {
      const dayRows = bucketRows(run.dayNumber);
      for (let step = 0; step < run.to - run.from; step += 1) {
        rows.push(dayRows[run.indices[query.descending ? run.to - 1 - step : run.from + step]!]!);
      }
    }
    return { count: countRuns(runs), rows };
  };

  const queryRowsJson = (
    query: RowQuery,
    frame: (count: number) => { head: string; tail: string },
    select?: readonly string[],
  ): RowJsonPage => {
    const runs = selectRuns(query);
    const count = countRuns(runs);
    const { head, tail } = frame(count);
    const page = pageRuns(runs, query.descending, query.skip, query.top);
    const rowsOf = (dayNumber: number) => serializedRows(dayNumber, select);
    return { count, body: joinRowsJson(page, query.descending, rowsOf, head, tail) };
  };

  const cacheStats = (): CallLogCacheStats => ({
    servedDays: facts.size,
    servedLists: serialized.size,
    servedBytes: facts.totalWeight + serialized.totalWeight,
    matchLists: matchLists.size,
    matchIndices: matchLists.totalWeight,
    generatedDays: days.size,
    rowBuckets: buckets.size,
    daysGenerated,
  });

  return { dataFromMs, dataToMs, queryRows, queryRowsJson, cacheStats };
}

function listParkFiltered(bucket: BucketFacts, hideParkLegs: boolean): Uint32Array {
  const indices = new Uint32Array(bucket.parkLeg.length);
  let count = 0;
  for (let index = 0; index < bucket.parkLeg.length; index += 1) {
    if (!hideParkLegs || bucket.parkLeg[index] === 0) indices[count++] = index;
  }
  return indices.slice(0, count);
}

function listMatching(
  rows: readonly DemoRow[],
  matchesCall: (call: DemoCall) => boolean,
  matchesRow: (row: DemoRow) => boolean,
): Uint32Array {
  const callVerdicts = new Map<DemoCall, boolean>();
  const indices = new Uint32Array(rows.length);
  let count = 0;
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index]!;
    let verdict = callVerdicts.get(row.call);
    if (verdict === undefined) {
      verdict = matchesCall(row.call);
      callVerdicts.set(row.call, verdict);
    }
    if (verdict && matchesRow(row)) indices[count++] = index;
  }
  return indices.slice(0, count);
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
