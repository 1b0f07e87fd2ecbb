import type { CallLeg } from '../../src/core/call-leg';
import type { RawCallLogRow } from '../../src/core/call-log-source';
import { emptyFilters } from '../../src/core/report-request';
import { buildReport, buildReportFromPages } from '../../src/report/report-builder';
import { toCallLeg } from '../../src/threecx/call-log-row';
import type { XapiClient, XapiClientOptions } from '../../src/threecx/xapi-client';
import type { PagingCallLogServer } from '../helpers/paging-call-log-server';
import { createTestClient, queryFor } from './demo-helpers';

/** A client for the paging server: small pages, fast retries, no cache; `overrides` win. */
export function createPagingClient(
  server: PagingCallLogServer,
  overrides: Partial<XapiClientOptions> = {},
): XapiClient {
  return createTestClient(server, {
    retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 10 },
    pageSize: 2,
    cache: false,
    ...overrides,
  });
}

/** The report's calls and talk time: what a person reading it would check. */
export interface CallsAndTalk {
  calls: number;
  answered: number;
  talkSeconds: number;
}

function reportOptions(fromIso: string, toIso: string, legDisorderMs?: number) {
  return {
    window: { from: new Date(fromIso), to: new Date(toIso), timeZone: 'UTC' },
    filters: emptyFilters(),
    directory: { users: [], queues: [] },
    serviceLevelSeconds: 20,
    includeCalls: false,
    legDisorderMs,
  };
}

/** The report over `[from, to)` from the client's legs, as the report service reads them. */
export async function reportThroughClient(
  client: XapiClient,
  fromIso: string,
  toIso: string,
): Promise<CallsAndTalk> {
  const report = await buildReportFromPages(
    client.streamLegPages(queryFor(fromIso, toIso)),
    reportOptions(fromIso, toIso, client.legDisorderMs),
  );
  const { calls, answered, talkSeconds } = report.totals;
  return { calls, answered, talkSeconds };
}

/** The report over `[from, to)` from the complete rows, each once. */
export async function reportFromRows(
  rows: readonly RawCallLogRow[],
  fromIso: string,
  toIso: string,
): Promise<CallsAndTalk> {
  const legs = rows.map((row) => toCallLeg(row)).filter((leg): leg is CallLeg => leg !== undefined);
  const report = await buildReport(legs, reportOptions(fromIso, toIso));
  const { calls, answered, talkSeconds } = report.totals;
  return { calls, answered, talkSeconds };
}

/** Legs in a fixed order (by their JSON), to compare what was handed over with what should have been. */
export function sortLegs(legs: readonly CallLeg[]): string[] {
  return legs.map((leg) => JSON.stringify(leg)).sort();
}

/** Every `CdrId` (or whole row) of `rows`, sorted, to compare sets of rows. */
export function sortedIds(rows: readonly RawCallLogRow[]): string[] {
  return rows.map((row) => (typeof row.CdrId === 'string' ? row.CdrId : JSON.stringify(row))).sort();
}
