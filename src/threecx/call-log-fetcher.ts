import type { CallLogQuery, RawCallLogRow } from '../core/call-log-source';
import type { Logger } from '../core/logger';
import { type CallLogPage, fetchCallLogPage, withIdentityField } from './call-log-page';
import { readStartMs } from './call-log-row';
import { type FetchWindow, halveWindow, isInWindow, splitForRowCap } from './call-log-windows';
import { PbxAnswerTooLargeError, PbxHttpError, PbxRowCapError } from './errors';
import { PageRequests } from './page-requests';
import { ROW_IDENTITY_FIELD, SEEN_IN_SPAN, SEEN_IN_WINDOW, WindowRowKeys } from './window-row-keys';
import type { XapiRequester } from './xapi-requester';

export interface CallLogFetcherOptions {
  requester: XapiRequester;
  pageSize: number;
  /** No split (504, answer too large, row cap) makes a window shorter than this; default 5 min. */
  minWindowMs: number;
  /** `PBX_REPORT_ROW_CAP`: a window whose `@odata.count` reaches it is cut short by the PBX, so it is fetched in pieces. */
  rowCap: number;
  logger: Logger;
}

/** A page of a window as items (rows, or legs), and how many of its rows could not be made one. */
export interface WindowPage<T> {
  items: T[];
  unreadableRows: number;
  /**
   * On a last, empty page: the window was read whole and the PBX's latest `@odata.count` for it
   * equals the distinct rows it served (the window's "read complete" signal; see `streamWindowItems`).
   */
  pbxCount?: number;
}

/** A row (and its StartTime, already read) as the item a caller wants; undefined: unreadable. */
type ReadRow<T> = (row: RawCallLogRow, startMs: number | undefined) => T | undefined;

const asRow: ReadRow<RawCallLogRow> = (row) => row;

/** How a window's spans are read: the window's row keys, rows into items, and whether to ask a page ahead. */
interface SpanReading<T> {
  keys: WindowRowKeys;
  read: ReadRow<T>;
  askAhead: boolean;
}

/** Reads of a span from `$skip=0` again after the first, when it ended with fewer distinct rows than the PBX counts. */
const MAX_REREADS = 3;

/** How many rows a window holds, and one of them as the PBX sent it (undefined when none came). */
export interface WindowRowCount {
  count: number;
  sample: unknown;
}

/** Adds `counted` to `total` (its rows, and its row when `total` has none yet). */
export function addRowCount(total: WindowRowCount, counted: WindowRowCount): void {
  total.count += counted.count;
  total.sample ??= counted.sample;
}

/**
 * Fetches one window of the call log page by page, rows outside the window dropped, each row
 * passed on once. The PBX's row order is taken as stable but unknown (3CX is reported to send the
 * newest first, and a window that includes the present gains rows while it is paged), so rows are
 * told apart by identity (`CdrId`, else the whole row; see window-row-keys.ts), never by position:
 *
 * - A page's rows already received are dropped (live inserts push rows onto the next page).
 * - A span ends at an empty page, or at a short page once its distinct rows reach the latest
 *   `@odata.count` (every page carries one). Ending with fewer (a row appeared at a position
 *   already read), it is read again from `$skip=0`, duplicates dropped, until the count is reached;
 *   at most `MAX_REREADS` times, and not again after a re-read that found nothing new while the
 *   count stood still. Still short: a warning, with the numbers.
 * - A 504 (the query ran too long) or an answer past `PBX_MAX_RESPONSE_MB` on any page: the span
 *   is fetched again as two halves; a count at `PBX_REPORT_ROW_CAP`: as hours, then halves. The
 *   rows already passed on are recognised in the pieces and dropped; nothing is skipped by number.
 *   No piece is shorter than `minWindowMs`: below it, the error names what to change.
 *
 * Keys are held per window, for as long as it is fetched.
 */
export class CallLogFetcher {
  constructor(private readonly options: CallLogFetcherOptions) {}

  /** The window's rows whose StartTime (when present) lies in `[startMs, endMs)`, one array per page, in the PBX's order. */
  async *streamWindowPages(
    window: FetchWindow,
    query: CallLogQuery,
    signal: AbortSignal,
  ): AsyncGenerator<RawCallLogRow[]> {
    const asked = withIdentityField(query);
    const read = asked === query ? asRow : withoutIdentityField;
    // No page asked ahead: a slow reader (the rows view) holds only the pages its feed buffers.
    const reading = { keys: new WindowRowKeys(), read, askAhead: false };
    for await (const page of this.streamSpan(window, asked, signal, reading)) {
      yield page.items;
    }
  }

