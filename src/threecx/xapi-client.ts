import { Agent, type Dispatcher } from 'undici';
import type { CallLeg } from '../core/call-leg';
import type { CallLogQuery, CallLogSource, RawCallLogRow } from '../core/call-log-source';
import type { Directory } from '../core/directory';
import { type Logger, silentLogger } from '../core/logger';
import { CallLogFetcher } from './call-log-fetcher';
import { toCallLeg } from './call-log-row';
import { type FetchWindow, splitIntoWindows } from './call-log-windows';
import { DirectoryCache } from './directory-cache';
import { QUEUE_FIELDS, toDirectoryQueue, toDirectoryUser, USER_FIELDS } from './directory-rows';
import { fetchCollection } from './fetch-collection';
import { PbxHttp } from './pbx-http';
import { DEFAULT_RETRY_POLICY } from './retry';
import { runInOrder } from './run-in-order';
import { type AccessTokenProvider, ClientCredentialsTokenProvider } from './token-provider';
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
  /** A window answering 504 is halved down to this length, then the error surfaces; default 5 min. */
  minWindowMs?: number;
  /** `$top` per page; default 1000. */
  pageSize?: number;
  /** Call-log windows fetched at once; default 4. */
  concurrency?: number;
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
const RECENT_TOKENS = 4;

/** The `CallLogSource` backed by a 3CX V20 PBX's XAPI. */
export class XapiClient implements CallLogSource {
  private readonly ownDispatcher: Agent | undefined;
  private readonly requester: XapiRequester;
  private readonly fetcher: CallLogFetcher;
  private readonly directory: DirectoryCache;
  private readonly logger: Logger;
  private readonly windowMs: number;
  private readonly concurrency: number;
  /** The last few tokens used: a PBX may echo an old one in an error body, and it must be masked too. */
  private readonly recentTokens: string[] = [];

  constructor(options: XapiClientOptions) {
    const now = options.now ?? Date.now;
    this.logger = options.logger ?? silentLogger;
    this.windowMs = options.windowMs ?? DAY_MS;
    this.concurrency = options.concurrency ?? 4;
    this.ownDispatcher = options.dispatcher ? undefined : new Agent({ keepAliveTimeout: 10_000 });
    const http = new PbxHttp({
      baseUrl: normalizeBaseUrl(options.baseUrl),
      dispatcher: options.dispatcher ?? this.ownDispatcher!,
      requestTimeoutMs: options.requestTimeoutMs ?? 60_000,
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
    this.requester = new XapiRequester(http, {
      getToken: async () => this.rememberToken(await tokens.getToken()),
      invalidate: (token) => tokens.invalidate(token),
    });
    this.fetcher = new CallLogFetcher({
      requester: this.requester,
      pageSize: options.pageSize ?? 1000,
      minWindowMs: options.minWindowMs ?? 5 * 60_000,
      logger: this.logger,
    });
    this.directory = new DirectoryCache(
      () => this.loadDirectory(),
      options.directoryTtlMs ?? 5 * 60_000,
      now,
    );
  }

  /** Rows in window order; `top`/`skip` count over the whole result. Breaking off aborts pending requests. */
  async *streamRows(query: CallLogQuery): AsyncGenerator<RawCallLogRow> {
    let toSkip = Math.max(0, query.skip ?? 0);
    let remaining = query.top ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0) return;
    const abort = new AbortController();
    const tasks = this.splitQuery(query).map(
      (window) => () => this.fetcher.fetchWindowRows(window, query, abort.signal),
    );
    try {
      for await (const rows of runInOrder(tasks, this.concurrency)) {
        for (const row of rows) {
          if (toSkip > 0) {
            toSkip--;
            continue;
          }
          yield row;
          if (--remaining <= 0) return;
        }
      }
    } finally {
      abort.abort();
    }
  }

  /** Parsed legs; rows without a call key or StartTime are skipped and their number logged (never their content). */
  async *streamLegs(query: CallLogQuery): AsyncGenerator<CallLeg> {
    let skippedRows = 0;
    try {
      for await (const row of this.streamRows(query)) {
        const leg = toCallLeg(row);
        if (leg) yield leg;
        else skippedRows++;
      }
    } finally {
      if (skippedRows > 0) this.logger.warn('Skipped call-log rows that could not be read', { skippedRows });
    }
  }

  /** `@odata.count` summed over the query's windows (one request per window). */
  async countRows(query: CallLogQuery): Promise<number> {
    const abort = new AbortController();
    const tasks = this.splitQuery(query).map(
      (window) => () => this.fetcher.countWindowRows(window, query, abort.signal),
    );
    let total = 0;
    try {
      for await (const count of runInOrder(tasks, this.concurrency)) total += count;
    } finally {
      abort.abort();
    }
    return total;
  }

  getDirectory(): Promise<Directory> {
    return this.directory.get();
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
function normalizeBaseUrl(baseUrl: string): string {
  let url = baseUrl.trim().replace(/\/+$/, '');
  if (url.toLowerCase().endsWith('/xapi/v1')) url = url.slice(0, -'/xapi/v1'.length);
  return url;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
