import type { CallSummary, MissedCall, Report } from '../core/report';
import { deriveCallFacts } from './call-facts';
import type { CallFilter } from './call-filter';
import { type ListedCall, sortNewestFirst, toCallSummary, toListedCall, toMissedCall } from './call-lists';
import type { CallTable } from './call-table';
import { DnStats } from './dn-stats';
import type { DnTable } from './dn-table';
import { TotalsAccumulator } from './totals-accumulator';
import type { ZoneClock } from './zone-clock';

export interface ReportTallyOptions {
  table: CallTable;
  filter: CallFilter;
  dnTable: DnTable;
  clock: ZoneClock;
  /** The report window `[fromMs, toMs)`: a call counts when its first leg starts in it. */
  fromMs: number;
  toMs: number;
  serviceLevelMicros: number;
  /** The `list` view: keep every counted call for `calls`. */
  includeCalls: boolean;
}

/**
 * What a report counts, call by call, as each call is finished: totals, per DN, per hour, the
 * missed calls and (list view) every call. Sums only, so the order calls come in never matters.
 */
export class ReportTally {
  private readonly totals: TotalsAccumulator;
  private readonly dnStats: DnStats;
  private readonly byHour = new Array<number>(24).fill(0);
  private readonly missedCalls: ListedCall<MissedCall>[] = [];
  private readonly calls: ListedCall<CallSummary>[] = [];

  constructor(private readonly options: ReportTallyOptions) {
    this.totals = new TotalsAccumulator(options.serviceLevelMicros);
    this.dnStats = new DnStats(options.dnTable);
  }

  /** Counts the call in `slot` (when it is in the window and passes the filters); call it once per call. */
  readonly addCall = (slot: number): void => {
    const { table, clock } = this.options;
    if (table.isExcluded(slot)) return;
    const startMs = table.startMsOf(slot);
    if (startMs < this.options.fromMs || startMs >= this.options.toMs) return;
    const facts = deriveCallFacts(table, slot);
    if (!this.options.filter.matches(table, slot, facts)) return;
    this.totals.add(facts);
    this.dnStats.addCall(table, slot, facts);
    const hour = clock.localHourAt(startMs);
    this.byHour[hour] = (this.byHour[hour] ?? 0) + 1;
    if (facts.missed) this.missedCalls.push(toListedCall(table, slot, toMissedCall(table, slot)));
    if (this.options.includeCalls) this.calls.push(toListedCall(table, slot, toCallSummary(table, slot)));
  };

  /** The counted parts of the report; `byExtension`/`byQueue` list only `visible…` DNs when given. */
  toReportParts(
    visibleExtensions: ReadonlySet<string> | undefined,
    visibleQueues: ReadonlySet<string> | undefined,
  ): Pick<Report, 'totals' | 'byExtension' | 'byQueue' | 'byHour' | 'missedCalls' | 'calls'> {
    return {
      totals: this.totals.toTotals(),
      byExtension: this.dnStats.toExtensionStats(visibleExtensions),
      byQueue: this.dnStats.toQueueStats(visibleQueues),
      byHour: [...this.byHour],
      missedCalls: sortNewestFirst(this.missedCalls, this.options.clock),
      ...(this.options.includeCalls && { calls: sortNewestFirst(this.calls, this.options.clock) }),
    };
  }
}
