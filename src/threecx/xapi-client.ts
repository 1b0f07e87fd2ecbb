import { Agent, type Dispatcher } from 'undici';
import type { CallLeg } from '../core/call-leg';
import type {
  CallLogQuery,
  CallLogSource,
  RawCallLogRow,
  RowCountOptions,
  RowCountWithSample,
  WindowCountListener,
} from '../core/call-log-source';
import type { Directory } from '../core/directory';
import { type Logger, silentLogger } from '../core/logger';
import { addRowCount, CallLogFetcher, type WindowRowCount } from './call-log-fetcher';
import { toCallLeg } from './call-log-row';
import { type FetchWindow, splitIntoWindows } from './call-log-windows';
import { DirectoryCache } from './directory-cache';
import { QUEUE_FIELDS, toDirectoryQueue, toDirectoryUser, USER_FIELDS } from './directory-rows';
import { fetchCollection } from './fetch-collection';
import { InFlightLimit } from './in-flight-limit';
import { LegFieldSelection } from './leg-field-selection';
import type { SkippedRowsTally, WindowCounted } from './legs-recording';
import { BufferedPageFeed } from './page-feed';
import { DEFAULT_MAX_RESPONSE_BYTES, PbxHttp } from './pbx-http';
import { readFeedsInOrder } from './read-feeds-in-order';
import { DEFAULT_RETRY_POLICY } from './retry';
import { runInOrder } from './run-in-order';
import { type AccessTokenProvider, ClientCredentialsTokenProvider } from './token-provider';
import { WindowLegsCache } from './window-legs-cache';
import { createCacheBudget, WindowLegsHub } from './window-legs-hub';
import { XapiRequester } from './xapi-requester';

/** How to reach one 3CX V20 PBX's XAPI; everything but the address and credentials has a default. */
export interface XapiClientOptions {
  /** Server root, e.g. `https://pbx.example.com:5001` (no `/xapi/v1`); a trailing slash is tolerated. */
  baseUrl: string;
  clientId: string;
  /** The API key shown once in Admin > Integrations > API. Never logged nor put in an error. */
  clientSecret: string;
  /** undici dispatcher; default a keep-alive `Agent` that `close()` closes. */
  dispatcher?: Dispatcher;
  /** Per request, headers and body; default 60 s (reports can be slow). */
  requestTimeoutMs?: number;
  /** For 429/502/503 and dropped connections; defaults 3 retries, 500 ms base, 30 s cap. */
  retry?: { maxRetries?: number; baseDelayMs?: number; maxDelayMs?: number };
  /** Call-log window length; default one day. */
  windowMs?: number;
  /**
   * No call-log window is split (504, an answer past `maxResponseBytes`, the row cap) below this
   * length: there the error surfaces; default 5 min.
   */
  minWindowMs?: number;
  /**
   * `PBX_MAX_RESPONSE_MB` in bytes: any answer growing past it is aborted while it is read; a
   * call-log window is then fetched in halves, anything else fails naming the setting. Default 64 MB.
   */
  maxResponseBytes?: number;
  /**
   * `PBX_REPORT_ROW_CAP`: a call-log window whose `@odata.count` reaches it is cut short by the
   * PBX's report, so it is fetched in pieces (hours, then halves). Default 20,000.
   */
  reportRowCap?: number;
  /** `$top` per page; default 1000. */
  pageSize?: number;
  /** Call-log windows fetched at once; default 4. */
  concurrency?: number;
  /** Pages `streamRows` fetches ahead per window before waiting for its reader; default 4. */
  bufferPages?: number;
  /** Keep-alive connections to the PBX; default 4 × concurrency (several reports may run at once). */
  connections?: number;
  /**
   * Legs of windows that ended more than `settleMs` (default 1 h) before they were fetched are kept
   * for repeated reports, at most `maxLegs` (default 150,000) for at most `maxAgeMs` (default 6 h);
   * a query whose windows add up to more than `maxLegs` keeps none of them.
   * `false`: no cache (identical windows in flight are still fetched once).
   */
  cache?: false | { maxLegs?: number; maxAgeMs?: number; settleMs?: number };
  /**
   * Ask for only the fields a leg needs (`$select`) when fetching for reports; default true. A PBX
   * that refuses the list is asked for whole rows instead (see leg-field-selection.ts).
   */
  selectLegFields?: boolean;
  /** How long the directory is cached; default 5 min. */
  directoryTtlMs?: number;
  /** Default: silent. */
  logger?: Logger;
  /** Epoch ms, for token expiry and caches; default `Date.now`. */
  now?: () => number;
  /** Waits between retries; default a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1); default `Math.random`. */
  random?: () => number;
  /** Where tokens come from; default client credentials, one token per client (see token-provider.ts). */
  tokenProvider?: AccessTokenProvider;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const RECENT_TOKENS = 4;
/** `PBX_REPORT_ROW_CAP`'s default: the cap 3CX's call-log report is reported to have. */
export const DEFAULT_REPORT_ROW_CAP = 20_000;
const DEFAULT_CACHE = { maxLegs: 150_000, maxAgeMs: 6 * HOUR_MS, settleMs: HOUR_MS };

/** The `CallLogSource` backed by a 3CX V20 PBX's XAPI. */
export class XapiClient implements CallLogSource {
  private readonly ownDispatcher: Agent | undefined;
  private readonly requester: XapiRequester;
  private readonly fetcher: CallLogFetcher;
  private readonly legFields: LegFieldSelection;
  private readonly directory: DirectoryCache;
  private readonly logger: Logger;
  private readonly windowMs: number;
  private readonly concurrency: number;
  private readonly bufferPages: number;
  private readonly legsHub: WindowLegsHub;
  /** The legs cache, for tests and benchmarks; undefined when turned off. */
  readonly legsCache: WindowLegsCache | undefined;
  /** The last few tokens used: a PBX may echo an old one in an error body, and it must be masked too. */
  private readonly recentTokens: string[] = [];

