import type { Trend, TrendUnit } from '../core/answers';
import type { CallFacts } from './call-facts';
import { TotalsAccumulator } from './totals-accumulator';
import type { ZoneClock } from './zone-clock';

/**
 * A trend's buckets (`<period> by day|week|month`): each bucket's totals, with the same definitions
 * as the report's, over the calls that start in it. The edges (epoch ms, ascending; see
 * `trendEdges`) bound the buckets `[edge i, edge i+1)`; a call outside them counts in none.
 */
export class TrendTally {
  private readonly buckets: TotalsAccumulator[];
  /** The bucket of the previous call: calls mostly come in start order. */
  private lastBucket = 0;

  constructor(
    private readonly by: TrendUnit,
    private readonly edgesMs: readonly number[],
    serviceLevelMicros: number,
  ) {
    this.buckets = Array.from(
      { length: Math.max(0, edgesMs.length - 1) },
      () => new TotalsAccumulator(serviceLevelMicros),
    );
  }

  /** Counts a reported call in the bucket holding its start. */
  addCall(startMs: number, facts: CallFacts): void {
    const bucket = this.bucketOf(startMs);
    if (bucket >= 0) this.buckets[bucket]!.add(facts);
  }

  toTrend(clock: ZoneClock): Trend {
    return {
      by: this.by,
      buckets: this.buckets.map((bucket, index) => {
        const totals = bucket.toTotals();
        return {
          from: clock.formatIso(this.edgesMs[index]!),
          to: clock.formatIso(this.edgesMs[index + 1]!),
          calls: totals.calls,
          answered: totals.answered,
          missed: totals.missed,
          serviceLevelPercent: totals.serviceLevelPercent,
          avgWaitSeconds: totals.avgWaitSeconds,
        };
      }),
    };
  }

  /** The index of the bucket `[edge i, edge i+1)` holding `startMs`, or -1. */
  private bucketOf(startMs: number): number {
    const edges = this.edgesMs;
    const last = this.lastBucket;
    if (last < this.buckets.length && edges[last]! <= startMs && startMs < edges[last + 1]!) return last;
    if (this.buckets.length === 0 || startMs < edges[0]! || startMs >= edges[edges.length - 1]!) return -1;
    let low = 0;
    let high = this.buckets.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (edges[middle]! <= startMs) low = middle;
      else high = middle - 1;
    }
    this.lastBucket = low;
    return low;
  }
}
