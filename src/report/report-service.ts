import { maskReport } from '../access/mask-report';
import { maskRow } from '../access/mask-row';
import { keepRowsInvolving, scopeRowsQuery } from '../access/scope-rows';
import {
  type CallLogQuery,
  type CallLogSource,
  legPagesOf,
  type RawCallLogRow,
} from '../core/call-log-source';
import type { Directory } from '../core/directory';
import { CommandError } from '../core/errors';
import { previousWindow } from '../core/previous-window';
import type { Report } from '../core/report';
import type { Assumption, CallScope, ODataOptions, ReportRequest } from '../core/report-request';
import { trendEdges } from '../core/trend-edges';
import { focusExtensionsOf, toComparisonColumn, wantsPreviousPeriod } from './answer-parts';
import { buildReportWithUnreturned } from './build-unreturned-report';
import { describeUnknownDns, namesDns } from './describe-unknown-dns';
import { InFlightCoalescer } from './in-flight-coalescer';
import { countRowsKeepingPage, pageRows } from './page-rows';
import { buildReportFromPages, type ReportBuilderOptions } from './report-builder';

/** `sharedReport`'s `totalsOnly`, named at the call. */
const TOTALS_ONLY = true;

/** Legs of calls that began inside the window may run past it; calls are fetched this far around it. */
export const FETCH_MARGIN_MS = 60 * 60 * 1000;

export interface ReportServiceOptions {
  source: CallLogSource;
  /** Threshold for the service level, in seconds (config `SERVICE_LEVEL_SECONDS`). */
  serviceLevelSeconds: number;
  /** PRIVACY_MASK_NUMBERS: external numbers masked in every report and row; default false. */
  maskNumbers?: boolean;
  /** The clock: the `unreturned` view counts returns up to now. Default: the wall clock. */
  now?: () => Date;
}

/**
 * The rows of the `rows` view, and their total when `count` was asked for: the PBX's own
 * `@odata.count` for an unscoped asker, the rows that passed the scope check for a scoped one.
 */
export interface RowsResult {
  rows: AsyncIterable<RawCallLogRow>;
  count: number | undefined;
}

/** How many rows the caller will read at most (a chat export's limit). */
export interface RowsLimits {
  /** A scoped `count` reads every row; it holds at most this many of the page (default: all). */
  keepRows?: number;
}

/**
 * Turns a parsed request into figures: the one place every adapter (Slack, Teams, the terminal,
 * digests) gets its numbers from, so they always agree. It enforces the request's access `scope`
 * (set by the access layer) and masks external numbers when configured, so every rendering of
 * its results (Slack, Teams, CSV, text, JSON) is scoped and masked alike.
 */
export class ReportService {
  private readonly reports = new InFlightCoalescer<Report>((report) => structuredClone(report));

  constructor(private readonly options: ReportServiceOptions) {}

  /**
   * The summary or list report for the request's window, filters and scope, with what the request
   * asks beyond it: the previous period (a plain summary), both sides of a comparison, a ranking, a
   * trend, the `unreturned` list (its call log read on up to now, where returns may be). The reports it needs run side by side: the source shares and caches the call-log
   * windows, so a summary with its previous period costs about the download of both periods, and
   * reports over the same period with other filters or scopes cost the PBX one set of queries.
   * Identical requests in flight at the same time are computed once (each caller gets a copy).
   */
  async runReport(request: ReportRequest): Promise<Report> {
    refuseUnresolvedNames(request);
    const previous = wantsPreviousPeriod(request) ? previousWindow(request.window) : undefined;
    const others = request.comparison?.sides.slice(1) ?? [];
    const [report, previousReport, ...sideReports] = await Promise.all([
      this.sharedReport(request),
      // Of the period before, a reply shows the totals only: nothing else is counted.
      previous && this.sharedReport({ ...request, window: previous }, TOTALS_ONLY),
      ...others.map((side) =>
        this.sharedReport({ ...request, window: side.window, filters: side.filters, comparison: undefined }),
      ),
    ]);
    if (previousReport) report.previous = { window: previousReport.window, totals: previousReport.totals };
    if (request.comparison) {
      const { by, sides } = request.comparison;
      const reports = [report, ...sideReports];
      report.comparison = {
        by,
        columns: sides.map((side, index) => toComparisonColumn(by, side.window, reports[index] as Report)),
      };
    }
    return withAssumptions(report, request.assumptions);
  }

  /**
   * The request's own report (with `TOTALS_ONLY`: its totals, the rest empty), computed once for
   * identical requests in flight (each caller gets a copy).
   */
  private sharedReport(request: ReportRequest, totalsOnly = false): Promise<Report> {
    return this.reports.run(reportKey(request, totalsOnly), () => this.buildReport(request, totalsOnly));
  }

