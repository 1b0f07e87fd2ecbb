import { type BucketFacts, buildBucketFacts, measureBucketFacts } from './bucket-facts';
import type { DemoCall, DemoRow } from './demo-call';
import { joinRowsJson } from './join-rows-json';
import { localDayNumberOf } from './local-days';
import { LruCache } from './lru-cache';
import { type BucketRun, boundRun, capRuns, countRuns, pageRuns } from './row-selection';
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
  /** Served order: newest first (StartTime descending), or oldest first. */
  descending: boolean;
  /**
   * The report's row cap: of more matching rows, only the first `maxRows` in the PBX's own order
   * (`newestFirst`, whatever `descending` says) exist for counting and paging.
   */
  rowCap?: { maxRows: number; newestFirst: boolean };
  skip: number;
  /** Undefined: everything after `skip`. */
  top?: number;
}

export interface RowPage {
  /** Matching rows before skip/top (at most the row cap). */
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

/**
 * Where a store's rows come from: generated calls (`generated-row-source.ts`) or rows a test chose
 * (`fixture-row-source.ts`), cut into buckets of local days, and the demo clock.
 */
export interface RowSource {
  readonly timeZone: string;
  /** No row starts before this instant (limits the days a query looks at). */
  readonly firstStartMs: number;
  /** No row starts after this instant (+Infinity: only the clock limits it). */
  readonly lastStartMs: number;
  /**
   * The rows starting on local day `dayNumber`, sorted by StartTime (ties in a fixed order); the
   * same rows every time it is asked, so caches may key on the day.
   */
  bucketRows(dayNumber: number): DemoRow[];
  /** The demo clock: a row is in the log once its call is over (`DemoCall.endMs <= nowMs()`). */
  nowMs(): number;
  /** Generated days and buckets (zeros for fixed rows). */
  stats(): Pick<CallLogCacheStats, 'generatedDays' | 'rowBuckets' | 'daysGenerated'>;
}

/** A source's rows served page by page: counted, filtered, ordered and serialised per day. */
export interface CallLogStore {
  /** The company's zone: its local days are the buckets, and time-of-day filters read it. */
  readonly timeZone: string;
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
});

/**
 * Rows are kept in "buckets", one per local day, holding the rows whose StartTime falls on that
 * day (including legs of yesterday's calls that ran past midnight). Each bucket keeps its start
 * times, park flags and call ends (`BucketFacts`) and is serialised once per field selection and
 * order asked for (`SerializedRows`); each (day, filter) keeps the indices of its matching rows,
 * so a page of any query is found with two binary searches per day and copied from cached JSON,
 * without re-filtering the period. A bucket whose calls are all over by the clock is served from
 * those caches as it is; one with calls still going on (today's) has them left out per query.
 */
export function createCallLogStore(
  source: RowSource,
  limits: Partial<CallLogStoreLimits> = {},
): CallLogStore {
  const bounds = { ...DEFAULT_CALL_LOG_STORE_LIMITS, ...limits };
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

  const bucketFacts = (dayNumber: number): BucketFacts =>
    facts.getOrCreate(dayNumber, () => buildBucketFacts(source.bucketRows(dayNumber)));
  /** The bucket's rows as JSON in one order, cut to `select` (deduplicated: a repeated field adds nothing). */
  const serializedRows = (
    dayNumber: number,
    select: readonly string[] | undefined,
    newestFirst: boolean,
  ): SerializedRows => {
    const fields = select === undefined ? undefined : [...new Set(select)];
    const key = `${dayNumber}|${newestFirst ? 'desc' : 'asc'}|${fields === undefined ? '*' : JSON.stringify(fields)}`;
    return serialized.getOrCreate(key, () =>
      serializeRows(source.bucketRows(dayNumber), fields, newestFirst),
    );
  };

  /** Bucket row indices passing the filter (ignoring the period and the clock), ascending. */
  const matchList = (dayNumber: number, filter: RowFilter): Uint32Array => {
    if (filter.kind === 'parkLegs') {
      const key = `${dayNumber}|parkLegs|${filter.hideParkLegs}`;
      return matchLists.getOrCreate(key, () => listParkFiltered(bucketFacts(dayNumber), filter.hideParkLegs));
    }
    const list = () => listMatching(source.bucketRows(dayNumber), filter.matchesCall, filter.matchesRow);
    if (filter.cacheKey === undefined) return list();
    return matchLists.getOrCreate(`${dayNumber}|${filter.cacheKey}`, list);
  };

  const selectRuns = (query: RowQuery): BucketRun[] => {
    const nowMs = source.nowMs();
    const loMs = Math.max(query.fromMs, source.firstStartMs);
    const hiMs = Math.min(query.toMs, source.lastStartMs, nowMs);
    if (!(loMs <= hiMs)) return [];
    const firstDay = localDayNumberOf(loMs, source.timeZone);
    const lastDay = localDayNumberOf(hiMs, source.timeZone);
    const runs: BucketRun[] = [];
    for (let dayNumber = firstDay; dayNumber <= lastDay; dayNumber += 1) {
      const dayFacts = bucketFacts(dayNumber);
      let indices = matchList(dayNumber, query.filter);
      if (dayFacts.lastCallEndMs > nowMs) indices = keepEnded(indices, dayFacts.callEndMs, nowMs);
      const { from, to } = boundRun(indices, dayFacts.startMs, query.fromMs, query.toMs);
      if (to > from) runs.push({ dayNumber, indices, from, to });
    }
    const cap = query.rowCap;
    return cap === undefined ? runs : capRuns(runs, cap.maxRows, cap.newestFirst);
  };

  const queryRows = (query: RowQuery): RowPage => {
    const runs = selectRuns(query);
    const rows: DemoRow[] = [];
    for (const run of pageRuns(runs, query.descending, query.skip, query.top)) {
      const dayRows = source.bucketRows(run.dayNumber);
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
    const rowsOf = (dayNumber: number) => serializedRows(dayNumber, select, query.descending);
    return { count, body: joinRowsJson(page, query.descending, rowsOf, head, tail) };
  };

  const cacheStats = (): CallLogCacheStats => ({
    servedDays: facts.size,
    servedLists: serialized.size,
    servedBytes: facts.totalWeight + serialized.totalWeight,
    matchLists: matchLists.size,
    matchIndices: matchLists.totalWeight,
    ...source.stats(),
  });

  return { timeZone: source.timeZone, queryRows, queryRowsJson, cacheStats };
}

/** The indices whose call is over at `nowMs` (the live day's rows the log holds so far). */
function keepEnded(indices: Uint32Array, callEndMs: Float64Array, nowMs: number): Uint32Array {
  const kept = new Uint32Array(indices.length);
  let count = 0;
  for (const index of indices) if (callEndMs[index]! <= nowMs) kept[count++] = index;
  return kept.subarray(0, count);
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
