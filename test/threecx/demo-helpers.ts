import type { CallLogQuery, RawCallLogRow } from '../../src/core/call-log-source';
import { createLogger } from '../../src/core/logger';
import { DEFAULT_CALL_LOG_PARAMETERS } from '../../src/core/report-request';
import { startDemoPbx } from '../../src/demo/demo-pbx';
import { XapiClient, type XapiClientOptions } from '../../src/threecx/xapi-client';

export type DemoPbx = Awaited<ReturnType<typeof startDemoPbx>>;

/** The demo's clock: Sunday 29 Nov 2026, 10:00 UTC; its data covers the days before. */
export const DEMO_NOW = new Date('2026-11-29T10:00:00Z');
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export function startTestPbx(): Promise<DemoPbx> {
  return startDemoPbx({ seed: 42, now: DEMO_NOW, callsPerDay: 150, tokenLifetimeSeconds: 3600 });
}

/**
 * Starts one demo PBX for the test file (`bind` receives it) and puts it back to its defaults
 * before each test: request log emptied, no delay, no page cap, hour-long tokens.
 */
export function useTestPbx(bind: (pbx: DemoPbx) => void): void {
  let started: DemoPbx | undefined;
  beforeAll(async () => {
    started = await startTestPbx();
    bind(started);
  });
  afterAll(async () => {
    await started?.close();
  });
  beforeEach(() => {
    if (!started) return;
    started.requests.length = 0;
    started.setDelay(0);
    started.setPageCap(undefined);
    started.setTokenLifetime(3600);
  });
}

/** A client for the demo (or another local PBX: its address and credentials) with fast retries; `overrides` win. */
export function createTestClient(
  pbx: Pick<DemoPbx, 'url' | 'clientId' | 'clientSecret'>,
  overrides: Partial<XapiClientOptions> = {},
): XapiClient {
  return new XapiClient({
    baseUrl: pbx.url,
    clientId: pbx.clientId,
    clientSecret: pbx.clientSecret,
    retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 1000 },
    requestTimeoutMs: 10_000,
    ...overrides,
  });
}

export function queryFor(fromIso: string, toIso: string, extra: Partial<CallLogQuery> = {}): CallLogQuery {
  return {
    from: new Date(fromIso),
    to: new Date(toIso),
    callLog: { ...DEFAULT_CALL_LOG_PARAMETERS },
    ...extra,
  };
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** The rows the demo serves for the half-open `[from, to)`, as JSON would carry them. */
export function expectedRows(pbx: DemoPbx, fromIso: string, toIso: string): RawCallLogRow[] {
  const rows = pbx.rowsBetween(new Date(fromIso), new Date(Date.parse(toIso) - 1));
  return JSON.parse(JSON.stringify(rows)) as RawCallLogRow[];
}

/** Call-log requests the demo received so far, as raw paths with queries. */
export function callLogUrls(pbx: DemoPbx): string[] {
  return pbx.requests.filter((entry) => entry.endpoint === 'calllog').map((entry) => entry.url);
}

/** Of those, the requests that only count rows (`$top=1`), as a history's probe of a stored day. */
export function countUrls(pbx: DemoPbx): string[] {
  return callLogUrls(pbx).filter((url) => /[?&]\$top=1(&|$)/.test(url));
}

/** Of those, the requests that read rows. */
export function readUrls(pbx: DemoPbx): string[] {
  return callLogUrls(pbx).filter((url) => !/[?&]\$top=1(&|$)/.test(url));
}

/** `periodFrom`..`periodTo` of a call-log request URL, decoded. */
export function periodOf(url: string): string {
  const from = /periodFrom=([^,]+)/.exec(url)?.[1] ?? '?';
  const to = /periodTo=([^,]+)/.exec(url)?.[1] ?? '?';
  return `${decodeURIComponent(from)}..${decodeURIComponent(to)}`;
}

/** A `URLSearchParams`-style read of one query option of a raw URL. */
export function queryOption(url: string, name: string): string | undefined {
  const query = url.slice(url.indexOf('?') + 1);
  for (const part of query.split('&')) {
    const equals = part.indexOf('=');
    if (part.slice(0, equals) === name) return decodeURIComponent(part.slice(equals + 1));
  }
  return undefined;
}

/** A logger that keeps every line (debug and up), for asserting what was and was not logged. */
export function createRecordingLogger() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => lines.push(line), now: () => DEMO_NOW });
  return { logger, lines };
}

/** Resolves with the error a promise rejects with (fails the test when it resolves). */
export async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/**
 * Rows in window order (windows of `windowMs` from `fromIso`), and within a window by `CdrId`: the
 * PBX's order inside a window is its own (the demo serves newest first, as V20), so tests compare
 * windows as sets, in order.
 */
export function sortWithinWindows(
  rows: RawCallLogRow[],
  fromIso: string,
  windowMs = DAY_MS,
): RawCallLogRow[] {
  const originMs = Date.parse(fromIso);
  const windowOf = (row: RawCallLogRow) =>
    Math.floor((Date.parse(String(row.StartTime)) - originMs) / windowMs);
  return [...rows].sort(
    (a, b) => windowOf(a) - windowOf(b) || String(a.CdrId).localeCompare(String(b.CdrId)),
  );
}