  /** The PBX directory (the source caches it). */
  getDirectory(): Promise<Directory> {
    return this.options.source.getDirectory();
  }

  /** The directory if the source holds a fresh copy now, without asking the PBX; else undefined. */
  cachedDirectory(): Directory | undefined {
    return this.options.source.cachedDirectory?.();
  }

  /**
   * Notes naming the request's `ext`/`queue` numbers that the PBX does not have (see
   * `describeUnknownDns`); the directory is loaded (cached by the source) only when it names some.
   */
  async describeUnknownDns(request: ReportRequest): Promise<string[]> {
    if (!namesDns(request.filters)) return [];
    return describeUnknownDns(request.filters, await this.getDirectory());
  }

  private async buildReport(request: ReportRequest, totalsOnly: boolean): Promise<Report> {
    const { source, serviceLevelSeconds } = this.options;
    // `unreturned` reads on past the period, up to now: a return after the period's end counts.
    const nowMs = request.view === 'unreturned' ? (this.options.now?.() ?? new Date()).getTime() : undefined;
    const reportEndMs = request.window.to.getTime() + FETCH_MARGIN_MS;
    const fetchEndMs = nowMs === undefined ? reportEndMs : Math.max(reportEndMs, nowMs + FETCH_MARGIN_MS);
    // The call log starts downloading while the directory loads (it is needed before the first leg).
    const involving = involvingHint(request);
    const query: CallLogQuery = {
      from: new Date(request.window.from.getTime() - FETCH_MARGIN_MS),
      to: new Date(fetchEndMs),
      callLog: request.callLog,
      ...(involving && { involving }),
    };
    const legs = new EarlyStart(legPagesOf(source, query));
    let directory: Directory;
    try {
      directory = await source.getDirectory();
    } catch (error) {
      legs.abandon();
      throw error;
    }
    const options = builderOptions(request, directory, serviceLevelSeconds, source.legDisorderMs, totalsOnly);
    const report =
      nowMs === undefined
        ? await buildReportFromPages(legs, options)
        : await buildReportWithUnreturned(legs, options, {
            nowMs,
            reportLegsBeforeMs: reportEndMs,
            fetchEndMs,
          });
    return this.options.maskNumbers ? maskReport(report) : report;
  }

  /**
   * The raw rows whose StartTime lies in the window, as the PBX returned them. Without a scope,
   * `top`/`skip` go to the source and `count` is the PBX's own. With one, only rows whose source or
   * destination is in it (`scopeRowsQuery`, checked again by `keepRowsInvolving`), and every number
   * is ours, over the rows that passed that check: `top`/`skip` page them, and `count` reads every
   * row of the window (whatever `top` says) and counts them.
   */
  async runRows(request: ReportRequest, limits: RowsLimits = {}): Promise<RowsResult> {
    refuseUnresolvedNames(request);
    const { source } = this.options;
    const query = toRowsQuery(request);
    const result = request.scope
      ? await scopedRows(source, query, request.scope, request.odata, limits)
      : {
          count: request.odata.count ? await source.countRows(query) : undefined,
          rows: source.streamRows(query),
        };
    return this.options.maskNumbers ? { ...result, rows: mapRows(result.rows, maskRow) } : result;
  }
}

/** `runRows` for a scoped asker: the PBX asked for their scope only, every row checked, every number ours. */
async function scopedRows(
  source: CallLogSource,
  query: CallLogQuery,
  scope: CallScope,
  odata: ODataOptions,
  limits: RowsLimits,
): Promise<RowsResult> {
  const dns = [...scope.extensions, ...scope.queues];
  const page = { skip: odata.skip, top: odata.top };
  const checked =
    dns.length === 0
      ? fromArray([])
      : keepRowsInvolving(source.streamRows(scopeRowsQuery(query, dns)), new Set(dns));
  if (!odata.count) return { rows: pageRows(checked, page), count: undefined };
  const { count, kept } = await countRowsKeepingPage(checked, page, limits.keepRows);
  return { rows: fromArray(kept), count };
}

/** What the report engine needs of a request, besides the legs (the benchmark's sequential client uses it too). */
export function builderOptions(
  request: ReportRequest,
  directory: Directory,
  serviceLevelSeconds: number,
  legDisorderMs: number | undefined,
  totalsOnly: boolean,
): ReportBuilderOptions {
  return {
    window: request.window,
    filters: request.filters,
    callLog: request.callLog,
    directory,
    serviceLevelSeconds,
    includeCalls: request.view === 'list',
    totalsOnly,
    focusExtensions: totalsOnly ? [] : focusExtensionsOf(request),
    ...(request.ranking !== undefined && { ranking: request.ranking }),
    ...(request.trend !== undefined && {
      trend: {
        by: request.trend.by,
        edgesMs: trendEdges(request.window, request.trend.by, request.trend.weekStart).map((edge) =>
          edge.getTime(),
        ),
      },
    }),
    ...(request.scope !== undefined && { scope: request.scope }),
    ...(legDisorderMs !== undefined && { legDisorderMs }),
  };
}

