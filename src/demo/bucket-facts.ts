import type { DemoRow } from './demo-call';

/**
 * What counting and paging need of one bucket's rows (see `call-log-store.ts`), without the row
 * objects. Row i is the bucket's i-th row in StartTime order.
 */
export interface BucketFacts {
  /** StartTime in epoch ms per row, ascending. */
  startMs: Float64Array;
  /** 1 for a parking-orbit leg (hidden by `hidePcalls=true`), else 0. */
  parkLeg: Uint8Array;
  /** When each row's call is over (epoch ms): the row is in the log from then on. */
  callEndMs: Float64Array;
  /** The latest of `callEndMs`: from then on every row of the bucket is in the log. */
  lastCallEndMs: number;
}

/** Reads a bucket's start times, park flags and call ends into typed arrays. */
export function buildBucketFacts(rows: readonly DemoRow[]): BucketFacts {
  const startMs = new Float64Array(rows.length);
  const parkLeg = new Uint8Array(rows.length);
  const callEndMs = new Float64Array(rows.length);
  let lastCallEndMs = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < rows.length; index += 1) {
    const demoRow = rows[index]!;
    startMs[index] = demoRow.startMs;
    parkLeg[index] = demoRow.isParkLeg ? 1 : 0;
    callEndMs[index] = demoRow.call.endMs;
    lastCallEndMs = Math.max(lastCallEndMs, demoRow.call.endMs);
  }
  return { startMs, parkLeg, callEndMs, lastCallEndMs };
}

/** What a bucket's facts hold in memory, in bytes. */
export function measureBucketFacts(facts: BucketFacts): number {
  return facts.startMs.byteLength + facts.parkLeg.byteLength + facts.callEndMs.byteLength;
}
