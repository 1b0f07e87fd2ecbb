import type { CallLogQuery, CallLogSource, RawCallLogRow } from '../core/call-log-source';
import type { Report } from '../core/report';
import type { ReportRequest } from '../core/report-request';
import { buildReport } from './report-builder';

/** Legs of calls that began inside the window may run past it; calls are fetched this far around it. */
export const FETCH_MARGIN_MS = 60 * 60 * 1000;

export interface ReportServiceOptions {
  source: CallLogSource;
  /** Threshold for the service level, in seconds (config `SERVICE_LEVEL_SECONDS`). */
  serviceLevelSeconds: number;
}

/** The rows of the `rows` view, with the PBX's total when `count` was asked for. */
export interface RowsResult {
  rows: AsyncIterable<RawCallLogRow>;
  count: number | undefined;
}

/**
 * Turns a parsed request into figures: the one place every adapter (Slack, Teams, the terminal,
 * digests) gets its numbers from, so they always agree.
 */
export class ReportService {
  constructor(private readonly options: ReportServiceOptions) {}

  /** The summary or list report for the request's window and filters. */
  async runReport(request: ReportRequest): Promise<Report> {
    const { source, serviceLevelSeconds } = this.options;
    const directory = await source.getDirectory();
    const legs = source.streamLegs({
      from: new Date(request.window.from.getTime() - FETCH_MARGIN_MS),
      to: new Date(request.window.to.getTime() + FETCH_MARGIN_MS),
      callLog: request.callLog,
    });
    return buildReport(legs, {
      window: request.window,
      filters: request.filters,
      directory,
      serviceLevelSeconds,
      includeCalls: request.view === 'list',
    });
  }

  /** The raw rows whose StartTime lies in the window, as the PBX returned them. */
  async runRows(request: ReportRequest): Promise<RowsResult> {
    const { source } = this.options;
    const query = toRowsQuery(request);
    const count = request.odata.count ? await source.countRows(query) : undefined;
    return { rows: source.streamRows(query), count };
  }
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
