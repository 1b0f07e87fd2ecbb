import type { RankingRequest, TrendUnit } from '../core/answers';
import type { CallLeg } from '../core/call-leg';
import type { Directory } from '../core/directory';
import type { MissedCall, Report } from '../core/report';
import type { CallLogParameters, CallScope, ReportFilters } from '../core/report-request';
import type { TimeWindow } from '../core/time-window';
import { CallFilter, toNumberDigits } from './call-filter';
import type { ListedCall } from './call-lists';
import { CallTable } from './call-table';
import { copyFilters } from './copy-filters';
import { DnTable } from './dn-table';
import { RankingBuilder } from './ranking-builder';
import { ReportTally } from './report-tally';
import { MICROS_PER_SECOND } from './round-half-up';
import { ZoneClock } from './zone-clock';

/** Everything a report needs besides the legs. */
export interface ReportBuilderOptions {
  /** `[from, to)` and the zone for times and `byHour`. */
  window: TimeWindow;
  filters: ReportFilters;
  /** The 3CX report parameters the legs were fetched with: non-defaults go in `filters.pbxOptions`. */
  callLog?: CallLogParameters;
  directory: Directory;
  /** The service-level threshold (config `SERVICE_LEVEL_SECONDS`, default 20). */
  serviceLevelSeconds: number;
  /** The `list` view: add `calls`, newest first. */
  includeCalls: boolean;
  /**
   * Count `totals` only (the period before a summary, of which a reply shows the totals): the
   * lists and breakdowns come out empty, and no call's caller ids or names are kept.
   */
  totalsOnly?: boolean;
  /** Optional scope narrowing for access rules: when set, byExtension/byQueue list only these. */
  visibleExtensions?: ReadonlySet<string>;
  visibleQueues?: ReadonlySet<string>;
  /**
   * The asker's access scope: only calls involving one of its DNs count (ANDed with the filters),
   * and byExtension/byQueue list only its extensions and queues. Absent: every call.
   */
  scope?: CallScope;
  /**
   * Legs come in start order give or take this much (the source's `legDisorderMs`): calls over
   * long enough before the latest start are counted and forgotten as legs arrive, so memory
   * follows the calls in progress, not the length of the period. Absent: legs may come in any
   * order, and every call is kept until `finish`.
   */
  legDisorderMs?: number;
  /** How often (in legs) calls that are over are looked for; default 4096. */
  retireEveryLegs?: number;
  /**
   * `focus`: these extensions' own figures (ExtensionFocus), one entry each in this order, also
   * for one without calls; only those in the access scope. Absent or empty: no `focus`.
   */
  focusExtensions?: readonly string[];
  /** `ranking`: `top …`, `busiest hours|days`, `longest calls` (`by` one of RANKING_MEASURES[of]). */
  ranking?: RankingRequest;
  /**
   * `trend`: the report's figures per bucket `[edgesMs[i], edgesMs[i+1])`, epoch ms ascending, as
   * `trendEdges` gives them for the window (`edgesMs[0]` its start, the last its end).
   */
  trend?: { by: TrendUnit; edgesMs: readonly number[] };
}

/**
 * The longest pause assumed between the end of a call's legs so far and the start of its next
 * leg (a parked call's own legs are hidden by `hidePcalls=true`; a transfer starts before the
 * leg it follows ends). A call is retired only this long after its last leg ended.
 */
export const CALL_PAUSE_MS = 6 * 3_600_000;
const RETIRE_EVERY_LEGS = 4096;

/**
 * Streams legs into a report: `add` each leg of the window widened by the fetch margin, then
 * `finish`. Holds compact per-call state, never the legs; with `legDisorderMs`, only of calls that
 * may still get legs.
 */
export class ReportBuilder {
  private readonly fromMs: number;
  private readonly toMs: number;
  private readonly clock: ZoneClock;
  private readonly dnTable: DnTable;
  private readonly table: CallTable;
  private readonly tally: ReportTally;
  /** The latest leg start seen (capped at the window's end), epoch ms. */
  private latestStartMs = Number.NEGATIVE_INFINITY;
  private legsSinceRetiring = 0;

