import {
  type CallLogStore,
  type CallLogStoreLimits,
  createCallLogStore,
  type RowFilter,
  type RowQuery,
} from '../../src/demo/call-log-store';
import type { DemoRow } from '../../src/demo/demo-call';
import { createDemoCompany } from '../../src/demo/demo-company';
import { generateExternalContacts } from '../../src/demo/external-contacts';
import { generateDay, type TrafficProfile } from '../../src/demo/generate-day';
import { localDayNumberOf } from '../../src/demo/local-days';

const DAY_MS = 86_400_000;
const NOW_MS = Date.parse('2026-11-20T12:00:00Z');
const DATA_FROM_MS = NOW_MS - 6 * DAY_MS;
const profile: TrafficProfile = {
  seed: 5,
  callsPerDay: 120,
  timeZone: 'Europe/London',
  company: createDemoCompany(),
  contacts: generateExternalContacts(5),
};
const newStore = (limits: Partial<CallLogStoreLimits> = {}) =>
  createCallLogStore(profile, DATA_FROM_MS, NOW_MS, limits);

const SHOWN: RowFilter = { kind: 'parkLegs', hideParkLegs: false };
const HIDDEN: RowFilter = { kind: 'parkLegs', hideParkLegs: true };
const answeredOnly = (cacheKey?: string): RowFilter => ({
  kind: 'predicates',
  matchesCall: (call) => call.answered,
  matchesRow: (row) => row.row.Indent === 1 && !row.isParkLeg,
  ...(cacheKey === undefined ? {} : { cacheKey }),
});

/** Every generated row of the days that hold the data, generated once. */
const allRows: DemoRow[] = (() => {
  const rows: DemoRow[] = [];
  const first = localDayNumberOf(DATA_FROM_MS, profile.timeZone) - 1;
  const last = localDayNumberOf(NOW_MS, profile.timeZone);
  for (let dayNumber = first; dayNumber <= last; dayNumber += 1)
    rows.push(...generateDay(profile, dayNumber).rows);
  return rows;
})();

/** The rows a query must serve, straight from the generator: every matching row in the data, sorted. */
function expectedRows(query: RowQuery): DemoRow[] {
  const rows: DemoRow[] = [];
  for (const row of allRows) {
    const inData = row.call.startMs >= DATA_FROM_MS && row.call.startMs < NOW_MS;
    if (!inData || row.startMs < query.fromMs || row.startMs > query.toMs) continue;
    const filter = query.filter;
    const kept =
      filter.kind === 'parkLegs'
        ? !(filter.hideParkLegs && row.isParkLeg)
        : filter.matchesCall(row.call) && filter.matchesRow(row);
    if (kept) rows.push(row);
  }
  rows.sort((a, b) => a.startMs - b.startMs || a.segmentId - b.segmentId);
  if (query.descending) rows.reverse();
  return rows;
}

const FRAME = (count: number) => ({ head: `{"count":${count},"value":[`, tail: ']}' });

function expectPage(store: CallLogStore, query: RowQuery, expected: DemoRow[]): void {
  const end = query.top === undefined ? undefined : query.skip + query.top;
  const wanted = expected.slice(query.skip, end);
  const page = store.queryRows(query);
  expect(page.count).toBe(expected.length);
  expect(page.rows.map((row) => row.segmentId)).toEqual(wanted.map((row) => row.segmentId));
  const json = store.queryRowsJson(query, FRAME);
  expect(json.count).toBe(expected.length);
  expect(json.body.toString('utf8')).toBe(
    JSON.stringify({ count: expected.length, value: wanted.map((row) => row.row) }),
  );
}

describe('call-log store', () => {
  const periods: Array<[number, number]> = [
    [DATA_FROM_MS - 2 * DAY_MS, NOW_MS + 2 * DAY_MS],
    [Date.parse('2026-11-17T00:00:00Z'), Date.parse('2026-11-17T23:59:59.999Z')],
    [Date.parse('2026-11-16T09:30:00Z'), Date.parse('2026-11-18T14:10:00.5Z')],
    [NOW_MS - DAY_MS / 2, NOW_MS + DAY_MS],
    [NOW_MS + DAY_MS, NOW_MS],
  ];
  const filters: RowFilter[] = [SHOWN, HIDDEN, answeredOnly('answered legs'), answeredOnly()];

  it('serves every page of every query as the generator says, ascending and descending', () => {
    const store = newStore();
    for (const [fromMs, toMs] of periods) {
      for (const filter of filters) {
        for (const descending of [false, true]) {
          const base = { fromMs, toMs, filter, descending };
          const expected = expectedRows({ ...base, skip: 0 });
          for (const [skip, top] of [
            [0, undefined],
            [0, 100],
            [100, 100],
            [250, 7],
            [expected.length - 3, 10],
            [expected.length + 5, 10],
            [3, 0],
          ] as const) {
            expectPage(
              store,
              { ...base, skip: Math.max(0, skip), ...(top === undefined ? {} : { top }) },
              expected,
            );
          }
        }
      }
    }
  });

  it('serves page k of a cached query as a fresh store does, without generating days again', () => {
    const cached = newStore();
    const query = (skip: number): RowQuery => ({
      fromMs: DATA_FROM_MS - DAY_MS,
      toMs: NOW_MS,
      filter: HIDDEN,
      descending: false,
      skip,
      top: 100,
    });
    const total = cached.queryRows(query(0)).count;
    expect(total).toBeGreaterThan(1000);
    const generatedAfterFirstPage = cached.cacheStats().daysGenerated;
    for (let skip = 0; skip < total; skip += 100) {
      const fresh = newStore().queryRowsJson(query(skip), FRAME).body.toString('utf8');
      expect(cached.queryRowsJson(query(skip), FRAME).body.toString('utf8')).toBe(fresh);
    }
    expect(cached.cacheStats().daysGenerated).toBe(generatedAfterFirstPage);
  });

  it('keeps its caches within their limits and still serves the same pages', () => {
    const limits = { maxServedBytes: 400_000, maxMatchIndices: 600, maxGeneratedDays: 2 };
    const small = newStore(limits);
    const large = newStore();
    for (const filter of [HIDDEN, answeredOnly('answered legs')]) {
      for (let skip = 0; skip < 1200; skip += 150) {
        const query = {
          fromMs: DATA_FROM_MS,
          toMs: NOW_MS,
          filter,
          descending: skip % 300 === 0,
          skip,
          top: 150,
        };
        expect(small.queryRowsJson(query, FRAME).body.equals(large.queryRowsJson(query, FRAME).body)).toBe(
          true,
        );
        const stats = small.cacheStats();
        expect(stats.servedBytes).toBeLessThanOrEqual(limits.maxServedBytes);
        expect(stats.matchIndices).toBeLessThanOrEqual(limits.maxMatchIndices);
        expect(stats.generatedDays).toBeLessThanOrEqual(2);
        expect(stats.rowBuckets).toBeLessThanOrEqual(2);
      }
    }
    expect(small.cacheStats().servedDays).toBeGreaterThan(0);
    expect(small.cacheStats().servedDays).toBeLessThan(large.cacheStats().servedDays);
    expect(small.cacheStats().daysGenerated).toBeGreaterThan(large.cacheStats().daysGenerated);
  });
});
