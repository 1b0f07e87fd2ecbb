/**
 * The built-in demo PBX: a real HTTP server on loopback speaking the part of the 3CX V20 XAPI
 * that calls-bot uses, with a generated company and call history. It serves the bot when no PBX
 * is configured, other modules' integration tests (with injectable faults) and benchmarks.
 *
 * What it mimics (see /work/shared/3cx-xapi.md):
 * - `POST /connect/token` (client credentials, form-encoded): one active token per client, a new
 *   token invalidates the old one; `expires_in` in seconds; 401 with 3CX's body on bad credentials.
 *   Bearer tokens expire in real (wall-clock) time, independent of the data's `now`.
 * - `GET /xapi/v1/ReportCallLogData/Pbx.GetCallLogData(11 arguments)`: arguments split on literal
 *   commas then percent-decoded; missing/extra/reordered/unquoted-string arguments answer 404, bad
 *   dates or types 500. Rows whose StartTime lies in [periodFrom, periodTo], inclusive, compared in
 *   whole milliseconds (StartTime prints 7 fractional digits; the last 4 are decoration).
 *   `$top $skip $count $select $filter $orderby $search $expand`. Default order newest first, as
 *   V20 is reported to serve (StartTime then SegmentId, descending; `setRowOrder('oldest-first')`
 *   for the other order). Unsupported OData answers 400 "The query specified in the URI is not
 *   valid. ...".
 * - A live log: a call is in it once it is over by the demo clock (its last leg's start + ringing
 *   + talking <= now). The clock is the `now` option, pinned (tests stay stable), or else the wall
 *   clock, so today's calls appear as they end. `advanceClock`, `setNow` and the fault switch
 *   `advanceClockMs` (a call that ends while a window is paged) move it.
 * - The report's row cap (default 20,000, `setRowCap`): a window with more matching rows answers
 *   as if it held only the first 20,000 in the PBX's own order (newest first: the newest ones),
 *   `@odata.count` 20,000, pages past them empty; `$orderby` orders those rows. A client must see
 *   the count at the cap and split the window.
 * - `GET /xapi/v1/Users` (also `Users(Number='101')`), `/Queues` (`$expand=Agents`), `/Defs`.
 * - Call shapes: IVR (Digital Receptionist, marked answered) -> queue (Inbound Queue, Waiting) ->
 *   agent legs (some ring unanswered first), abandoned queue calls, IVR hang-ups, direct calls
 *   (answered, missed, forwarded to voicemail), transfers, park/pickup, outbound via trunk 10000,
 *   internal calls; out-of-hours calls go to voicemail; some days a call runs past midnight.
 *
 * Where it simplifies:
 * - Type codes (SourceType, DestinationType, ActionType, ActionDnType) are invented: 3CX does not
 *   document them. sourceType/destinationType/callTimeFilter* are accepted and ignored.
 * - sourceFilter/destinationFilter keep calls with any leg whose Source/Destination DN or caller id
 *   contains the text; callsType 1 keeps answered calls, 2 unanswered ones (a person leg answered).
 * - hidePcalls=true hides parking legs (a DN `SP0`, "Park 0"); the pickup leg is an ordinary leg.
 * - `$search` is a case-insensitive substring match over caller ids, DNs and display names.
 * - `$filter`: eq ne gt ge lt le, and or not, parentheses, contains/startswith/endswith/tolower/
 *   toupper; literals string ('' escapes), number, true/false, null, date-times, duration'PT..'.
 * - `$orderby` only StartTime asc|desc on the call log; `$expand` is accepted and ignored there.
 * - No page cap unless `setPageCap` sets one; no `@odata.nextLink`.
 * - Data: calls starting from (start - days) on and over by the clock, generated lazily per local
 *   day from (seed, day), so the same seed and `now` give the same rows; or, after `serveRows`, the
 *   rows a test chose, with the same paging, order, count, row cap, clock and faults (decisions in
 *   fixture-row-source.ts); plus, after `injectCall`, calls a test placed at chosen times (a missed
 *   call, its return; injected-calls.ts), served like the others. Each day's rows are serialised to
 *   JSON once per `$select` field list asked for (whole rows without one) and kept (up to ~320 MB
 *   in all, least recently used first out), as are each day's matches per filter, so pages are
 *   copied from cached bytes without re-filtering the period (see call-log-store.ts).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RawCallLogRow } from '../core/call-log-source';
import type { Directory } from '../core/directory';
import { DEFAULT_CALL_LOG_PARAMETERS } from '../core/report-request';
import { type CallLogStore, createCallLogStore, type RowSource } from './call-log-store';
import { DemoClock } from './demo-clock';
import { createDemoCompany, toDirectory } from './demo-company';
import { generateExternalContacts } from './external-contacts';
import { type DemoEndpoint, type DemoFault, FaultQueue } from './fault-queue';
import { createFixtureRowSource } from './fixture-row-source';
import { generateDay, type TrafficProfile } from './generate-day';
import { createGeneratedRowSource } from './generated-row-source';
import { type CallLogServing, toRowQuery } from './handle-call-log';
import { type InjectedCall, type InjectedCallInfo, InjectedCalls } from './injected-calls';
import { classifyRequest, type DemoServerState } from './route-request';
import { serveDemoRequest } from './serve-demo-request';
import { TokenIssuer } from './token-issuer';

export type { DemoEndpoint, DemoFault } from './fault-queue';
export type { InjectedCall, InjectedCallInfo } from './injected-calls';

/** 13 months and a little more: the longest trend the product suggests (a year by month) has data. */
const DEFAULT_HISTORY_DAYS = 400;

