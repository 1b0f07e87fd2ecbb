import type { CallLeg } from '../core/call-leg';
import type { Directory } from '../core/directory';
import type { Report } from '../core/report';
import type { CallDirection, CallScope, ReportFilters } from '../core/report-request';
import type { TimeWindow } from '../core/time-window';
import { deriveCallFacts } from './call-facts';
import { CallFilter, toNumberDigits } from './call-filter';
import { sortNewestFirst, toCallSummary, toMissedCall } from './call-lists';
import { CallTable } from './call-table';
import { compareNumbers } from './compare-numbers';
import { DnStats } from './dn-stats';
import { DnTable } from './dn-table';
import { MICROS_PER_SECOND } from './round-half-up';
import { TotalsAccumulator } from './totals-accumulator';
import { ZoneClock } from './zone-clock';

/** Everything a report needs besides the legs. */
export interface ReportBuilderOptions {
  /** `[from, to)` and the zone for times and `byHour`. */
  window: TimeWindow;
  filters: ReportFilters;
  directory: Directory;
  /** The service-level threshold (config `SERVICE_LEVEL_SECONDS`, default 20). */
  serviceLevelSeconds: number;
  /** The `list` view: add `calls`, newest first. */
  includeCalls: boolean;
  /** Optional scope narrowing for access rules: when set, byExtension/byQueue list only these. */
  visibleExtensions?: ReadonlySet<string>;
  visibleQueues?: ReadonlySet<string>;
  /**
   * The asker's access scope: only calls involving one of its DNs count (ANDed with the filters),
   * and byExtension/byQueue list only its extensions and queues. Absent: every call.
   */
  scope?: CallScope;
}

const DIRECTION_ORDER: readonly CallDirection[] = ['inbound', 'outbound', 'internal'];

/**
 * Streams legs (in any order) into a report: `add` each leg of the window widened by the fetch
 * margin, then `finish`. Holds compact per-call state, never the legs.
 */
export class ReportBuilder {
  private readonly fromMs: number;
  private readonly toMs: number;
  private readonly clock: ZoneClock;
  private readonly dnTable: DnTable;
  private readonly table: CallTable;

  constructor(private readonly options: ReportBuilderOptions) {
    this.fromMs = options.window.from.getTime();
    this.toMs = options.window.to.getTime();
    this.clock = new ZoneClock(options.window.timeZone);
    this.dnTable = new DnTable(options.directory, options.filters, options.scope);
    this.table = new CallTable({
      fromMs: this.fromMs,
      dnTable: this.dnTable,
      numberDigits: toNumberDigits(options.filters.numbers),
      keepAllTexts: options.includeCalls,
    });
  }

  /** Merges one leg into its call. */
  add(leg: CallLeg): void {
    this.table.add(leg);
  }

  /** The report over every call whose first leg starts in the window and passes the filters. */
  finish(): Report {
    const { options, table, clock } = this;
    const filter = new CallFilter(options.filters, this.dnTable, options.scope !== undefined);
    const totals = new TotalsAccumulator(Math.round(options.serviceLevelSeconds * MICROS_PER_SECOND));
    const dnStats = new DnStats(this.dnTable);
    const byHour = new Array<number>(24).fill(0);
    const missedSlots: number[] = [];
    const listedSlots: number[] = [];
    for (let slot = 0; slot < table.size; slot++) {
      if (table.isExcluded(slot)) continue;
      const startMs = table.startMsOf(slot);
      if (startMs < this.fromMs || startMs >= this.toMs) continue;
      const facts = deriveCallFacts(table, slot);
      if (!filter.matches(table, slot, facts)) continue;
      totals.add(facts);
      dnStats.addCall(table, slot, facts);
      const hour = clock.localHourAt(startMs);
      byHour[hour] = (byHour[hour] ?? 0) + 1;
      if (facts.missed) missedSlots.push(slot);
      if (options.includeCalls) listedSlots.push(slot);
    }
    const report: Report = {
      window: {
        from: clock.formatIso(this.fromMs),
        to: clock.formatIso(this.toMs),
        timeZone: options.window.timeZone,
      },
      filters: copyFilters(options.filters),
      totals: totals.toTotals(),
      byExtension: dnStats.toExtensionStats(
        visibleWithin(options.visibleExtensions, options.scope?.extensions),
      ),
      byQueue: dnStats.toQueueStats(visibleWithin(options.visibleQueues, options.scope?.queues)),
      byHour,
      missedCalls: sortNewestFirst(table, missedSlots).map((slot) => toMissedCall(table, slot, clock)),
    };
    if (options.includeCalls) {
      report.calls = sortNewestFirst(table, listedSlots).map((slot) => toCallSummary(table, slot, clock));
    }
    return report;
  }
}

/** Builds the report from a stream (or array) of legs; see `ReportBuilder`. */
export async function buildReport(
  legs: AsyncIterable<CallLeg> | Iterable<CallLeg>,
  options: ReportBuilderOptions,
): Promise<Report> {
  const builder = new ReportBuilder(options);
  if (Symbol.asyncIterator in legs) {
    for await (const leg of legs) builder.add(leg);
  } else {
    for (const leg of legs) builder.add(leg);
  }
  return builder.finish();
}

/** The DNs both the visible set and the scope allow; undefined when neither limits. */
function visibleWithin(
  visible: ReadonlySet<string> | undefined,
  scope: readonly string[] | undefined,
): ReadonlySet<string> | undefined {
  if (scope === undefined) return visible;
  return new Set(visible === undefined ? scope : scope.filter((dn) => visible.has(dn)));
}

/** The request's filters, deduplicated, numbers in ascending order and directions in spec order. */
function copyFilters(filters: ReportFilters): Report['filters'] {
  const sorted = (values: readonly string[]) => [...new Set(values)].sort(compareNumbers);
  return {
    extensions: sorted(filters.extensions),
    queues: sorted(filters.queues),
    numbers: sorted(filters.numbers),
    directions: DIRECTION_ORDER.filter((direction) => filters.directions.includes(direction)),
    status: filters.status,
  };
}
