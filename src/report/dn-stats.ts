import type { ExtensionStats, QueueStats } from '../core/report';
import type { CallFacts } from './call-facts';
import type { CallTable } from './call-table';
import { compareNumbers } from './compare-numbers';
import { DN_QUEUE, DN_USER, type DnTable } from './dn-table';
import { INVOLVED_ANSWERED_TO, INVOLVED_LEG_TO } from './involvement-pool';
import { averageMicrosToSeconds, roundMicrosToSeconds } from './round-half-up';

/** Per-extension and per-queue counts over the reported calls, indexed like the DnTable. */
export class DnStats {
  private readonly calls: Int32Array;
  private readonly answered: Int32Array;
  private readonly missed: Int32Array;
  private readonly outbound: Int32Array;
  private readonly talkMicros: Float64Array;
  private readonly queueCalls: Int32Array;
  private readonly queueAnswered: Int32Array;
  private readonly queueMissed: Int32Array;
  private readonly queueWaitMicros: Float64Array;
  private readonly queueWaitCount: Int32Array;

  constructor(private readonly dnTable: DnTable) {
    const size = dnTable.size;
    this.calls = new Int32Array(size);
    this.answered = new Int32Array(size);
    this.missed = new Int32Array(size);
    this.outbound = new Int32Array(size);
    this.talkMicros = new Float64Array(size);
    this.queueCalls = new Int32Array(size);
    this.queueAnswered = new Int32Array(size);
    this.queueMissed = new Int32Array(size);
    this.queueWaitMicros = new Float64Array(size);
    this.queueWaitCount = new Int32Array(size);
  }

  /** Counts a reported call for every extension and queue it involves. */
  addCall(table: CallTable, slot: number, facts: CallFacts): void {
    const records = table.involvementRecords;
    const firstSource = table.firstSourceDnOf(slot);
    for (let record = table.involvementHeadOf(slot); record !== -1; record = records.nextOf(record)) {
      const dn = records.dnOf(record);
      const kinds = this.dnTable.kindsOf(dn);
      const flags = records.flagsOf(record);
      if (kinds & DN_USER) {
        this.calls[dn]! += 1;
        if (flags & INVOLVED_ANSWERED_TO) this.answered[dn]! += 1;
        if (facts.missed && flags & INVOLVED_LEG_TO) this.missed[dn]! += 1;
        if (facts.direction === 'outbound' && firstSource === dn) this.outbound[dn]! += 1;
        this.talkMicros[dn]! += records.talkMicrosOf(record);
      }
      if (kinds & DN_QUEUE) {
        this.queueCalls[dn]! += 1;
        if (facts.missed) this.queueMissed[dn]! += 1;
        if (facts.answered) this.queueAnswered[dn]! += 1;
        if (facts.answered && facts.direction === 'inbound') {
          this.queueWaitMicros[dn]! += facts.waitMicros;
          this.queueWaitCount[dn]! += 1;
        }
      }
    }
  }

  /** Every extension in a reported call (within `visible` when given), by calls desc then number. */
  toExtensionStats(visible: ReadonlySet<string> | undefined): ExtensionStats[] {
    const stats: ExtensionStats[] = [];
    for (let dn = 0; dn < this.dnTable.size; dn++) {
      const extension = this.dnTable.numberOf(dn);
      if (this.calls[dn] === 0 || (visible !== undefined && !visible.has(extension))) continue;
      stats.push({
        extension,
        name: this.dnTable.userNameOf(dn),
        calls: this.calls[dn]!,
        answered: this.answered[dn]!,
        missed: this.missed[dn]!,
        outbound: this.outbound[dn]!,
        talkSeconds: roundMicrosToSeconds(this.talkMicros[dn]!),
      });
    }
    return stats.sort((a, b) => b.calls - a.calls || compareNumbers(a.extension, b.extension));
  }

  /** Every queue in a reported call (within `visible` when given), by calls desc then number. */
  toQueueStats(visible: ReadonlySet<string> | undefined): QueueStats[] {
    const stats: QueueStats[] = [];
    for (let dn = 0; dn < this.dnTable.size; dn++) {
      const queue = this.dnTable.numberOf(dn);
      if (this.queueCalls[dn] === 0 || (visible !== undefined && !visible.has(queue))) continue;
      stats.push({
        queue,
        name: this.dnTable.queueNameOf(dn),
        calls: this.queueCalls[dn]!,
        answered: this.queueAnswered[dn]!,
        missed: this.queueMissed[dn]!,
        avgWaitSeconds: averageMicrosToSeconds(this.queueWaitMicros[dn]!, this.queueWaitCount[dn]!),
      });
    }
    return stats.sort((a, b) => b.calls - a.calls || compareNumbers(a.queue, b.queue));
  }
}