export interface DemoPbxOptions {
  /** Default 42; same seed + same now => identical data. */
  seed?: number;
  /** Average logical calls on a weekday; default 150; weekends get about 10% of it. */
  callsPerDay?: number;
  /** History length in days, default 400: 13 months and more, so that a year's trend by month can be tried. */
  days?: number;
  /**
   * The demo clock, pinned: calls over by then are in the log, from `now - days` on. Default: the
   * wall clock (calls appear as they end), the history starting `days` before the start.
   */
  now?: Date;
  /** Order without `$orderby`; default 'newest-first' (as V20). */
  rowOrder?: DemoRowOrder;
  /** The report's row cap; default 20,000 (as 3CX is reported to have); `null`: none. */
  rowCap?: number | null;
  /** Company zone for business hours, default 'Europe/London'. */
  timeZone?: string;
  clientId?: string;
  clientSecret?: string;
  /** Default 3600 (expires_in is sent in seconds). */
  tokenLifetimeSeconds?: number;
  host?: string;
  /** Default 0: any free port. */
  port?: number;
}

/** The order of call-log rows when a request has no `$orderby`. */
export type DemoRowOrder = 'newest-first' | 'oldest-first';

/** 3CX's reported row cap per report. */
export const DEFAULT_ROW_CAP = 20_000;

/** One request as the server saw it. */
export interface DemoRequestLogEntry {
  method: string;
  endpoint: DemoEndpoint | 'other';
  /** Raw request URL, path and query as received. */
  url: string;
  /** 0 until answered. */
  status: number;
}