  constructor(private readonly options: ReportBuilderOptions) {
    this.fromMs = options.window.from.getTime();
    this.toMs = options.window.to.getTime();
    this.clock = ZoneClock.of(options.window.timeZone);
    const focusExtensions = options.focusExtensions ?? [];
    // The extensions' own figures cost a little per call (and the ringing per leg): only when asked.
    const ownFigures = focusExtensions.length > 0 || options.ranking?.of === 'extensions';
    this.dnTable = new DnTable(options.directory, options.filters, options.scope, focusExtensions);
    this.table = new CallTable({
      fromMs: this.fromMs,
      dnTable: this.dnTable,
      numberDigits: toNumberDigits(options.filters.numbers),
      keepTexts: textsToKeep(options),
      keepsRinging: ownFigures,
    });
    this.tally = new ReportTally({
      table: this.table,
      filter: new CallFilter(options.filters, this.dnTable, options.scope !== undefined),
      dnTable: this.dnTable,
      clock: this.clock,
      fromMs: this.fromMs,
      toMs: this.toMs,
      serviceLevelMicros: Math.round(options.serviceLevelSeconds * MICROS_PER_SECOND),
      includeCalls: options.includeCalls,
      totalsOnly: options.totalsOnly === true,
      focusExtensions,
      ownFigures,
      ...(options.ranking !== undefined && { ranking: options.ranking }),
      ...(options.trend !== undefined && { trend: options.trend }),
    });
  }

  /** Merges one leg into its call. */
  add(leg: CallLeg): void {
    this.table.add(leg);
    const disorderMs = this.options.legDisorderMs;
    if (disorderMs === undefined) return;
    // Capped, so that a leg dated far ahead cannot retire calls still in progress.
    const startMs = Math.min(leg.startMs, this.toMs);
    if (startMs > this.latestStartMs) this.latestStartMs = startMs;
    if (++this.legsSinceRetiring < (this.options.retireEveryLegs ?? RETIRE_EVERY_LEGS)) return;
    this.legsSinceRetiring = 0;
    // No leg still to come starts before latestStartMs - disorderMs; a call whose legs all ended
    // a pause before that cannot get another one.
    const cutoffMs = this.latestStartMs - disorderMs - CALL_PAUSE_MS;
    this.table.retireEndedBefore(cutoffMs * 1000, this.tally.addCall);
  }

  /** Calls whose state is held now (seen, not yet retired). */
  get callsHeld(): number {
    return this.table.liveCount;
  }

  /**
   * The report's missed calls (`missedCalls`) with their exact starts and keys, unmasked, for
   * call-backs (`unreturned`); complete once `finish` ran.
   */
  get listedMisses(): readonly ListedCall<MissedCall>[] {
    return this.tally.listedMisses;
  }

  /** The report over every call whose first leg starts in the window and passes the filters. */
  finish(): Report {
    const { options, clock } = this;
    this.table.retireEndedBefore(Number.POSITIVE_INFINITY, this.tally.addCall);
    return {
      window: {
        from: clock.formatIso(this.fromMs),
        to: clock.formatIso(this.toMs),
        timeZone: options.window.timeZone,
      },
      filters: copyFilters(options.filters, options.callLog),
      ...this.tally.toReportParts(
        visibleWithin(options.visibleExtensions, options.scope?.extensions),
        visibleWithin(options.visibleQueues, options.scope?.queues),
      ),
    };
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

/** Builds the report from a stream of pages of legs (one await per page, not per leg). */
export async function buildReportFromPages(
  pages: AsyncIterable<readonly CallLeg[]>,
  options: ReportBuilderOptions,
): Promise<Report> {
  const builder = new ReportBuilder(options);
  for await (const page of pages) for (const leg of page) builder.add(leg);
  return builder.finish();
}

/** Which calls' caller ids and names the report needs (CallTable's `keepTexts`). */
function textsToKeep(options: ReportBuilderOptions): 'all' | 'unanswered' | 'none' {
  if (options.totalsOnly) return 'none';
  return options.includeCalls || RankingBuilder.needsAllTexts(options.ranking) ? 'all' : 'unanswered';
}

/** The DNs both the visible set and the scope allow; undefined when neither limits. */
function visibleWithin(
  visible: ReadonlySet<string> | undefined,
  scope: readonly string[] | undefined,
): ReadonlySet<string> | undefined {
  if (scope === undefined) return visible;
  return new Set(visible === undefined ? scope : scope.filter((dn) => visible.has(dn)));
}