/**
 * DNs one of which every call the report counts has a leg from or to (`CallLogQuery.involving`):
 * the `ext` filter's, else the `queue` filter's, else the access scope's; undefined when nothing
 * narrows the calls, and for `unreturned`, whose returns may involve anyone.
 */
function involvingHint(request: ReportRequest): readonly string[] | undefined {
  if (request.view === 'unreturned') return undefined;
  const { filters, scope } = request;
  const scopeDns = scope && [...scope.extensions, ...scope.queues];
  for (const dns of [filters.extensions, filters.queues, scopeDns]) {
    const named = dns?.filter((dn) => dn !== '') ?? [];
    if (named.length > 0) return named;
  }
  return undefined;
}

/**
 * A request whose names were never looked up (parsed without a directory; see the chat's
 * `readCommand`) would report every call instead of theirs: it is refused, never run.
 */
function refuseUnresolvedNames(request: ReportRequest): void {
  if (request.names.length === 0) return;
  const names = request.names.map((name) => `"${name}"`).join(', ');
  throw new CommandError(
    `${names} could not be looked up in the PBX directory here, so the report cannot be for them: name the extension instead.`,
    'yesterday ext 101',
  );
}

/**
 * The report with the request's assumptions, right after the filters (the `--json` key order:
 * what was asked and how it was read, then the figures). Reports computed once for identical
 * requests read differently (`friday`, `fri 27 nov`) each get their own.
 */
function withAssumptions(report: Report, assumptions: readonly Assumption[]): Report {
  const { window, filters, ...figures } = report;
  return {
    window,
    filters,
    assumptions: assumptions.map(({ code, text }) => ({ code, text })),
    ...figures,
  };
}

/** Everything a report depends on besides the source and the service level (which are the service's). */
function reportKey(request: ReportRequest, totalsOnly: boolean): string {
  const { window, filters, callLog } = request;
  return JSON.stringify([
    // The view decides what is computed besides the figures (`calls`, `unreturned`).
    request.view,
    totalsOnly,
    window.from.getTime(),
    window.to.getTime(),
    window.timeZone,
    filters.extensions,
    filters.queues,
    filters.numbers,
    filters.directions,
    filters.status,
    callLog,
    request.ranking ?? null,
    request.trend ?? null,
    // Access scope: two askers with different rights must never share a report.
    request.scope ?? null,
  ]);
}

function toRowsQuery(request: ReportRequest): CallLogQuery {
  const { odata } = request;
  return {
    from: request.window.from,
    to: request.window.to,
    callLog: request.callLog,
    ...(odata.filter !== undefined && { filter: odata.filter }),
    ...(odata.search !== undefined && { search: odata.search }),
    ...(odata.select !== undefined && { select: odata.select }),
    ...(odata.orderby !== undefined && { orderby: odata.orderby }),
    ...(odata.expand !== undefined && { expand: odata.expand }),
    ...(odata.top !== undefined && { top: odata.top }),
    ...(odata.skip !== undefined && { skip: odata.skip }),
  };
}

/**
 * `items`, already asked for their first item (so the source starts fetching at once); that item
 * is handed out on the first `next()`, and its failure waits for it (never unhandled).
 */
class EarlyStart<T> implements AsyncIterable<T> {
  private readonly iterator: AsyncIterator<T>;
  private first: Promise<IteratorResult<T>> | undefined;

  constructor(items: AsyncIterable<T>) {
    this.iterator = items[Symbol.asyncIterator]();
    this.first = this.iterator.next();
    this.first.catch(() => {});
  }

  /** Stops the source without waiting for it (nothing will read the items). */
  abandon(): void {
    this.iterator.return?.(undefined)?.catch(() => {});
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        const first = this.first;
        this.first = undefined;
        return first ?? this.iterator.next();
      },
      return: async (value?: unknown) => {
        await this.iterator.return?.(undefined);
        return { done: true, value: value as T };
      },
    };
  }
}

async function* fromArray(rows: readonly RawCallLogRow[]): AsyncGenerator<RawCallLogRow> {
  yield* rows;
}

async function* mapRows(
  rows: AsyncIterable<RawCallLogRow>,
  map: (row: RawCallLogRow) => RawCallLogRow,
): AsyncGenerator<RawCallLogRow> {
  for await (const row of rows) yield map(row);
}