/** A running demo PBX and its controls. */
export interface DemoPbx {
  /** Server root, e.g. `http://127.0.0.1:40123` (the XAPI lives under /xapi/v1). */
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly directory: Directory;
  /**
   * What the call-log history ties stored days to (`demo:` and a hash of a fixed day's generated
   * rows): the same for every demo PBX that serves the same calls (seed, calls a day, time zone,
   * generator), so that a restart keeps the history and a change of any of these drops it.
   */
  readonly fingerprint: string;
  /** Every request, in order of arrival. */
  readonly requests: DemoRequestLogEntry[];
  /** Tokens issued by POST /connect/token. */
  tokenRequests(): number;
  /** Queues a fault (several may be queued). */
  misbehave(fault: DemoFault): void;
  /** Serve at most this many rows per page even if $top asks for more (as some 3CX builds do). */
  setPageCap(maxRows: number | undefined): void;
  /** The order without `$orderby`, from the next request on. */
  setRowOrder(order: DemoRowOrder): void;
  /** The report's row cap (undefined: none), from the next request on. */
  setRowCap(maxRows: number | undefined): void;
  /** The demo clock: which calls are over, so in the log. */
  now(): Date;
  /** Pins the clock (undefined: the wall clock again). */
  setNow(at: Date | undefined): void;
  /** Moves the clock on by `ms` (pinned or not). */
  advanceClock(ms: number): void;
  /**
   * Serves `rows` (e.g. a fixture shaped like real V20 rows) instead of the generated calls, with
   * the same arguments, paging, order, `@odata.count`, row cap, clock and faults; undefined goes
   * back to the generated calls. Each call's rows appear once the call is over by the clock.
   */
  serveRows(rows: readonly RawCallLogRow[] | undefined): void;
  /**
   * Adds one call at a chosen time (a missed call, an answered one, an outbound call; see
   * injected-calls.ts) to whatever the log serves, generated or `serveRows`' rows, kept across
   * `serveRows`; it appears once it is over by the clock, like every call.
   */
  injectCall(call: InjectedCall): InjectedCallInfo;
  setTokenLifetime(seconds: number): void;
  /** Delays every answer. */
  setDelay(ms: number): void;
  /**
   * The rows GetCallLogData serves for [from, to] with default parameters, by the clock now, in
   * the default order, all of them (no row cap).
   */
  rowsBetween(from: Date, to: Date): RawCallLogRow[];
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;

/** Starts a demo PBX on loopback (or `host`) and resolves once it listens. */
export async function startDemoPbx(options: DemoPbxOptions = {}): Promise<DemoPbx> {
  const seed = options.seed ?? 42;
  const clock = new DemoClock(options.now);
  const nowMs = clock.nowMs();
  const company = createDemoCompany();
  const profile = {
    seed,
    callsPerDay: options.callsPerDay ?? 150,
    timeZone: options.timeZone ?? 'Europe/London',
    company,
    contacts: generateExternalContacts(seed),
  };
  const clockMs = () => clock.nowMs();
  const generatedSource = createGeneratedRowSource(
    profile,
    nowMs - (options.days ?? DEFAULT_HISTORY_DAYS) * DAY_MS,
    clockMs,
  );
  const generated = createCallLogStore(generatedSource);
  // What serveRows chose (generated calls by default), and the injected calls on top of it.
  let base: { source: RowSource; store: CallLogStore } = { source: generatedSource, store: generated };
  const injected = new InjectedCalls(company, profile.timeZone, seed);
  const served = () => (injected.size === 0 ? base.store : createCallLogStore(injected.over(base.source)));
  const issuer = new TokenIssuer(
    options.clientId ?? 'calls-bot-demo',
    options.clientSecret ?? 'demo-secret',
    options.tokenLifetimeSeconds ?? 3600,
  );
  const callLog: CallLogServing = {
    store: generated,
    baseUrl: '',
    pageCap: undefined,
    newestFirst: (options.rowOrder ?? 'newest-first') === 'newest-first',
    rowCap: options.rowCap === null ? undefined : (options.rowCap ?? DEFAULT_ROW_CAP),
  };
  const state: DemoServerState = { company, issuer, callLog };
  const faults = new FaultQueue();
  const requests: DemoRequestLogEntry[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const settings = { delayMs: 0 };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const entry: DemoRequestLogEntry = {
      method: request.method ?? 'GET',
      endpoint: classifyRequest(request.url ?? '/'),
      url: request.url ?? '/',
      status: 0,
    };
    requests.push(entry);
    const fault = faults.take(entry.endpoint, entry.url);
    const context = { entry, fault, delayMs: settings.delayMs, state, clock, timers };
    serveDemoRequest(request, response, context).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  callLog.baseUrl = url;

  return {
    url,
    clientId: issuer.clientId,
    clientSecret: issuer.clientSecret,
    directory: toDirectory(company),
    fingerprint: fingerprintOf(profile),
    requests,
    tokenRequests: () => issuer.issuedCount,
    misbehave: (fault) => faults.add(fault),
    setPageCap: (maxRows) => {
      callLog.pageCap = maxRows;
    },
    setRowOrder: (order) => {
      callLog.newestFirst = order === 'newest-first';
    },
    setRowCap: (maxRows) => {
      callLog.rowCap = maxRows;
    },
    now: () => new Date(clock.nowMs()),
    setNow: (at) => clock.set(at),
    advanceClock: (ms) => clock.advance(ms),
    serveRows: (rows) => {
      const fixture =
        rows === undefined ? undefined : createFixtureRowSource(rows, profile.timeZone, clockMs);
      base = fixture
        ? { source: fixture, store: createCallLogStore(fixture) }
        : { source: generatedSource, store: generated };
      callLog.store = served();
    },
    injectCall: (call) => {
      const info = injected.add(call);
      callLog.store = served();
      return info;
    },
    setTokenLifetime: (seconds) => issuer.setLifetime(seconds),
    setDelay: (ms) => {
      settings.delayMs = ms;
    },
    rowsBetween: (from, to) => {
      const args = { ...DEFAULT_CALL_LOG_PARAMETERS, periodFromMs: from.getTime(), periodToMs: to.getTime() };
      const settings = {
        store: callLog.store,
        pageCap: undefined,
        newestFirst: callLog.newestFirst,
        rowCap: undefined,
      };
      const page = callLog.store.queryRows(toRowQuery(args, { skip: 0, count: false }, settings));
      return page.rows.map((demoRow) => ({ ...demoRow.row }));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A Monday (5 January 2026) whose generated rows stand for the whole generated history. */
const FINGERPRINT_DAY_NUMBER = Date.UTC(2026, 0, 5) / DAY_MS;

function fingerprintOf(profile: TrafficProfile): string {
  const rows = generateDay(profile, FINGERPRINT_DAY_NUMBER).rows.map((row) => row.row);
  return `demo:${createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 32)}`;
}
