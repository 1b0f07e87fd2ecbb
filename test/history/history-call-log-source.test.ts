import fc from 'fast-check';
import type { CallLeg } from '../../src/core/call-leg';
import type { Report } from '../../src/core/report';
import type { ReportRequest } from '../../src/core/report-request';
import { HistoryCallLogSource } from '../../src/history/history-call-log-source';
import type { PbxHistory } from '../../src/history/history-store';
import type { XapiClient } from '../../src/threecx/xapi-client';
import { listStoreKinds } from '../schedule/store-kinds';
import { callLogUrls, collect, countUrls, periodOf, queryFor, readUrls } from '../threecx/demo-helpers';
import { useHistoryDemoPbx, useHistoryStore, utcDays, warningsLogger } from './history-test-bed';

/**
 * The report path over history (issue 20): reports read from stored days equal reports read from
 * the PBX, a month read twice costs the PBX nothing the second time, and only closed days within
 * HISTORY_DAYS are read from or written to the store.
 */

jest.setTimeout(240_000);

const NOW = new Date('2026-11-29T10:00:00Z');
/** The DST days of Europe/London and America/New_York in 2026. */
const DST_DAYS = ['2026-03-29', '2026-10-25', '2026-03-08', '2026-11-01'];
const ZONES = ['Europe/London', 'America/New_York', 'UTC', 'Asia/Kolkata'];

const bed = useHistoryDemoPbx({ seed: 7, now: NOW, days: 300, callsPerDay: 60 });
const { freshClient, requestFor } = bed;

function historyOver(store: PbxHistory, historyDays = 400, inner: XapiClient = freshClient()) {
  return new HistoryCallLogSource({ inner, store, historyDays, now: () => NOW });
}

async function reportFromPbx(request: ReportRequest): Promise<Report> {
  return bed.reportService(freshClient()).runReport(request);
}

