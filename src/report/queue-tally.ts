import type { QueueStats } from '../core/report';
import type { CallFacts } from './call-facts';
import type { CallTable } from './call-table';
import { compareNumbers } from './compare-numbers';
import { DN_QUEUE, type DnTable } from './dn-table';
import { roundMicrosToSeconds, roundRatioHalfUp } from './round-half-up';
import { TotalsAccumulator } from './totals-accumulator';

/**
 * Per-queue figures over the reported calls that involve the queue: the call-level totals of
 * those calls (answered, missed, average wait, service level, as for the whole report), plus
 * abandoned calls and the longest wait. Indexed like the DnTable.
 */
export class QueueTally {
  private readonly totals: Array<TotalsAccumulator | undefined>;
  /** Missed calls whose latest-ending leg went to the queue. */
  private readonly abandoned: Int32Array;
  /** The longest wait of the queue's inbound calls (µs). */
  private readonly longestWaitMicros: Float64Array;

  constructor(
    private readonly dnTable: DnTable,
    serviceLevelMicros: number,
  ) {
    const size = dnTable.size;
    this.totals = Array.from({ length: size }, (_, dn) =>
      dnTable.kindsOf(dn) & DN_QUEUE ? new TotalsAccumulator(serviceLevelMicros) : undefined,
    );
    this.abandoned = new Int32Array(size);
    this.longestWaitMicros = new Float64Array(size);
  }

  /** Counts a reported call for every queue it involves. */
  addCall(table: CallTable, slot: number, facts: CallFacts): void {
    const records = table.involvementRecords;
    for (let record = table.involvementHeadOf(slot); record !== -1; record = records.nextOf(record)) {
      const dn = records.dnOf(record);
      const totals = this.totals[dn];
      if (totals === undefined) continue;
      totals.add(facts);
      if (facts.direction === 'inbound' && facts.waitMicros > this.longestWaitMicros[dn]!) {
        this.longestWaitMicros[dn] = facts.waitMicros;
      }
      // Ties count: a caller who hangs up while an agent rings ends both legs at once.
      if (facts.missed && records.toEndMicrosOf(record) === table.maxEndMicrosOf(slot)) {
        this.abandoned[dn]! += 1;
      }
    }
  }

  /** Every queue in a reported call (within `visible` when given), by calls desc then number. */
  toQueueStats(visible: ReadonlySet<string> | undefined): QueueStats[] {
    const stats: QueueStats[] = [];
    for (let dn = 0; dn < this.dnTable.size; dn++) {
      const totals = this.totals[dn]?.toTotals();
      const queue = this.dnTable.numberOf(dn);
      if (totals === undefined || totals.calls === 0 || (visible !== undefined && !visible.has(queue)))
        continue;
      const abandoned = this.abandoned[dn]!;
      stats.push({
        queue,
        name: this.dnTable.queueNameOf(dn),
        calls: totals.calls,
        answered: totals.answered,
        missed: totals.missed,
        avgWaitSeconds: totals.avgWaitSeconds,
        abandoned,
        abandonRatePercent: totals.inbound > 0 ? roundRatioHalfUp(100 * abandoned, totals.inbound) : 0,
        longestWaitSeconds: roundMicrosToSeconds(this.longestWaitMicros[dn]!),
        serviceLevelPercent: totals.serviceLevelPercent,
      });
    }
    return stats.sort((a, b) => b.calls - a.calls || compareNumbers(a.queue, b.queue));
  }
}