  constructor(options: XapiClientOptions) {
    const now = options.now ?? Date.now;
    this.logger = options.logger ?? silentLogger;
    this.windowMs = options.windowMs ?? DAY_MS;
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
    this.bufferPages = Math.max(1, Math.floor(options.bufferPages ?? 4));
    const connections = options.connections ?? 4 * this.concurrency;
    this.ownDispatcher = options.dispatcher
      ? undefined
      : new Agent({ keepAliveTimeout: 10_000, connections });
    const http = new PbxHttp({
      baseUrl: normalizeBaseUrl(options.baseUrl),
      dispatcher: options.dispatcher ?? this.ownDispatcher!,
      requestTimeoutMs: options.requestTimeoutMs ?? 60_000,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      retry: { ...DEFAULT_RETRY_POLICY, ...definedOnly(options.retry ?? {}) },
      logger: this.logger,
      now,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      random: options.random ?? Math.random,
      secrets: () => [options.clientSecret, ...this.recentTokens],
    });
    const tokens =
      options.tokenProvider ??
      new ClientCredentialsTokenProvider({
        http,
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        now,
        logger: this.logger,
      });
    this.requester = new XapiRequester(
      http,
      {
        getToken: async () => this.rememberToken(await tokens.getToken()),
        invalidate: (token) => tokens.invalidate(token),
      },
      new InFlightLimit(connections),
    );
    this.fetcher = new CallLogFetcher({
      requester: this.requester,
      pageSize: options.pageSize ?? 1000,
      minWindowMs: options.minWindowMs ?? 5 * 60_000,
      rowCap: options.reportRowCap ?? DEFAULT_REPORT_ROW_CAP,
      logger: this.logger,
    });
    this.legFields = new LegFieldSelection(options.selectLegFields ?? true, this.logger);
    const cache =
      options.cache === false ? undefined : { ...DEFAULT_CACHE, ...definedOnly(options.cache ?? {}) };
    this.legsCache = cache ? new WindowLegsCache(cache) : undefined;
    this.legsHub = new WindowLegsHub({
      source: (window, query, signal) =>
        this.legFields.fetchPages(query, (asked) =>
          this.fetcher.streamWindowItems(window, asked, signal, toCallLeg),
        ),
      cache: this.legsCache,
      settleMs: cache?.settleMs ?? DEFAULT_CACHE.settleMs,
      now,
      logger: this.logger,
    });
    this.directory = new DirectoryCache(
      () => this.loadDirectory(),
      options.directoryTtlMs ?? 5 * 60_000,
      now,
    );
  }

  /**
   * Windows come in order; within one, rows in the PBX's order (pieces of a split window, and rows
   * read again, stay within it): at most one window of disorder.
   */
  get legDisorderMs(): number {
    return this.windowMs;
  }

  /**
   * Rows in window order, each window's pages passed on as they arrive while later windows are
   * fetched ahead (`bufferPages` each); `top`/`skip` count over the whole result. Breaking off
   * aborts pending requests.
   */
  async *streamRows(query: CallLogQuery): AsyncGenerator<RawCallLogRow> {
    let toSkip = Math.max(0, query.skip ?? 0);
    let remaining = query.top ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0) return;
    const openers = this.splitQuery(query).map(
      (window) => () =>
        new BufferedPageFeed(
          (signal) => this.fetcher.streamWindowPages(window, query, signal),
          this.bufferPages,
        ),
    );
    for await (const rows of readFeedsInOrder(openers, this.concurrency)) {
      for (const row of rows) {
        if (toSkip > 0) {
          toSkip--;
          continue;
        }
        yield row;
        if (--remaining <= 0) return;
      }
    }
  }

