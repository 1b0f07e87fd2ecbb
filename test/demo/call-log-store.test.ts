import type { CallLogStore, CallLogStoreLimits, RowFilter, RowQuery } from '../../src/demo/call-log-store';
import type { DemoRow } from '../../src/demo/demo-call';
import { createDemoCompany } from '../../src/demo/demo-company';
import { generateExternalContacts } from '../../src/demo/external-contacts';
import { generateDay, type TrafficProfile } from '../../src/demo/generate-day';
import { createGeneratedCallLogStore } from '../../src/demo/generated-row-source';
import { localDayNumberOf } from '../../src/demo/local-days';
import { projectRow } from '../../src/demo/odata-query-options';
import { LEG_FIELDS } from '../../src/threecx/call-log-row';

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
const newStore = (limits: Partial<CallLogStoreLimits & { maxGeneratedDays: number }> = {}) =>
  createGeneratedCallLogStore(profile, DATA_FROM_MS, NOW_MS, limits);

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

/**
 * The rows a query must serve, straight from the generator: every matching row of a call that
 * started in the data and is over by NOW_MS, sorted, then capped in the given order.
 */
function expectedRows(query: RowQuery): DemoRow[] {
  const rows: DemoRow[] = [];
  for (const row of allRows) {
    const inData = row.call.startMs >= DATA_FROM_MS && row.call.endMs <= NOW_MS;
    if (!inData || row.startMs < query.fromMs || row.startMs > query.toMs) continue;
    const filter = query.filter;
    const kept =
      filter.kind === 'parkLegs'
        ? !(filter.hideParkLegs && row.isParkLeg)
        : filter.matchesCall(row.call) && filter.matchesRow(row);
    if (kept) rows.push(row);
  }
  rows.sort((a, b) => a.startMs - b.startMs || a.segmentId - b.segmentId);
  const cap = query.rowCap;
  const kept =
    cap === undefined
      ? rows
      : cap.newestFirst
        ? rows.slice(Math.max(0, rows.length - cap.maxRows))
        : rows.slice(0, cap.maxRows);
  return query.descending ? kept.reverse() : kept;
}

const FRAME = (count: number) => ({ head: `{"count":${count},"value":[`, tail: ']}' });

const ALL_FIELDS = Object.keys(allRowsOfFirstDay()[0]!.row);
/** Field selections as `$select` resolves them: leg fields, one, all, repeats, odd names, none. */
const SELECTS: string[][] = [
  [...LEG_FIELDS],
  ['SourceDisplayName'],
  ALL_FIELDS,
  ['TalkingDuration', 'CallId', 'StartTime', 'CallId', 'StartTime'],
  ['constructor', 'CallId', '__proto__', 'toString', 'RecordingUrl'],
  [],
];

function allRowsOfFirstDay(): DemoRow[] {
  return generateDay(profile, localDayNumberOf(NOW_MS, profile.timeZone)).rows;
}

/** What a `$select` page held before pages were copied from cached JSON: the projected rows, stringified. */
function selectedBodyAsBefore(count: number, rows: DemoRow[], select: readonly string[]): string {
  return JSON.stringify({ count, value: rows.map((row) => projectRow(row.row, select)) });
}

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
  for (const select of SELECTS) {
    const selected = store.queryRowsJson(query, FRAME, select);
    expect(selected.count).toBe(expected.length);
    expect(selected.body.toString('utf8')).toBe(selectedBodyAsBefore(expected.length, wanted, select));
  }
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

  it('serves every page of every query as the generator says, ascending and descending, whole and selected', () => {
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

  it('serialises each (day, field selection) once: repeated pages and windows are copies', () => {
    const store = newStore();
    const period = { fromMs: DATA_FROM_MS, toMs: NOW_MS, filter: HIDDEN, descending: false, top: 80 };
    // Every page of the period, so that every day's rows are serialised.
    const total = store.queryRows({ ...period, skip: 0, top: 1 }).count;
    const pass = (select: readonly string[]) => {
      const bodies: string[] = [];
      for (let skip = 0; skip < total; skip += 80)
        bodies.push(store.queryRowsJson({ ...period, skip }, FRAME, select).body.toString('utf8'));
      return bodies;
    };
    const first = pass(LEG_FIELDS);
    const afterFirst = store.cacheStats();
    const days = afterFirst.servedDays;
    expect(days).toBeGreaterThan(2);
    expect(afterFirst.servedLists).toBe(days);
    expect(pass(LEG_FIELDS)).toEqual(first);
    // Repeating a field selects the same bytes, so it shares the entry.
    expect(pass([...LEG_FIELDS, 'CallId', 'StartTime'])).toEqual(first);
    expect(store.cacheStats()).toEqual(afterFirst);
    pass(['CallId']);
    store.queryRowsJson({ ...period, skip: 0, top: undefined }, FRAME);
    const stats = store.cacheStats();
    expect(stats.servedLists).toBe(3 * days);
    expect(stats.servedDays).toBe(days);
    expect(stats.daysGenerated).toBe(afterFirst.daysGenerated);
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
        const select = SELECTS[(skip / 150) % SELECTS.length]!;
        expect(
          small
            .queryRowsJson(query, FRAME, select)
            .body.equals(large.queryRowsJson(query, FRAME, select).body),
        ).toBe(true);
        const stats = small.cacheStats();
        expect(stats.servedBytes).toBeLessThanOrEqual(limits.maxServedBytes);
        expect(stats.matchIndices).toBeLessThanOrEqual(limits.maxMatchIndices);
        expect(stats.generatedDays).toBeLessThanOrEqual(2);
        expect(stats.rowBuckets).toBeLessThanOrEqual(2);
      }
    }
    expect(small.cacheStats().servedLists).toBeGreaterThan(0);
    expect(small.cacheStats().servedLists).toBeLessThan(large.cacheStats().servedLists);
    expect(small.cacheStats().daysGenerated).toBeGreaterThan(large.cacheStats().daysGenerated);
  });

  it('caps a period at the row cap in the PBX own order, whatever order pages are served in', () => {
    const store = newStore();
    const period = { fromMs: DATA_FROM_MS, toMs: NOW_MS, filter: HIDDEN };
    for (const newestFirst of [true, false]) {
      for (const descending of [true, false]) {
        const query = { ...period, descending, rowCap: { maxRows: 900, newestFirst }, skip: 0 };
        const expected = expectedRows(query);
        expect(expected).toHaveLength(900);
        for (const [skip, top] of [
          [0, 500],
          [500, 500],
          [899, 10],
          [900, 10],
        ] as const) {
          expectPage(store, { ...query, skip, top }, expected);
        }
      }
    }
  });

  it('serves the calls that are over by the clock as it moves, never half a call', () => {
    let nowMs = NOW_MS - DAY_MS / 3;
    const store = createGeneratedCallLogStore(profile, DATA_FROM_MS, () => nowMs);
    const period = {
      fromMs: NOW_MS - DAY_MS,
      toMs: NOW_MS + DAY_MS,
      filter: SHOWN,
      descending: true,
      skip: 0,
    };
    let before = 0;
    for (; nowMs <= NOW_MS; nowMs += 2 * 3_600_000) {
      const page = store.queryRows(period);
      expect(page.count).toBeGreaterThanOrEqual(before);
      before = page.count;
      for (const row of page.rows) {
        expect(row.call.endMs).toBeLessThanOrEqual(nowMs);
        expect(page.rows.filter((other) => other.call === row.call)).toHaveLength(row.call.rows.length);
      }
    }
    expect(before).toBeGreaterThan(0);
  });
});