  /**
   * The same window read into items as its rows arrive (`read` gets each row with its StartTime,
   * read once here for the window's bounds): the client's legs, without reading StartTime twice.
   * Each next page is asked for while the last is read (its reader records every page at once).
   * When every span read ended with as many distinct rows as the PBX counted, a last empty page
   * carries that count (`pbxCount`): what the call-log history takes as proof that it has the
   * window's rows, all of them, without asking the PBX to count the window again.
   */
  async *streamWindowItems<T>(
    window: FetchWindow,
    query: CallLogQuery,
    signal: AbortSignal,
    read: ReadRow<T>,
  ): AsyncGenerator<WindowPage<T>> {
    const reading = { keys: new WindowRowKeys(), read, askAhead: true };
    const pbxCount = yield* this.streamSpan(window, withIdentityField(query), signal, reading);
    if (pbxCount !== undefined) yield { items: [], unreadableRows: 0, pbxCount };
  }

  /**
   * `@odata.count` for the window (one small request), or the rows counted when the PBX gives no
   * count; with a row of the window that came with it (`$top=1` brings one; undefined for none).
   */
  async countWindowRows(
    window: FetchWindow,
    query: CallLogQuery,
    signal: AbortSignal,
  ): Promise<WindowRowCount> {
    let page: CallLogPage | undefined;
    let pieces: FetchWindow[] = [];
    try {
      page = await this.fetchPage(window, query, { top: 1, count: true }, signal);
    } catch (error) {
      pieces = this.piecesAfter(error, window);
    }
    if (page !== undefined) {
      if (page.count === undefined) {
        const counted: WindowRowCount = { count: 0, sample: undefined };
        for await (const pageRows of this.streamWindowPages(window, query, signal))
          addRowCount(counted, { count: pageRows.length, sample: pageRows[0] });
        return counted;
      }
      if (page.count < this.options.rowCap) return { count: page.count, sample: page.entries[0] };
      pieces = this.piecesAtRowCap(window, page.count);
    }
    const total: WindowRowCount = { count: 0, sample: undefined };
    for (const piece of pieces) addRowCount(total, await this.countWindowRows(piece, query, signal));
    return total;
  }

  /**
   * One span (a window or a piece of one) with `$top`/`$skip`/`$count=true`, read until complete (see
   * the class). Returns the PBX's count for the span when the rows it served (distinct) came to
   * exactly that count, summed over pieces when it was split; undefined otherwise.
   */
  private async *streamSpan<T>(
    span: FetchWindow,
    query: CallLogQuery,
    signal: AbortSignal,
    reading: SpanReading<T>,
  ): AsyncGenerator<WindowPage<T>, number | undefined> {
    const { pageSize, rowCap } = this.options;
    const { keys, read, askAhead } = reading;
    const spanId = keys.openSpan();
    let distinct = 0;
    let count: number | undefined;
    /** Entries in the last page received: where the page after the next one probably starts. */
    let lastPageLength: number | undefined;
    for (let pass = 0; ; pass++) {
      const countAtStart = count;
      const distinctAtStart = distinct;
      const pages = new PageRequests<CallLogPage>(
        (skip, pageSignal, onAnswered) =>
          this.fetchPage(span, query, { top: pageSize, skip, count: true }, pageSignal, onAnswered),
        signal,
      );
      try {
        for (let skip = 0; ; ) {
          let page: CallLogPage;
          try {
            const at = skip;
            page = await pages.take(at, (countHint) =>
              askAhead ? nextPageSkip(at, lastPageLength ?? pageSize, countHint ?? count) : undefined,
            );
          } catch (error) {
            return yield* this.streamPieces(this.piecesAfter(error, span), query, signal, reading);
          }
          if (page.count !== undefined) count = page.count;
          if (count !== undefined && count >= rowCap) {
            return yield* this.streamPieces(this.piecesAtRowCap(span, count), query, signal, reading);
          }
          if (count !== undefined) keys.reserve(count);
          const { entries } = page;
          if (entries.length === 0) break;
          const { items, unreadableRows, fresh } = sortPage(entries, keys, spanId, span, read);
          distinct += fresh;
          if (items.length > 0 || unreadableRows > 0) yield { items, unreadableRows };
          skip += entries.length;
          lastPageLength = entries.length;
          const reached = count === undefined || distinct >= count;
          const short = entries.length < pageSize;
          // A re-read ends once it found what was missing; a PBX repeating rows past its count, at once.
          if ((reached && (short || pass > 0)) || (fresh === 0 && (count === undefined || skip >= count)))
            break;
        }
      } finally {
        pages.close();
      }
      if (count === undefined) return undefined;
      if (distinct >= count) return distinct === count ? count : undefined;
      const stuck = pass > 0 && distinct === distinctAtStart && count === countAtStart;
      if (pass === MAX_REREADS || stuck) {
        this.options.logger.warn('The PBX counted more call-log rows than it served, after reading again', {
          ...describeSpan(span),
          rows: distinct,
          count,
          reads: pass + 1,
        });
        return undefined;
      }
      this.options.logger.info('Call-log rows moved while a window was paged; reading it again', {
        ...describeSpan(span),
        rows: distinct,
        count,
      });
    }
  }

