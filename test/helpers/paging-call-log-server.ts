import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { RawCallLogRow } from '../../src/core/call-log-source';
import { listenOnLoopback } from './listen-on-loopback';

/**
 * A small PBX on 127.0.0.1 that pages a list of call-log rows the test chose, the way a live 3CX
 * may: `$top`/`$skip`/`$count=true` over the rows of the requested period, in a stable order per
 * period (oldest first, newest first, or a seeded random order), with rows that appear between
 * pages, a page cap, and faults on a chosen call-log request (504, an answer too large or one that
 * never ends, a connection cut mid-answer). It also answers `/connect/token` and empty
 * `Users`/`Queues`, so the real `XapiClient` runs against it unchanged.
 */
export type PagingOrder = 'oldest-first' | 'newest-first' | { seed: number };

export type PagingFault = '504' | 'oversized' | 'endless' | 'cut';

export interface PagingScenario {
  rows: readonly RawCallLogRow[];
  order: PagingOrder;
  /** Rows that exist from the moment call-log request number `afterRequest` (1-based) has been answered. */
  inserts?: ReadonlyArray<{ afterRequest: number; rows: readonly RawCallLogRow[] }>;
  /** Call-log request number `request` (1-based) answers with `fault` instead of its page. */
  faults?: ReadonlyArray<{ request: number; fault: PagingFault }>;
  /** At most this many rows per page, whatever `$top` asks. */
  pageCap?: number;
  /** Added to every `@odata.count` (a PBX whose count disagrees with its rows). */
  countOffset?: number;
  /** Size of an 'oversized' answer; default 2 MB. */
  oversizedBytes?: number;
}

/** One call-log request as the server saw it; `rows` are the CdrIds (or indexes) of the rows it served. */
export interface PagingRequest {
  from: string;
  to: string;
  top: number;
  skip: number;
  select: string | undefined;
  answer: 'page' | PagingFault;
  /** How many rows existed for the request's period when it was answered. */
  count: number;
}

export interface PagingCallLogServer {
  url: string;
  clientId: string;
  clientSecret: string;
  /** Call-log requests so far, in arrival order. */
  readonly requests: PagingRequest[];
  /** Bytes written for 'endless' answers before the client hung up. */
  readonly endlessBytes: number[];
  /** Replaces the scenario and forgets earlier requests. */
  load(scenario: PagingScenario): void;
  close(): Promise<void>;
}

const CALL_LOG_PATH = '/xapi/v1/ReportCallLogData/Pbx.GetCallLogData(';

export async function startPagingCallLogServer(scenario: PagingScenario): Promise<PagingCallLogServer> {
  let current = scenario;
  const requests: PagingRequest[] = [];
  const endlessBytes: number[] = [];

  /** Rows that exist once `answered` call-log requests have been answered. */
  const rowsExisting = (answered: number): RawCallLogRow[] => [
    ...current.rows,
    ...(current.inserts ?? []).filter((insert) => insert.afterRequest <= answered).flatMap((i) => i.rows),
  ];

  const handleCallLog = (url: URL, res: ServerResponse): void => {
    const from = Date.parse(argument(url.pathname, 'periodFrom'));
    const to = Date.parse(argument(url.pathname, 'periodTo'));
    const top = Number(url.searchParams.get('$top') ?? 1000);
    const skip = Number(url.searchParams.get('$skip') ?? 0);
    const select = url.searchParams.get('$select') ?? undefined;
    const number = requests.length + 1;
    const inPeriod = rowsExisting(number - 1).filter((row) => {
      const startMs = Date.parse(String(row.StartTime));
      return startMs >= from && startMs <= to;
    });
    const ordered = orderRows(inPeriod, current.order, `${from}|${to}`);
    const fault = current.faults?.find((entry) => entry.request === number)?.fault;
    requests.push({
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      top,
      skip,
      select,
      answer: fault ?? 'page',
      count: ordered.length,
    });
    if (fault === '504') {
      sendJson(res, 504, { error: { code: '', message: 'Gateway Timeout' } });
      return;
    }
    if (fault === 'cut') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"value":[');
      res.socket?.destroy();
      return;
    }
    if (fault === 'endless') {
      sendEndless(res, endlessBytes);
      return;
    }
    const top$ = Math.min(top, current.pageCap ?? Number.POSITIVE_INFINITY);
    const page = ordered.slice(skip, skip + top$).map((row) => project(row, select));
    const body: Record<string, unknown> = {
      '@odata.count': ordered.length + (current.countOffset ?? 0),
      value: page,
    };
    if (fault === 'oversized') body.padding = 'x'.repeat(current.oversizedBytes ?? 2 * 1024 * 1024);
    sendJson(res, 200, body);
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    req.resume();
    if (req.method === 'POST' && url.pathname === '/connect/token') {
      return sendJson(res, 200, { token_type: 'Bearer', expires_in: 3600, access_token: 'paging-token' });
    }
    if (url.pathname === '/xapi/v1/Users' || url.pathname === '/xapi/v1/Queues') {
      return sendJson(res, 200, { '@odata.count': 0, value: [] });
    }
    if (url.pathname.startsWith(CALL_LOG_PATH)) return handleCallLog(url, res);
    sendJson(res, 404, { error: { code: '', message: 'No HTTP resource was found' } });
  });
  const { url, close } = await listenOnLoopback(server);
  return {
    url,
    clientId: 'paging-client',
    clientSecret: 'paging-secret-0123456789',
    requests,
    endlessBytes,
    load(next) {
      current = next;
      requests.length = 0;
      endlessBytes.length = 0;
    },
    close,
  };
}

/** A function argument of the call-log path, e.g. `periodFrom`, decoded. */
function argument(pathname: string, name: string): string {
  const match = new RegExp(`${name}=([^,)]+)`).exec(pathname);
  return decodeURIComponent(match?.[1] ?? '');
}

/** The rows of one period in the scenario's order: the same every time the period is asked for. */
function orderRows(rows: RawCallLogRow[], order: PagingOrder, period: string): RawCallLogRow[] {
  const byStart = (a: RawCallLogRow, b: RawCallLogRow) =>
    Date.parse(String(a.StartTime)) - Date.parse(String(b.StartTime)) ||
    identity(a).localeCompare(identity(b));
  if (order === 'oldest-first') return [...rows].sort(byStart);
  if (order === 'newest-first') return [...rows].sort(byStart).reverse();
  const rank = (row: RawCallLogRow) =>
    createHash('sha1')
      .update(`${order.seed}|${period}|${identity(row)}`)
      .digest('hex');
  return rows
    .map((row) => ({ row, rank: rank(row) }))
    .sort((a, b) => a.rank.localeCompare(b.rank))
    .map((entry) => entry.row);
}

function identity(row: RawCallLogRow): string {
  return typeof row.CdrId === 'string' ? row.CdrId : JSON.stringify(row);
}

function project(row: RawCallLogRow, select: string | undefined): RawCallLogRow {
  if (select === undefined) return row;
  const fields = select.split(',');
  return Object.fromEntries(Object.entries(row).filter(([key]) => fields.includes(key)));
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A 200 whose rows never end (no content-length), until the client hangs up. */
function sendEndless(res: ServerResponse, endlessBytes: number[]): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.from(`${'{"SourceDn":"101","StartTime":"2026-09-13T18:00:00Z"},'.repeat(1000)}`);
  let written = 0;
  let closed = false;
  res.on('close', () => {
    closed = true;
    endlessBytes.push(written);
  });
  res.write('{"value":[');
  const pump = (): void => {
    while (!closed) {
      written += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  pump();
}
