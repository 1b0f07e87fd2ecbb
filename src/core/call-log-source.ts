import type { ODataExpression, ODataOrderItem } from '../odata/odata-tree';
import type { CallLeg } from './call-leg';
import type { Directory } from './directory';
import type { CallLogParameters } from './report-request';

/** A call-log row exactly as the PBX returned it (3CX's field names, unknown fields kept). */
export type RawCallLogRow = Record<string, unknown>;

/** What to fetch: the instants `[from, to)` (UTC), the report parameters, and OData options. */
export interface CallLogQuery {
  from: Date;
  to: Date;
  callLog: CallLogParameters;
  /** Passed to the PBX on every page request, written out by src/odata's serializer. */
  filter?: ODataExpression;
  search?: string;
  select?: readonly string[];
  orderby?: readonly ODataOrderItem[];
  expand?: readonly string[];
  /** Applied over the whole result (across pages and windows), not per page. */
  top?: number;
  skip?: number;
  /**
   * A report's hint, never sent to the PBX: only calls with a leg from or to one of these DNs can
   * count, so a source may leave out whole calls with none (the history does, for stored days).
   * Absent or empty: every call may count.
   */
  involving?: readonly string[];
}

/**
 * Told that the window `[startMs, endMs)` of a leg query was read whole: the PBX's `@odata.count`
 * for it equals the distinct rows it served (legs, plus rows that could not be read as legs).
 * `legs()` gives the window's legs as read, in the PBX's order, as new objects at each call (the
 * client keeps them packed), so that a listener need not hold on to the legs it was handed.
 */
export type WindowCountListener = (
  window: { startMs: number; endMs: number },
  pbxCount: number,
  legs: () => CallLeg[],
) => void;

/** `countRowsWithSample`'s answer: the count, and a leg of those rows when one came with it. */
export interface RowCountWithSample {
  count: number;
  sample?: CallLeg;
}

/** How `countRowsWithSample` asks. */
export interface RowCountOptions {
  /**
   * Ask for the whole query in one request rather than a request per window (a day): for a span
   * expected to hold few rows. It is still split when the PBX answers that it is too long (504) or
   * its count reaches the row cap, as any window.
   */
  asOneWindow?: boolean;
}

/**
 * Where calls come from: the 3CX XAPI client in production, the same client against the demo PBX
 * otherwise. Rows come in time-window order; within a window in the PBX's order.
 */
export interface CallLogSource {
  /** Raw rows whose StartTime lies in `[from, to)`, exactly as the PBX returned them. */
  streamRows(query: CallLogQuery): AsyncIterable<RawCallLogRow>;
  /** The same rows parsed into legs (rows that cannot be parsed are skipped and counted in logs). */
  streamLegs(query: CallLogQuery): AsyncIterable<CallLeg>;
  /**
   * Optional: the same legs a page at a time, cheaper to iterate (reports use it when present).
   * `onWindowCounted`, when the implementation can tell: a time window of the query whose rows were
   * all read, with the PBX's count for it and its legs, once its legs have all been yielded (the
   * call-log history stores a day only on such proof).
   */
  streamLegPages?(
    query: CallLogQuery,
    onWindowCounted?: WindowCountListener,
  ): AsyncIterable<readonly CallLeg[]>;
  /**
   * `streamLegs` yields no leg that starts more than this much (ms) before a leg it already
   * yielded (the client: one time window). Absent: legs may come in any order.
   */
  readonly legDisorderMs?: number;
  /** How many rows the PBX holds for the query (`@odata.count` summed over windows). */
  countRows(query: CallLogQuery): Promise<number>;
  /**
   * Optional: `countRows`, and one of the rows counted as a leg when one came with the count at no
   * extra cost (3CX's count request, `$top=1`, brings one back): the call-log history checks that
   * a stored day holds it (`PbxLogProbe`).
   */
  countRowsWithSample?(query: CallLogQuery, options?: RowCountOptions): Promise<RowCountWithSample>;
  /** Users and queues; cached by the implementation. */
  getDirectory(): Promise<Directory>;
  /**
   * Optional: the directory if the implementation holds a fresh copy now, without asking the PBX
   * (`explain` checks names and numbers only against this); undefined otherwise.
   */
  cachedDirectory?(): Directory | undefined;
  /** A cheap authenticated request, for `/readyz`; throws the same errors as the rest. */
  checkConnection(): Promise<void>;
}

/** The source's `countRowsWithSample`, or its `countRows` alone when it has none. */
export async function countRowsWithSample(
  source: CallLogSource,
  query: CallLogQuery,
  options?: RowCountOptions,
): Promise<RowCountWithSample> {
  if (source.countRowsWithSample) return source.countRowsWithSample(query, options);
  return { count: await source.countRows(query) };
}

/** The source's legs a page at a time: its own pages when it has them, else a page a leg. */
export function legPagesOf(
  source: CallLogSource,
  query: CallLogQuery,
  onWindowCounted?: WindowCountListener,
): AsyncIterable<readonly CallLeg[]> {
  return source.streamLegPages
    ? source.streamLegPages(query, onWindowCounted)
    : pagesOfOne(source.streamLegs(query));
}

async function* pagesOfOne(legs: AsyncIterable<CallLeg>): AsyncGenerator<readonly CallLeg[]> {
  for await (const leg of legs) yield [leg];
}
