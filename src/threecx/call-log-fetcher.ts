import type { CallLogQuery, RawCallLogRow } from '../core/call-log-source';
import type { Logger } from '../core/logger';
import { readStartMs } from './call-log-row';
import { buildCallLogPath, CALL_LOG_FUNCTION_PATH, type ODataRequestOptions } from './call-log-url';
import { type FetchWindow, halveWindow, isInWindow } from './call-log-windows';
import { PbxHttpError } from './errors';
import type { XapiRequester } from './xapi-requester';

export interface CallLogFetcherOptions {
  requester: XapiRequester;
  pageSize: number;
  minWindowMs: number;
  logger: Logger;
}

interface CallLogPage {
  rows: RawCallLogRow[];
  /** Entries in the page's `value`, usable or not (what `$skip` advances by). */
  received: number;
  /** `@odata.count`: rows the whole window holds, when the PBX said. */
  count: number | undefined;
}

const ENDPOINT = `GET ${CALL_LOG_FUNCTION_PATH}`;

/**
 * Fetches one window of the call log: every page, rows outside the window dropped, and a window
 * that answers 504 (the query ran too long) fetched again as two halves, down to `minWindowMs`.
 */
export class CallLogFetcher {
  constructor(private readonly options: CallLogFetcherOptions) {}

  /** All rows of the window whose StartTime (when present) lies in `[startMs, endMs)`, in the PBX's order. */
  async fetchWindowRows(
    window: FetchWindow,
    query: CallLogQuery,
    signal: AbortSignal,
  ): Promise<RawCallLogRow[]> {
    return this.splitOnGatewayTimeout(window, (part) => this.fetchAllPages(part, query, signal), concatRows);
  }

  /** `@odata.count` for the window (one small request), or the rows counted when the PBX gives no count. */
  async countWindowRows(window: FetchWindow, query: CallLogQuery, signal: AbortSignal): Promise<number> {
    return this.splitOnGatewayTimeout(
      window,
      async (part) => {
        const page = await this.fetchPage(part, query, { top: 1, count: true }, signal);
        if (page.count !== undefined) return page.count;
        return (await this.fetchAllPages(part, query, signal)).length;
      },
      (first, second) => first + second,
    );
  }

  private async splitOnGatewayTimeout<T>(
    window: FetchWindow,
    fetch: (window: FetchWindow) => Promise<T>,
    combine: (first: T, second: T) => T,
  ): Promise<T> {
    try {
      return await fetch(window);
    } catch (error) {
      const halves = isGatewayTimeout(error) ? halveWindow(window, this.options.minWindowMs) : undefined;
      if (!halves) throw error;
      this.options.logger.info('The PBX timed out on a call-log window; fetching it in two halves', {
        from: new Date(window.startMs).toISOString(),
        to: new Date(window.endMs).toISOString(),
      });
      const first = await this.splitOnGatewayTimeout(halves[0], fetch, combine);
      const second = await this.splitOnGatewayTimeout(halves[1], fetch, combine);
      return combine(first, second);
    }
  }

  /**
   * Pages with `$top`/`$skip`/`$count=true`. A short page is not the end while `@odata.count` says
   * rows remain (a PBX may cap pages below `$top`); an empty page always is.
   */
  private async fetchAllPages(
    window: FetchWindow,
    query: CallLogQuery,
    signal: AbortSignal,
  ): Promise<RawCallLogRow[]> {
    const { pageSize } = this.options;
    const rows: RawCallLogRow[] = [];
    let skip = 0;
    for (;;) {
      const page = await this.fetchPage(window, query, { top: pageSize, skip, count: true }, signal);
      if (page.received === 0) break;
      for (const row of page.rows) {
        if (isInWindow(window, readStartMs(row))) rows.push(row);
      }
      skip += page.received;
      const done = page.count === undefined ? page.received < pageSize : skip >= page.count;
      if (done) break;
    }
    return rows;
  }

  private async fetchPage(
    window: FetchWindow,
    query: CallLogQuery,
    paging: Pick<ODataRequestOptions, 'top' | 'skip' | 'count'>,
    signal: AbortSignal,
  ): Promise<CallLogPage> {
    const path = buildCallLogPath(
      { from: new Date(window.startMs), to: new Date(window.endMs), callLog: query.callLog },
      {
        ...paging,
        filter: query.filter,
        search: query.search,
        select: query.select,
        orderby: query.orderby,
        expand: query.expand,
      },
    );
    return readPage(await this.options.requester.getJson(path, signal));
  }
}

/** `{ "@odata.count": n, "value": [...] }`; anything else is the PBX answering something we cannot use. */
function readPage(json: unknown): CallLogPage {
  const body = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const value = body.value;
  if (!Array.isArray(value)) throw new PbxHttpError(200, ENDPOINT, 'the answer has no "value" list of rows');
  const rawCount = body['@odata.count'];
  const count =
    typeof rawCount === 'number' ? rawCount : typeof rawCount === 'string' ? Number(rawCount) : Number.NaN;
  const rows = value.filter((row): row is RawCallLogRow => typeof row === 'object' && row !== null);
  return { rows, received: value.length, count: Number.isFinite(count) ? count : undefined };
}

function isGatewayTimeout(error: unknown): boolean {
  return error instanceof PbxHttpError && error.status === 504;
}

function concatRows(first: RawCallLogRow[], second: RawCallLogRow[]): RawCallLogRow[] {
  for (const row of second) first.push(row);
  return first;
}