  private async *streamPieces<T>(
    pieces: FetchWindow[],
    query: CallLogQuery,
    signal: AbortSignal,
    reading: SpanReading<T>,
  ): AsyncGenerator<WindowPage<T>, number | undefined> {
    let total: number | undefined = 0;
    for (const piece of pieces) {
      const count = yield* this.streamSpan(piece, query, signal, reading);
      total = count === undefined || total === undefined ? undefined : total + count;
    }
    return total;
  }

  /** The halves to fetch after a 504 or an answer too large; anything else (or halves too short) is thrown. */
  private piecesAfter(error: unknown, span: FetchWindow): FetchWindow[] {
    const timedOut = error instanceof PbxHttpError && error.status === 504;
    if (!timedOut && !(error instanceof PbxAnswerTooLargeError)) throw error;
    const halves = halveWindow(span, this.options.minWindowMs);
    if (!halves) throw error;
    const message = timedOut
      ? 'The PBX timed out on a call-log window; fetching it in two halves'
      : 'A call-log page was larger than PBX_MAX_RESPONSE_MB; fetching its window in two halves';
    this.options.logger.info(message, describeSpan(span));
    return halves;
  }

  /** The pieces of a span whose count reached the row cap (the PBX's report would be incomplete). */
  private piecesAtRowCap(span: FetchWindow, count: number): FetchWindow[] {
    const { rowCap, minWindowMs, logger } = this.options;
    const pieces = splitForRowCap(span, minWindowMs);
    const { from, to } = describeSpan(span);
    if (!pieces) throw new PbxRowCapError(rowCap, from, to);
    logger.warn(
      'A call-log window reached the report row cap (PBX_REPORT_ROW_CAP), so it is incomplete; fetching it in pieces',
      {
        from,
        to,
        count,
        rowCap,
        pieces: pieces.length,
      },
    );
    return pieces;
  }

  private fetchPage(
    window: FetchWindow,
    query: CallLogQuery,
    paging: { top: number; skip?: number; count: boolean },
    signal: AbortSignal,
    onAnswered?: (countHint: number | undefined) => void,
  ): Promise<CallLogPage> {
    return fetchCallLogPage(this.options.requester, window, query, paging, signal, onAnswered);
  }
}

/**
 * Where the page after the one at `skip` starts if it is as long as the last page was (a PBX may
 * serve fewer rows than `$top` asks), when the latest count says there are rows there: the page
 * to ask for while the one at `skip` is read.
 */
function nextPageSkip(skip: number, pageLength: number, count: number | undefined): number | undefined {
  if (pageLength === 0 || count === undefined) return undefined;
  const next = skip + pageLength;
  return next < count ? next : undefined;
}

/** A row without the `CdrId` the fetcher asked for on top of the caller's `$select`. */
function withoutIdentityField(row: RawCallLogRow): RawCallLogRow {
  delete row[ROW_IDENTITY_FIELD];
  return row;
}

function describeSpan(span: FetchWindow): { from: string; to: string } {
  return { from: new Date(span.startMs).toISOString(), to: new Date(span.endMs).toISOString() };
}

/**
 * A page's entries sorted out: each row new to the span counts (`fresh`); those also new to the
 * window, with a StartTime in the span (or none), are read into items.
 */
function sortPage<T>(
  entries: readonly unknown[],
  keys: WindowRowKeys,
  spanId: number,
  span: FetchWindow,
  read: ReadRow<T>,
): WindowPage<T> & { fresh: number } {
  const items: T[] = [];
  let unreadableRows = 0;
  let fresh = 0;
  for (const entry of entries) {
    const seen = keys.see(entry, spanId);
    if (seen === seenInSpan) continue;
    fresh++;
    if (seen === seenInWindow || typeof entry !== 'object' || entry === null) continue;
    const row = entry as RawCallLogRow;
    const startMs = readStart(row);
    if (!inWindow(span, startMs)) continue;
    const item = read(row, startMs);
    if (item === undefined) unreadableRows++;
    else items.push(item);
  }
  return { items, unreadableRows, fresh };
}

/**
 * Imported names `sortPage` uses for every row, read once: under tsx (how the bot runs) each use of an
 * imported name calls CommonJS export getters (docs/performance.md, "Imported names in per-row code").
 */
const seenInSpan = SEEN_IN_SPAN;
const seenInWindow = SEEN_IN_WINDOW;
const readStart = readStartMs;
const inWindow = isInWindow;
