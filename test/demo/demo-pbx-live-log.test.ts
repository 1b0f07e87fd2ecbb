import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { callLogPathFor, DEMO_NOW, fetchToken, getJson, type Row, rowsOf } from './demo-pbx-client';

/** DEMO_NOW is Friday 12:00 UTC: the day's calls around noon are still going on. */
const TODAY_FROM = '2026-11-20T00:00:00Z';
const TODAY_TO = '2026-11-20T23:59:59.999Z';
const WEEK_FROM = '2026-11-09T00:00:00Z';
const WEEK_TO = '2026-11-15T23:59:59.999Z';

const cdrIds = (rows: Row[]) => rows.map((row) => String(row.CdrId));
const countOf = (json: unknown) => (json as Record<string, unknown>)['@odata.count'];

describe('demo PBX: a live log, its order and its row cap', () => {
  let pbx: DemoPbx;
  let token: string;

  beforeEach(async () => {
    pbx = await startDemoPbx({ now: DEMO_NOW, days: 14 });
    token = await fetchToken(pbx);
  });
  afterEach(async () => {
    await pbx.close();
  });

  const get = (path: string) => getJson(pbx, path, token);

  it('serves today only the calls that are over by the clock, and more as the clock moves', async () => {
    const before = await get(callLogPathFor(TODAY_FROM, TODAY_TO, {}, '$count=true'));
    const seen = cdrIds(rowsOf(before));
    expect(seen.length).toBeGreaterThan(50);
    expect(Math.max(...rowsOf(before).map((row) => Date.parse(String(row.StartTime))))).toBeLessThan(
      DEMO_NOW.getTime(),
    );
    pbx.advanceClock(3_600_000);
    expect(pbx.now()).toEqual(new Date(DEMO_NOW.getTime() + 3_600_000));
    const after = rowsOf(await get(callLogPathFor(TODAY_FROM, TODAY_TO, {}, '$count=true')));
    expect(after.length).toBeGreaterThan(seen.length);
    // Nothing served before is gone or moved out of order; new calls sit by their StartTime, so
    // one that started before the old clock but was still going on lands among the old rows.
    const kept = new Set(seen);
    expect(cdrIds(after).filter((id) => kept.has(id))).toEqual(seen);
    const appeared = after.filter((row) => !kept.has(String(row.CdrId)));
    expect(appeared.some((row) => Date.parse(String(row.StartTime)) < DEMO_NOW.getTime())).toBe(true);
  });

  it('serves a call with all its legs or none', async () => {
    for (const nowMs of [DEMO_NOW.getTime(), DEMO_NOW.getTime() + 600_000]) {
      pbx.setNow(new Date(nowMs));
      const today = rowsOf(await get(callLogPathFor(TODAY_FROM, TODAY_TO, { hidePcalls: 'false' })));
      const whole = pbx.rowsBetween(new Date(TODAY_FROM), new Date(TODAY_TO));
      expect(cdrIds(today)).toEqual(cdrIds(whole));
      const legs = new Map<unknown, number>();
      for (const row of today) legs.set(row.MainCallHistoryId, (legs.get(row.MainCallHistoryId) ?? 0) + 1);
      // Every call served has as many legs as its SubrowDescNumber of the first leg says.
      for (const row of today.filter((leg) => leg.Indent === 0)) {
        expect(legs.get(row.MainCallHistoryId)).toBe(row.SubrowDescNumber);
      }
    }
  });

  it('serves oldest first when told, the same rows', async () => {
    const newest = rowsOf(await get(callLogPathFor(WEEK_FROM, WEEK_TO)));
    pbx.setRowOrder('oldest-first');
    const oldest = rowsOf(await get(callLogPathFor(WEEK_FROM, WEEK_TO)));
    expect(cdrIds(oldest)).toEqual(cdrIds(newest).reverse());
    expect(cdrIds(rowsOf(await get(callLogPathFor(WEEK_FROM, WEEK_TO, {}, '$top=5&$skip=5'))))).toEqual(
      cdrIds(oldest.slice(5, 10)),
    );
  });

  it('caps a report at the row cap: the count at the cap, the newest rows, nothing past them', async () => {
    const all = rowsOf(await get(callLogPathFor(WEEK_FROM, WEEK_TO, {}, '$count=true')));
    expect(all.length).toBeGreaterThan(1000);
    pbx.setRowCap(700);
    const capped = await get(callLogPathFor(WEEK_FROM, WEEK_TO, {}, '$count=true&$top=500'));
    expect(countOf(capped.json)).toBe(700);
    expect(cdrIds(rowsOf(capped))).toEqual(cdrIds(all.slice(0, 500)));
    const rest = await get(callLogPathFor(WEEK_FROM, WEEK_TO, {}, '$count=true&$top=500&$skip=500'));
    expect(cdrIds(rowsOf(rest))).toEqual(cdrIds(all.slice(500, 700)));
    expect(rowsOf(await get(callLogPathFor(WEEK_FROM, WEEK_TO, {}, '$skip=700')))).toEqual([]);
    // $orderby orders the capped rows; it does not reach past them.
    const ascending = rowsOf(await get(callLogPathFor(WEEK_FROM, WEEK_TO, {}, '$orderby=StartTime%20asc')));
    expect(cdrIds(ascending)).toEqual(cdrIds(all.slice(0, 700)).reverse());
    // A shorter window under the cap is whole.
    const day = rowsOf(await get(callLogPathFor('2026-11-13T00:00:00Z', '2026-11-13T11:59:59Z')));
    expect(day.length).toBeLessThan(700);
    pbx.setRowCap(undefined);
    expect(countOf((await get(callLogPathFor(WEEK_FROM, WEEK_TO, {}, '$count=true&$top=1'))).json)).toBe(
      all.length,
    );
  });

  it('moves the clock after the nth counted request when a fault says so', async () => {
    const path = callLogPathFor(TODAY_FROM, TODAY_TO, {}, '$count=true&$top=2');
    const first = await get(path);
    pbx.misbehave({ skip: 2, advanceClockMs: 3_600_000 });
    const secondPage = await get(callLogPathFor(TODAY_FROM, TODAY_TO, {}, '$count=true&$top=2&$skip=2'));
    expect(countOf(secondPage.json)).toBe(countOf(first.json));
    const again = await get(callLogPathFor(TODAY_FROM, TODAY_TO, {}, '$count=true&$top=2&$skip=2'));
    expect(Number(countOf(again.json))).toBeGreaterThan(Number(countOf(first.json)));
    // The rows moved down: the second page now holds rows newer than the first page's.
    expect(cdrIds(rowsOf(again))).not.toEqual(cdrIds(rowsOf(secondPage)));
  });
});

describe('demo PBX: a moving clock', () => {
  it('serves the calls of the last days up to the wall clock', async () => {
    const pbx = await startDemoPbx({ days: 2, callsPerDay: 400 });
    try {
      const token = await fetchToken(pbx);
      const from = new Date(Date.now() - 2 * 86_400_000).toISOString();
      const to = new Date(Date.now() + 86_400_000).toISOString();
      const rows = rowsOf(await getJson(pbx, callLogPathFor(from, to), token));
      expect(rows.length).toBeGreaterThan(0);
      const latest = Math.max(...rows.map((row) => Date.parse(String(row.StartTime))));
      expect(latest).toBeLessThanOrEqual(pbx.now().getTime());
    } finally {
      await pbx.close();
    }
  });
});