  /**
   * Parsed legs in window order; rows without a call key or StartTime are skipped and their number
   * logged (never their content). Windows are shared with concurrent identical queries and served
   * from the cache when they can no longer change (see `WindowLegsHub`).
   */
  async *streamLegs(query: CallLogQuery): AsyncGenerator<CallLeg> {
    for await (const legs of this.streamLegPages(query)) for (const leg of legs) yield leg;
  }

  /** The legs of `streamLegs`, a page at a time (one step of the iteration per page, not per leg). */
  async *streamLegPages(
    query: CallLogQuery,
    onWindowCounted?: WindowCountListener,
  ): AsyncGenerator<readonly CallLeg[]> {
    const tally = { skippedRows: 0 };
    try {
      yield* this.readLegPages(query, tally, onWindowCounted);
    } finally {
      if (tally.skippedRows > 0) {
        this.logger.warn('Skipped call-log rows that could not be read', { skippedRows: tally.skippedRows });
      }
    }
  }

  private readLegPages(
    query: CallLogQuery,
    tally: SkippedRowsTally,
    onWindowCounted: WindowCountListener | undefined,
  ): AsyncIterable<CallLeg[]> {
    if (query.top !== undefined || query.skip !== undefined) return this.parseRowPages(query, tally);
    const budget = createCacheBudget();
    const legQuery = this.legFields.apply(query);
    const openers = this.splitQuery(query).map((window) => () => {
      const onCounted: WindowCounted | undefined =
        onWindowCounted && ((pbxCount, legs) => onWindowCounted(window, pbxCount, legs));
      return this.legsHub.openFeed(window, legQuery, tally, budget, onCounted);
    });
    return readFeedsInOrder(openers, this.concurrency);
  }

  /** `top`/`skip` count rows, so such queries are parsed from `streamRows`, unshared and uncached. */
  private async *parseRowPages(query: CallLogQuery, tally: SkippedRowsTally): AsyncGenerator<CallLeg[]> {
    for await (const row of this.streamRows(query)) {
      const leg = toCallLeg(row);
      if (leg) yield [leg];
      else tally.skippedRows++;
    }
  }

  /** `@odata.count` summed over the query's windows (one request per window). */
  async countRows(query: CallLogQuery): Promise<number> {
    return (await this.countRowsWithSample(query)).count;
  }

  /** `countRows`, with a leg of the rows counted: the first window's that came with its count. */
  async countRowsWithSample(query: CallLogQuery, options: RowCountOptions = {}): Promise<RowCountWithSample> {
    const abort = new AbortController();
    const windows = options.asOneWindow
      ? [{ startMs: query.from.getTime(), endMs: query.to.getTime() }]
      : this.splitQuery(query);
    const tasks = windows.map((window) => () => this.fetcher.countWindowRows(window, query, abort.signal));
    const total: WindowRowCount = { count: 0, sample: undefined };
    try {
      for await (const counted of runInOrder(tasks, this.concurrency)) addRowCount(total, counted);
    } finally {
      abort.abort();
    }
    const { count, sample } = total;
    const leg = sample === undefined ? undefined : toCallLeg(sample as RawCallLogRow);
    return leg ? { count, sample: leg } : { count };
  }

  getDirectory(): Promise<Directory> {
    return this.directory.get();
  }

  cachedDirectory(): Directory | undefined {
    return this.directory.peek();
  }

  async checkConnection(): Promise<void> {
    await this.requester.getJson('/xapi/v1/Defs?$select=Id');
  }

  /** Closes the dispatcher this client created; an injected one belongs to the caller. */
  async close(): Promise<void> {
    await this.ownDispatcher?.close();
  }

  private rememberToken(token: string): string {
    if (!this.recentTokens.includes(token)) {
      this.recentTokens.push(token);
      if (this.recentTokens.length > RECENT_TOKENS) this.recentTokens.shift();
    }
    return token;
  }

  private splitQuery(query: CallLogQuery): FetchWindow[] {
    return splitIntoWindows(query.from.getTime(), query.to.getTime(), this.windowMs);
  }

  private async loadDirectory(): Promise<Directory> {
    const [rawUsers, rawQueues] = await Promise.all([
      fetchCollection(this.requester, '/xapi/v1/Users', USER_FIELDS),
      fetchCollection(this.requester, '/xapi/v1/Queues', QUEUE_FIELDS),
    ]);
    const users = rawUsers.map(toDirectoryUser).filter((user) => user !== undefined);
    const queues = rawQueues.map(toDirectoryQueue).filter((queue) => queue !== undefined);
    this.logger.debug('Loaded the PBX directory', { users: users.length, queues: queues.length });
    return { users, queues };
  }
}

/** `https://pbx:5001/` and `https://pbx:5001/xapi/v1` both become `https://pbx:5001`. */
export function normalizeBaseUrl(baseUrl: string): string {
  let url = baseUrl.trim().replace(/\/+$/, '');
  if (url.toLowerCase().endsWith('/xapi/v1')) url = url.slice(0, -'/xapi/v1'.length);
  return url;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
