import type { DemoRow } from './demo-call';

/**
 * What counting and paging need of one bucket's rows (see `call-log-store.ts`), without the row
 * objects. Row i is the bucket's i-th row in served order.
 */
export interface BucketFacts {
  /** StartTime in epoch ms per row, ascending. */
  startMs: Float64Array;
  /** 1 for a parking-orbit leg (hidden by `hidePcalls=true`), else 0. */
  parkLeg: Uint8Array;
}

/** Reads a bucket's start times and park flags into typed arrays. */
export function buildBucketFacts(rows: readonly DemoRow[]): BucketFacts {
  const startMs = new Float64Array(rows.length);
  const parkLeg = new Uint8Array(rows.length);
  for (let index = 0; index < rows.length; index += 1) {
    const demoRow = rows[index]!;
    startMs[index] = demoRow.startMs;
    parkLeg[index] = demoRow.isParkLeg ? 1 : 0;
  }
  return { startMs, parkLeg };
}

/** What a bucket's facts hold in memory, in bytes. */
export function measureBucketFacts(facts: BucketFacts): number {
  return facts.startMs.byteLength + facts.parkLeg.byteLength;
}
