import {
  type CallLogStore,
  type CallLogStoreLimits,
  createCallLogStore,
  DEFAULT_CALL_LOG_STORE_LIMITS,
  type RowSource,
} from './call-log-store';
import type { DemoRow } from './demo-call';
import { type DemoDay, generateDay, type TrafficProfile } from './generate-day';
import { describeLocalDay, type LocalDay } from './local-days';
import { LruCache } from './lru-cache';

/** How many generated days (row objects) are kept; as many buckets of row objects are kept too. */
export const DEFAULT_MAX_GENERATED_DAYS = 8;

/**
 * The generated history as a row source: calls starting from `dataFromMs` on, made lazily per
 * local day from (seed, day), each bucket holding its day's rows and the legs of the day before
 * that ran past midnight. Calls in the future of `nowMs()` are generated with their day but not
 * served until they are over (see `RowSource.nowMs`).
 */
export function createGeneratedRowSource(
  profile: TrafficProfile,
  dataFromMs: number,
  nowMs: () => number,
  maxGeneratedDays = DEFAULT_MAX_GENERATED_DAYS,
): RowSource {
  const localDays = new LruCache<number, LocalDay>(2000);
  const days = new LruCache<number, DemoDay>(maxGeneratedDays);
  const buckets = new LruCache<number, DemoRow[]>(maxGeneratedDays);
  let daysGenerated = 0;
  const localDay = (dayNumber: number) =>
    localDays.getOrCreate(dayNumber, () => describeLocalDay(dayNumber, profile.timeZone));
  const generatedDay = (dayNumber: number) =>
    days.getOrCreate(dayNumber, () => {
      daysGenerated += 1;
      return generateDay(profile, dayNumber);
    });
  const inData = (row: DemoRow) => row.call.startMs >= dataFromMs;
  const bucketRows = (dayNumber: number): DemoRow[] =>
    buckets.getOrCreate(dayNumber, () => {
      const { startMs, endMs } = localDay(dayNumber);
      const spill = generatedDay(dayNumber - 1).rows.filter((row) => row.startMs >= startMs && inData(row));
      const own = generatedDay(dayNumber).rows.filter((row) => row.startMs < endMs && inData(row));
      return spill.length === 0 ? own : mergeSorted(spill, own);
    });
  return {
    timeZone: profile.timeZone,
    firstStartMs: dataFromMs,
    lastStartMs: Number.POSITIVE_INFINITY,
    bucketRows,
    nowMs,
    stats: () => ({ generatedDays: days.size, rowBuckets: buckets.size, daysGenerated }),
  };
}

/** A store over generated calls starting in [dataFromMs, ...), served as they end by `now`. */
export function createGeneratedCallLogStore(
  profile: TrafficProfile,
  dataFromMs: number,
  now: number | (() => number),
  limits: Partial<CallLogStoreLimits & { maxGeneratedDays: number }> = {},
): CallLogStore {
  const clock = typeof now === 'number' ? () => now : now;
  const { maxGeneratedDays, ...storeLimits } = { ...DEFAULT_CALL_LOG_STORE_LIMITS, ...limits };
  return createCallLogStore(
    createGeneratedRowSource(profile, dataFromMs, clock, maxGeneratedDays),
    storeLimits,
  );
}

/** Two lists of rows sorted by StartTime, then SegmentId, as one. */
export function mergeSorted(a: DemoRow[], b: DemoRow[]): DemoRow[] {
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
