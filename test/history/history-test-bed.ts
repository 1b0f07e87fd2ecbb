import { parseCommand } from '../../src/commands/parse-command';
import type { Logger } from '../../src/core/logger';
import type { ReportRequest } from '../../src/core/report-request';
import { type DemoPbx, type DemoPbxOptions, startDemoPbx } from '../../src/demo/demo-pbx';
import type { HistoryCallLogSource } from '../../src/history/history-call-log-source';
import type { HistoryStore, PbxHistory } from '../../src/history/history-store';
import { ReportService } from '../../src/report/report-service';
import type { XapiClient } from '../../src/threecx/xapi-client';
import { type ContractDatabase, type StoreKind, stopTestPostgres } from '../schedule/store-kinds';
import { createTestClient } from '../threecx/demo-helpers';

/** The report path and the check over history: one demo PBX per test file, its clock pinned at `now`. */
export interface HistoryDemoPbx {
  readonly pbx: DemoPbx;
  /** A fresh client (its own empty in-memory cache), as a fresh process has. */
  freshClient(): XapiClient;
  requestFor(words: string, timeZone?: string): ReportRequest;
  /** The report service over the PBX or over history, as the bot builds it. */
  reportService(source: XapiClient | HistoryCallLogSource): ReportService;
}

/** Starts the demo PBX for the file (closed with its clients after the file, PostgreSQL too). */
export function useHistoryDemoPbx(options: DemoPbxOptions & { now: Date }): HistoryDemoPbx {
  const { now } = options;
  let pbx: DemoPbx | undefined;
  const clients: XapiClient[] = [];
  beforeAll(async () => {
    pbx = await startDemoPbx(options);
  });
  afterAll(async () => {
    for (const client of clients) await client.close();
    await pbx?.close();
    await stopTestPostgres();
  });
  const started = () => {
    if (!pbx) throw new Error('the demo PBX is started in beforeAll');
    return pbx;
  };
  return {
    get pbx() {
      return started();
    },
    freshClient: () => {
      const client = createTestClient(started(), { now: () => now.getTime() });
      clients.push(client);
      return client;
    },
    requestFor: (words, timeZone = 'UTC') => {
      const parsed = parseCommand(words, { now, timeZone });
      if (!parsed.ok) throw parsed.error;
      return parsed.request;
    },
    reportService: (source) => new ReportService({ source, serviceLevelSeconds: 20, now: () => now }),
  };
}

/** A fresh database of `kind` for each test: every PBX's history, and that of `pbx()`'s days. */
export function useHistoryStore(
  kind: StoreKind,
  pbx: () => string,
): { readonly history: HistoryStore; readonly store: PbxHistory } {
  let database: ContractDatabase;
  let history: HistoryStore | undefined;
  beforeEach(async () => {
    database = await kind.createDatabase();
    history = (await database.open()).history;
  });
  afterEach(() => database.tearDown());
  const opened = () => {
    if (!history) throw new Error('the store is opened in beforeEach');
    return history;
  };
  return {
    get history() {
      return opened();
    },
    get store() {
      return opened().forPbx(pbx());
    },
  };
}

/** `count` consecutive UTC days from `first` (`YYYY-MM-DD`). */
export function utcDays(first: string, count: number): string[] {
  const startMs = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) =>
    new Date(startMs + index * 86_400_000).toISOString().slice(0, 10),
  );
}

/** A logger that keeps the messages of its warnings and errors, in order. */
export function warningsLogger(): { logger: Logger; warnings: string[] } {
  const warnings: string[] = [];
  const keep = (message: string) => {
    warnings.push(message);
  };
  return { logger: { debug: () => {}, info: () => {}, warn: keep, error: keep }, warnings };
}
