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

/** A page of a window as items (rows, or legs), and how many of its rows could not be made one. */
export interface WindowPage<T> {
  items: T[];
  unreadableRows: number;
}

/** A row (and its StartTime, already read) as the item a caller wants; undefined: unreadable. */
type ReadRow<T> = (row: RawCallLogRow, startMs: number | undefined) => T | undefined;

const asRow: ReadRow<RawCallLogRow> = (row) => row;

/** Rows at the start of a refetched span that were already passed on and must be dropped; shared by its parts. */
interface DropCounter {
  rows: number;
}

const ENDPOINT = `GET ${CALL_LOG_FUNCTION_PATH}`;

/**
 * Fetches one window of the call log page by page, rows outside the window dropped. A window that
 * answers 504 (the query ran too long) is fetched again as two halves, down to `minWindowMs`.
 *
 * A 504 after some of the window's rows were already passed on (a later page timed out) resumes
 * where they stopped: rows come in StartTime order, so the rest of the window is `[T, end)` with T
 * the StartTime of the last row passed on; that span is fetched as two halves and its first rows
 * that start at T and were already passed on are dropped. Rows without a readable StartTime, or out
 * of order, make the resume count-based instead: the whole window is fetched again as halves and
 * as many leading rows dropped as were passed on. Both rely on the PBX serving the same rows in the
 * same order twice, which holds for calls that ended (3CX writes a call once, when it ends).
 */
export class CallLogFetcher {
  constructor(private readonly options: CallLogFetcherOptions) {}

  /** The window's rows whose StartTime (when present) lies in `[startMs, endMs)`, one array per page, in the PBX's order. */
  async *streamWindowPages(
    window: FetchWindow,
    query: CallLogQuery,
    signal: AbortSignal,
  ): AsyncGenerator<RawCallLogRow[]> {
    for await (const page of this.streamSpan(window, query, signal, { rows: 0 }, asRow)) yield page.items;
  }

  /**
   * The same window read into items as its rows arrive (`read` gets each row with its StartTime,
   * read once here for the window's bounds): the client's legs, without reading StartTime twice.
   */
  streamWindowItems<T>(
    window: FetchWindow,
    query: CallLogQuery,
    signal: AbortSignal,
    read: ReadRow<T>,
  ): AsyncGenerator<WindowPage<T>> {
    return this.streamSpan(window, query, signal, { rows: 0 }, read);
  }

  /** `@odata.count` for the window (one small request), or the rows counted when the PBX gives no count. */
  async countWindowRows(window: FetchWindow, query: CallLogQuery, signal: AbortSignal): Promise<number> {
    try {
      const page = await this.fetchPage(window, query, { top: 1, count: true }, signal);
      if (page.count !== undefined) return page.count;
      let rows = 0;
      for await (const pageRows of this.streamWindowPages(window, query, signal)) rows += pageRows.length;
      return rows;
    } catch (error) {
      const halves = isGatewayTimeout(error) ? halveWindow(window, this.options.minWindowMs) : undefined;
      if (!halves) throw error;
      this.logSplit(window);
      return (
        (await this.countWindowRows(halves[0], query, signal)) +
        (await this.countWindowRows(halves[1], query, signal))
      );
    }
  }

  /**
   * Pages with `$top`/`$skip`/`$count=true`. A short page is not the end while `@odata.count` says
   * rows remain (a PBX may cap pages below `$top`); an empty page always is.
   */
  private async *streamSpan<T>(
    span: FetchWindow,
    query: CallLogQuery,
    signal: AbortSignal,
    drop: DropCounter,
    read: ReadRow<T>,
  ): AsyncGenerator<WindowPage<T>> {
    const { pageSize } = this.options;
    /** Rows of this span passed on or dropped, and how many of them started at `lastStartMs`. */
    let consumed = 0;
    let lastStartMs = Number.NEGATIVE_INFINITY;
    let atLastStart = 0;
    let ordered = true;
    let skip = 0;
    for (;;) {
      let page: CallLogPage;
      try {
        page = await this.fetchPage(span, query, { top: pageSize, skip, count: true }, signal);
      } catch (error) {
        if (!isGatewayTimeout(error)) throw error;
        const resumeFromMs = consumed === 0 || !ordered ? span.startMs : lastStartMs;
        const halves = halveWindow({ startMs: resumeFromMs, endMs: span.endMs }, this.options.minWindowMs);
        if (!halves) throw error;
        this.logSplit(span);
        drop.rows += consumed === 0 || !ordered ? consumed : atLastStart;
        yield* this.streamSpan(halves[0], query, signal, drop, read);
        yield* this.streamSpan(halves[1], query, signal, drop, read);
        return;
      }
      if (page.received === 0) return;
      const items: T[] = [];
      let unreadableRows = 0;
      for (const row of page.rows) {
        const startMs = readStartMs(row);
        if (!isInWindow(span, startMs)) continue;
        consumed++;
        if (startMs === undefined || startMs < lastStartMs) ordered = false;
        else if (startMs === lastStartMs) atLastStart++;
        else {
          lastStartMs = startMs;
          atLastStart = 1;
        }
        if (drop.rows > 0) {
          drop.rows--;
          continue;
        }
        const item = read(row, startMs);
        if (item === undefined) unreadableRows++;
        else items.push(item);
      }
      if (items.length > 0 || unreadableRows > 0) yield { items, unreadableRows };
      skip += page.received;
      const done = page.count === undefined ? page.received < pageSize : skip >= page.count;
      if (done) return;
    }
  }

  private logSplit(window: FetchWindow): void {
    this.options.logger.info('The PBX timed out on a call-log window; fetching it in two halves', {
      from: new Date(window.startMs).toISOString(),
      to: new Date(window.endMs).toISOString(),
    });
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