describe.each(listStoreKinds('history report path tests'))('reports over a $name history', (kind) => {
  const stores = useHistoryStore(kind, () => bed.pbx.url);
  let store: PbxHistory;
  beforeEach(() => {
    store = stores.store;
  });
  const serviceOver = bed.reportService;

  it("equal the PBX's for random windows over random days, DST days included", async () => {
    const dayPool = [...DST_DAYS, '2026-02-14', '2026-06-30', '2026-11-20', '2026-11-27', '2026-11-28'];
    const views = ['', 'list ', 'by day ', 'ext 101 ', 'missed ', 'queue 800 '];
    let fromHistoryDays = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...dayPool),
        fc.integer({ min: -30, max: 30 }),
        fc.integer({ min: 1, max: 4 * 24 * 60 }),
        fc.constantFrom(...ZONES),
        fc.constantFrom(...views),
        async (day, offsetMinutes, lengthMinutes, zone, view) => {
          const startMs = Date.parse(`${day}T12:00:00Z`) + offsetMinutes * 60 * 60_000;
          const endMs = Math.min(startMs + lengthMinutes * 60_000, NOW.getTime());
          // The instants with their offset: a local time the zone skips or has twice is refused.
          const instant = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;
          const words =
            lengthMinutes % 3 === 0
              ? `${view}${day}`
              : `${view}from=${instant(startMs)} to=${instant(endMs)}`;
          const request = requestFor(words, zone);
          const expected = await reportFromPbx(request);
          // A first run stores the closed days it reads whole; a second, fresh one reads them back.
          const first = historyOver(store);
          expect(await serviceOver(first).runReport(request)).toEqual(expected);
          await first.whenIdle();
          const second = historyOver(store);
          expect(await serviceOver(second).runReport(request)).toEqual(expected);
          fromHistoryDays = (await stores.history.stats()).days;
        },
      ),
      { numRuns: 24, seed: 20 },
    );
    expect(fromHistoryDays).toBeGreaterThan(8);
  });

  it('serves a month read before with one count of its stored days as its only call-log request, and equals the PBX', async () => {
    const request = requestFor('last month', 'Europe/London');
    const expected = await reportFromPbx(request);
    const first = historyOver(store);
    expect(await serviceOver(first).runReport(request)).toEqual(expected);
    await first.whenIdle();
    const stored = (await store.listDaysSince('2000-01-01')).map((entry) => entry.day);
    // October and its hour either side, and September (the previous period) with its hour before.
    expect(stored[0]).toBe('2026-08-31');
    expect(stored.at(-1)).toBe('2026-11-01');
    expect(stored).toHaveLength(63);
    bed.pbx.requests.length = 0;
    const second = historyOver(store);
    expect(await serviceOver(second).runReport(request)).toEqual(expected);
    // The PBX is asked to count the stored days, in one request: the 63 days hold fewer rows than
    // the probe's span may (PROBED_SPAN_MAX_ROWS), so the count covers all of them.
    expect(readUrls(bed.pbx)).toEqual([]);
    expect(countUrls(bed.pbx).map(periodOf)).toEqual(['2026-08-31T00:00:00.000Z..2026-11-01T23:59:59.999Z']);
  });

  it('counts the newest day with calls alone when the PBX cannot count the span, and then reads the store', async () => {
    const request = requestFor('last month', 'Europe/London');
    const expected = await reportFromPbx(request);
    const first = historyOver(store);
    await serviceOver(first).runReport(request);
    await first.whenIdle();
    bed.pbx.requests.length = 0;
    // The first count (the span's 63 days) fails; a PBX that answers only short periods.
    bed.pbx.misbehave({ endpoint: 'calllog', status: 400, times: 1 });
    expect(await serviceOver(historyOver(store)).runReport(request)).toEqual(expected);
    expect(readUrls(bed.pbx)).toEqual([]);
    expect(countUrls(bed.pbx).map(periodOf)).toEqual([
      '2026-08-31T00:00:00.000Z..2026-11-01T23:59:59.999Z',
      '2026-11-01T00:00:00.000Z..2026-11-01T23:59:59.999Z',
    ]);
  });

  it('learns of a late call into a stored day from the same count for both periods, and reads the counted days again', async () => {
    const request = requestFor('last month', 'Europe/London');
    const first = historyOver(store);
    await serviceOver(first).runReport(request);
    await first.whenIdle();
    bed.pbx.injectCall({
      kind: 'missed',
      at: new Date('2026-11-01T00:20:00Z'),
      from: '+442079460177',
      to: '800',
    });
    const expected = await reportFromPbx(request);
    bed.pbx.requests.length = 0;
    expect(await serviceOver(historyOver(store)).runReport(request)).toEqual(expected);
    // The stored days count one row more; a second day, the one with the most rows of the 30 before
    // 1 Nov (the newest with calls), counts the same: a late call, not another log. Which day it came
    // into, the count does not say: every counted day is read again, and stored anew.
    const counted = countUrls(bed.pbx).map(periodOf);
    expect(counted).toHaveLength(2);
    expect(counted[0]).toBe('2026-08-31T00:00:00.000Z..2026-11-01T23:59:59.999Z');
    expect(counted[1]).toMatch(/^2026-10-\d\dT00:00:00.000Z\.\.2026-10-\d\dT23:59:59.999Z$/);
    const reread = new Set(readUrls(bed.pbx).map((url) => periodOf(url).slice(0, 10)));
    expect(reread.size).toBe(63);
    expect(reread).toContain('2026-11-01');
  });

  it("filtered by ext, queue or an access scope, equal the PBX's from stored days (other calls left out)", async () => {
    const fill = historyOver(store);
    await serviceOver(fill).runReport(requestFor('last month', 'Europe/London'));
    await fill.whenIdle();
    const scoped = {
      ...requestFor('last month by week', 'America/New_York'),
      scope: { extensions: ['102'], queues: ['800'] },
    };
    const requests = [
      requestFor('last month ext 101', 'Europe/London'),
      requestFor('last month queue 800 missed list', 'Europe/London'),
      requestFor('last month ext 102,103 top callers', 'Asia/Kolkata'),
      scoped,
    ];
    for (const request of requests) {
      const expected = await reportFromPbx(request);
      expect(expected.totals.calls).toBeGreaterThan(0);
      expect(await serviceOver(historyOver(store)).runReport(request)).toEqual(expected);
    }
  });

  it("stores a month's days on the counts its read carried, asking the PBX to count nothing more", async () => {
    const request = requestFor('last month', 'Europe/Berlin');
    bed.pbx.requests.length = 0;
    const source = historyOver(store);
    expect(await serviceOver(source).runReport(request)).toEqual(await reportFromPbx(request));
    await source.whenIdle();
    const countOnly = callLogUrls(bed.pbx).filter(
      (url) => new URL(url, bed.pbx.url).searchParams.get('$top') === '1',
    );
    expect(callLogUrls(bed.pbx).length).toBeGreaterThan(60);
    expect(countOnly).toEqual([]);
    const stored = await store.listDaysSince('2000-01-01');
    // October in Berlin with its hour either side is 30 Sep 21:00 to 1 Nov 00:00 UTC; September from 31 Aug 21:00.
    expect([stored.length, stored[0]!.day, stored.at(-1)!.day]).toEqual([62, '2026-08-31', '2026-10-31']);
    // Each day's count is the PBX's for that day.
    const client = freshClient();
    for (const entry of [stored[0]!, stored[31]!, stored.at(-1)!]) {
      const from = `${entry.day}T00:00:00Z`;
      const to = new Date(Date.parse(from) + 86_400_000).toISOString();
      expect(entry.pbxCount).toBe(await client.countRows(queryFor(from, to)));
    }
  });

  it("never reads another PBX's days, and stores this PBX's over them", async () => {
    const query = queryFor('2026-11-20T00:00:00Z', '2026-11-22T00:00:00Z');
    const expected = sortLegs(await collect(freshClient().streamLegs(query)));
    const elsewhere = stores.history.forPbx('https://other-pbx.example.com:5001');
    const first = historyOver(elsewhere);
    await collect(first.streamLegs(query));
    await first.whenIdle();
    expect((await elsewhere.listDaysSince('2000-01-01')).map((entry) => entry.day)).toEqual([
      '2026-11-20',
      '2026-11-21',
    ]);
    expect(await store.listDaysSince('2000-01-01')).toEqual([]);
    bed.pbx.requests.length = 0;
    const here = historyOver(store);
    expect(sortLegs(await collect(here.streamLegs(query)))).toEqual(expected);
    expect(callLogUrls(bed.pbx).length).toBeGreaterThan(0);
    await here.whenIdle();
    expect((await store.listDaysSince('2000-01-01')).map((entry) => entry.day)).toEqual([
      '2026-11-20',
      '2026-11-21',
    ]);
    expect(await elsewhere.listDaysSince('2000-01-01')).toEqual([]);
    expect((await stores.history.stats()).days).toBe(2);
  });

  it('reads the counted days again when a call came into one of them late, as another day still counts the same', async () => {
    const query = queryFor('2026-11-20T00:00:00Z', '2026-11-22T00:00:00Z');
    const first = historyOver(store);
    await collect(first.streamLegs(query));
    await first.whenIdle();
    const [nov20, nov21] = await store.listDaysSince('2000-01-01');
    expect([nov20?.day, nov21?.day]).toEqual(['2026-11-20', '2026-11-21']);
    // A real 3CX writes a call's rows when it ends: one that ran long lands in a stored day.
    const late = bed.pbx.injectCall({
      kind: 'answered',
      at: new Date('2026-11-21T15:00:00Z'),
      from: '+442079460123',
      to: '101',
    });
    const expected = sortLegs(await collect(freshClient().streamLegs(query)));
    expect(expected.filter((leg) => leg.callKey === late.callKey).length).toBeGreaterThan(0);
    const nov21Now = await freshClient().countRows(queryFor('2026-11-21T00:00:00Z', '2026-11-22T00:00:00Z'));
    expect(nov21Now).toBeGreaterThan(nov21!.pbxCount);

    bed.pbx.requests.length = 0;
    const second = historyOver(store);
    expect(sortLegs(await collect(second.streamLegs(query)))).toEqual(expected);
    // Both stored days are counted in one request (changed), then 20 Nov alone, the day before the
    // newest with calls (the same): a late call, into a day the count does not name, so both are read.
    expect(countUrls(bed.pbx).map(periodOf)).toEqual([
      '2026-11-20T00:00:00.000Z..2026-11-21T23:59:59.999Z',
      '2026-11-20T00:00:00.000Z..2026-11-20T23:59:59.999Z',
    ]);
    expect([...new Set(readUrls(bed.pbx).map(periodOf))].sort()).toEqual([
      '2026-11-20T00:00:00.000Z..2026-11-20T23:59:59.999Z',
      '2026-11-21T00:00:00.000Z..2026-11-21T23:59:59.999Z',
    ]);
    await second.whenIdle();
    expect(await store.listDaysSince('2000-01-01')).toEqual([
      nov20,
      { day: '2026-11-21', pbxCount: nov21Now, checkedAt: expect.any(Date) },
    ]);
  });

  it('reads its only stored day again when the PBX counts it differently: no second day can tell a late call from another log', async () => {
    const query = queryFor('2026-11-21T00:00:00Z', '2026-11-22T00:00:00Z');
    const first = historyOver(store);
    await collect(first.streamLegs(query));
    await first.whenIdle();
    const [stored] = await store.listDaysSince('2000-01-01');
    bed.pbx.injectCall({
      kind: 'missed',
      at: new Date('2026-11-21T18:00:00Z'),
      from: '+442079460188',
      to: '800',
    });
    const expected = sortLegs(await collect(freshClient().streamLegs(query)));
    const nowCounted = await freshClient().countRows(query);
    expect(nowCounted).toBeGreaterThan(stored!.pbxCount);

    bed.pbx.requests.length = 0;
    const second = historyOver(store);
    expect(sortLegs(await collect(second.streamLegs(query)))).toEqual(expected);
    expect(countUrls(bed.pbx).map(periodOf)).toEqual(['2026-11-21T00:00:00.000Z..2026-11-21T23:59:59.999Z']);
    expect([...new Set(readUrls(bed.pbx).map(periodOf))]).toEqual([
      '2026-11-21T00:00:00.000Z..2026-11-21T23:59:59.999Z',
    ]);
    await second.whenIdle();
    expect(await store.listDaysSince('2000-01-01')).toEqual([
      { day: '2026-11-21', pbxCount: nowCounted, checkedAt: expect.any(Date) },
    ]);
  });

  it('reads every day from the PBX, and deletes none, when the store cannot list its days to find a second one', async () => {
    const query = queryFor('2026-11-20T00:00:00Z', '2026-11-22T00:00:00Z');
    const first = historyOver(store);
    await collect(first.streamLegs(query));
    await first.whenIdle();
    const storedBefore = await store.listDaysSince('2000-01-01');
    bed.pbx.injectCall({
      kind: 'missed',
      at: new Date('2026-11-21T18:00:00Z'),
      from: '+442079460199',
      to: '800',
    });
    const expected = sortLegs(await collect(freshClient().streamLegs(query)));

    const { logger, warnings } = warningsLogger();
    bed.pbx.requests.length = 0;
    const second = new HistoryCallLogSource({
      inner: freshClient(),
      store: failingAfterFirstListing(store),
      historyDays: 400,
      now: () => NOW,
      logger,
    });
    expect(sortLegs(await collect(second.streamLegs(query)))).toEqual(expected);
    expect([...new Set(readUrls(bed.pbx).map(periodOf))].sort()).toEqual([
      '2026-11-20T00:00:00.000Z..2026-11-20T23:59:59.999Z',
      '2026-11-21T00:00:00.000Z..2026-11-21T23:59:59.999Z',
    ]);
    expect(warnings).toEqual([
      'The PBX counts stored call-log days differently from when they were stored',
      'Could not read the stored call-log days',
    ]);
    await second.whenIdle();
    expect((await store.listDaysSince('2000-01-01')).map((entry) => entry.day)).toEqual(
      storedBefore.map((entry) => entry.day),
    );
  });

  it('gives the event loop turns while it stores days and reads them, which SQLite does without one', async () => {
    const query = queryFor('2026-08-01T00:00:00Z', '2026-11-01T00:00:00Z');
    // Turns of the event loop, with a turn due before every day (sliceMs 0).
    let turns = 0;
    let counting = true;
    const countTurn = () => {
      if (!counting) return;
      turns++;
      setImmediate(countTurn);
    };
    setImmediate(countTurn);
    const sliced = () =>
      new HistoryCallLogSource({ inner: freshClient(), store, historyDays: 400, now: () => NOW, sliceMs: 0 });
    try {
      const fill = sliced();
      const expected = sortLegs(await collect(fill.streamLegs(query)));
      const beforeStoring = turns;
      await fill.whenIdle();
      expect(await store.listDaysSince('2026-08-01')).toHaveLength(92);
      expect(turns - beforeStoring).toBeGreaterThanOrEqual(91);

      const beforeReading = turns;
      expect(sortLegs(await collect(sliced().streamLegs(query)))).toEqual(expected);
      expect(turns - beforeReading).toBeGreaterThanOrEqual(91);
    } finally {
      counting = false;
    }
  });

  it('keeps the ordering promise and gives the same legs as the PBX, stored or not', async () => {
    const query = queryFor('2026-11-19T21:30:00Z', '2026-11-29T10:00:00Z');
    const direct = await collect(freshClient().streamLegs(query));
    const first = historyOver(store);
    expect(sortLegs(await collect(first.streamLegs(query)))).toEqual(sortLegs(direct));
    await first.whenIdle();
    // 20 Nov to 28 Nov are closed and whole; 19 Nov is partly asked (2.5 h, within 10 % extra); 29 Nov is open.
    const stored = (await store.listDaysSince('2000-01-01')).map((entry) => entry.day);
    expect(stored).toEqual(utcDays('2026-11-19', 10));
    const second = historyOver(store);
    bed.pbx.requests.length = 0;
    const legs = await collect(second.streamLegs(query));
    expect(sortLegs(legs)).toEqual(sortLegs(direct));
    // Only the open day was read from the PBX; the stored days were counted, in one request.
    expect(readUrls(bed.pbx).every((url) => url.includes('2026-11-29'))).toBe(true);
    expect(countUrls(bed.pbx).map(periodOf)).toEqual(['2026-11-19T00:00:00.000Z..2026-11-28T23:59:59.999Z']);
    const disorder = second.legDisorderMs!;
    let latest = Number.NEGATIVE_INFINITY;
    for (const leg of legs) {
      expect(leg.startMs).toBeGreaterThanOrEqual(latest - disorder);
      latest = Math.max(latest, leg.startMs);
      expect(leg.startMs).toBeGreaterThanOrEqual(query.from.getTime());
      expect(leg.startMs).toBeLessThan(query.to.getTime());
    }
  });

  it('stores the days a read completed only once no other read is under way', async () => {
    const source = historyOver(store);
    const other = source
      .streamLegPages(queryFor('2026-11-10T00:00:00Z', '2026-11-12T00:00:00Z'))
      [Symbol.asyncIterator]();
    expect((await other.next()).done).toBe(false);
    await collect(source.streamLegs(queryFor('2026-11-20T00:00:00Z', '2026-11-22T00:00:00Z')));
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(await store.listDaysSince('2000-01-01')).toEqual([]);
    while (!(await other.next()).done) {
      // the other read goes on to its end
    }
    await source.whenIdle();
    expect((await store.listDaysSince('2000-01-01')).map((entry) => entry.day)).toEqual([
      '2026-11-10',
      '2026-11-11',
      '2026-11-20',
      '2026-11-21',
    ]);
  });

  it('does not store a closed day asked only in small part, nor an open day', async () => {
    const source = historyOver(store);
    await collect(source.streamLegs(queryFor('2026-11-20T10:00:00Z', '2026-11-20T12:00:00Z')));
    await collect(source.streamLegs(queryFor('2026-11-28T12:00:00Z', '2026-11-29T10:00:00Z')));
    await source.whenIdle();
    expect(await store.listDaysSince('2000-01-01')).toEqual([]);
    // 28 Nov closed at 06:00 on the 29th: read whole, it is stored.
    await collect(source.streamLegs(queryFor('2026-11-28T00:00:00Z', '2026-11-29T10:00:00Z')));
    await source.whenIdle();
    expect((await store.listDaysSince('2000-01-01')).map((entry) => entry.day)).toEqual(['2026-11-28']);
  });

  it('sends rows, counts, other 3CX parameters and OData options to the PBX, and stores nothing for them', async () => {
    const source = historyOver(store);
    const whole = queryFor('2026-11-20T00:00:00Z', '2026-11-22T00:00:00Z');
    await collect(source.streamLegs(whole));
    await source.whenIdle();
    expect(await store.listDaysSince('2000-01-01')).toHaveLength(2);
    const other = { ...whole, callLog: { ...whole.callLog, callsType: 1 } };
    const from = (q: typeof whole) => collect(source.streamLegs(q));
    for (const query of [other, { ...whole, top: 5 }, { ...whole, search: '101' }]) {
      bed.pbx.requests.length = 0;
      expect(sortLegs(await from(query))).toEqual(sortLegs(await collect(freshClient().streamLegs(query))));
      expect(callLogUrls(bed.pbx).length).toBeGreaterThan(0);
    }
    bed.pbx.requests.length = 0;
    expect((await collect(source.streamRows(whole))).length).toBeGreaterThan(0);
    expect(await source.countRows(whole)).toBeGreaterThan(0);
    expect(callLogUrls(bed.pbx).length).toBeGreaterThan(0);
    // The count with its row, as the PBX client gives it.
    bed.pbx.requests.length = 0;
    const withSample = await source.countRowsWithSample(whole);
    expect(withSample).toEqual(await freshClient().countRowsWithSample(whole));
    expect(withSample.sample).toBeDefined();
    expect(callLogUrls(bed.pbx).length).toBeGreaterThan(0);
  });

  it('neither reads nor writes days older than HISTORY_DAYS', async () => {
    const wide = historyOver(store, 400);
    const query = queryFor('2026-11-20T00:00:00Z', '2026-11-29T00:00:00Z');
    await collect(wide.streamLegs(query));
    await wide.whenIdle();
    expect(await store.listDaysSince('2000-01-01')).toHaveLength(9);
    // With HISTORY_DAYS=3 (today 29 Nov): 26 Nov on; 20–25 Nov come from the PBX though stored.
    const narrow = historyOver(store, 3);
    bed.pbx.requests.length = 0;
    await collect(narrow.streamLegs(query));
    const asked = readUrls(bed.pbx).join('\n');
    for (const day of ['20', '21', '22', '23', '24', '25']) expect(asked).toContain(`2026-11-${day}`);
    for (const day of ['26', '27', '28']) expect(asked).not.toContain(`periodFrom=2026-11-${day}`);
    await stores.history.purge();
    expect(await store.listDaysSince('2000-01-01')).toEqual([]);
    await collect(narrow.streamLegs(query));
    await narrow.whenIdle();
    expect((await store.listDaysSince('2000-01-01')).map((entry) => entry.day)).toEqual([
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
    ]);
  });
});

function sortLegs(legs: CallLeg[]): CallLeg[] {
  return legs
    .slice()
    .sort((a, b) => a.startMs - b.startMs || a.callKey.localeCompare(b.callKey) || a.segmentId - b.segmentId);
}

/** `store`, whose listing of days fails after the first (a database that went away mid-read). */
function failingAfterFirstListing(store: PbxHistory): PbxHistory {
  let listings = 0;
  return new Proxy(store, {
    get(target, name) {
      if (name === 'listDaysSince') {
        return async (fromDay: string) => {
          listings++;
          if (listings > 1) throw new Error('SQLITE_IOERR: disk I/O error');
          return target.listDaysSince(fromDay);
        };
      }
      const value = Reflect.get(target, name, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
