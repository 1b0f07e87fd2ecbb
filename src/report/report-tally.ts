import type { RankingRequest, TrendUnit } from '../core/answers';
import type { CallSummary, MissedCall, Report } from '../core/report';
import { deriveCallFacts } from './call-facts';
import type { CallFilter } from './call-filter';
import { type ListedCall, sortNewestFirst, toCallSummary, toListedCall, toMissedCall } from './call-lists';
import type { CallTable } from './call-table';
import type { DnTable } from './dn-table';
import { ExtensionTally } from './extension-tally';
import { QueueTally } from './queue-tally';
import { RankingBuilder } from './ranking-builder';
import { TotalsAccumulator } from './totals-accumulator';
import { TrendTally } from './trend-tally';
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
  /** Count only `totals` (ReportBuilderOptions' `totalsOnly`): everything else stays empty. */
  totalsOnly: boolean;
  /** `focus`: these extensions' own figures, in this order (none when empty). */
  focusExtensions: readonly string[];
  /** Count the extensions' own figures (`focus`, `top extensions`; see ExtensionTally). */
  ownFigures: boolean;
  ranking?: RankingRequest;
  trend?: { by: TrendUnit; edgesMs: readonly number[] };
}

type ReportParts = Pick<
  Report,
  'totals' | 'byExtension' | 'byQueue' | 'byHour' | 'missedCalls' | 'calls' | 'focus' | 'ranking' | 'trend'
>;

/**
 * What a report counts, call by call, as each call is finished: totals, per extension and queue,
 * per hour, the missed calls, (list view) every call, and what focus, a ranking or a trend asks
 * for. Sums only, so the order calls come in never matters.
 */
export class ReportTally {
  private readonly totals: TotalsAccumulator;
  private readonly extensions: ExtensionTally;
  private readonly queues: QueueTally;
  private readonly byHour = new Array<number>(24).fill(0);
  private readonly missedCalls: ListedCall<MissedCall>[] = [];
  private readonly calls: ListedCall<CallSummary>[] = [];
  private readonly ranking: RankingBuilder | undefined;
  private readonly trend: TrendTally | undefined;

  constructor(private readonly options: ReportTallyOptions) {
    this.totals = new TotalsAccumulator(options.serviceLevelMicros);
    this.extensions = new ExtensionTally(options.dnTable, options.ownFigures);
    this.queues = new QueueTally(options.dnTable, options.serviceLevelMicros);
    this.ranking = options.ranking && new RankingBuilder(options.ranking, options.clock);
    this.trend =
      options.trend && new TrendTally(options.trend.by, options.trend.edgesMs, options.serviceLevelMicros);
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
    if (this.options.totalsOnly) return;
    this.extensions.addCall(table, slot, facts);
    this.queues.addCall(table, slot, facts);
    const hour = clock.localHourAt(startMs);
    this.byHour[hour] = (this.byHour[hour] ?? 0) + 1;
    if (facts.missed) this.missedCalls.push(toListedCall(table, slot, toMissedCall(table, slot)));
    if (this.options.includeCalls) this.calls.push(toListedCall(table, slot, toCallSummary(table, slot)));
    this.ranking?.addCall(table, slot, facts, startMs);
    this.trend?.addCall(startMs, facts);
  };

  /** The missed calls counted so far, each with its exact start and key (call-backs match on them). */
  get listedMisses(): readonly ListedCall<MissedCall>[] {
    return this.missedCalls;
  }

  /**
   * The counted parts of the report; `byExtension`, `byQueue`, `focus` and the rankings of
   * extensions and queues cover only `visible…` DNs when given.
   */
  toReportParts(
    visibleExtensions: ReadonlySet<string> | undefined,
    visibleQueues: ReadonlySet<string> | undefined,
  ): ReportParts {
    const { clock, focusExtensions, includeCalls } = this.options;
    const byQueue = this.queues.toQueueStats(visibleQueues);
    return {
      totals: this.totals.toTotals(),
      byExtension: this.extensions.toExtensionStats(visibleExtensions),
      byQueue,
      byHour: [...this.byHour],
      missedCalls: sortNewestFirst(this.missedCalls, clock),
      ...(includeCalls && { calls: sortNewestFirst(this.calls, clock) }),
      ...(focusExtensions.length > 0 && {
        focus: this.extensions.toFocus(focusExtensions, visibleExtensions),
      }),
      ...(this.ranking && {
        ranking: this.ranking.toRanking({
          byHour: this.byHour,
          extensions: () => this.extensions.toFocusOfEveryExtension(visibleExtensions),
          queues: byQueue,
        }),
      }),
      ...(this.trend && { trend: this.trend.toTrend(clock) }),
    };
  }
}
