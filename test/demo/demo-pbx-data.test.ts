import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { callLogPathFor, DEMO_NOW, fetchToken, getJson, type Row, rowsOf } from './demo-pbx-client';

/** Distinct calls (MainCallHistoryId) whose first row lies in the list. */
function countCalls(rows: Row[]): number {
  return new Set(rows.map((row) => row.MainCallHistoryId)).size;
}

describe('demo PBX: generated data over HTTP', () => {
  const started: DemoPbx[] = [];
  const start = async (options: Parameters<typeof startDemoPbx>[0]) => {
    const pbx = await startDemoPbx(options);
    started.push(pbx);
    return pbx;
  };

  afterAll(async () => {
    await Promise.all(started.map((pbx) => pbx.close()));
  });

  it('serves identical rows from two servers with the same seed and now, other rows for another seed', async () => {
    const path = callLogPathFor('2026-11-18T00:00:00Z', '2026-11-18T23:59:59Z');
    const texts: string[] = [];
    for (const seed of [42, 42, 43]) {
      const pbx = await start({ seed, now: DEMO_NOW, days: 5 });
      const answer = await getJson(pbx, path, await fetchToken(pbx));
      texts.push(JSON.stringify(rowsOf(answer)));
    }
    expect(texts[0]!.length).toBeGreaterThan(10_000);
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).not.toBe(texts[0]);
  });

  it('holds calls starting in [now - days, now) only', async () => {
    const pbx = await start({ now: DEMO_NOW, days: 3 });
    const everything = pbx.rowsBetween(new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'));
    const firstStarts = new Map<unknown, number>();
    for (const row of everything) {
      const startMs = Date.parse(String(row.StartTime));
      firstStarts.set(
        row.MainCallHistoryId,
        Math.min(firstStarts.get(row.MainCallHistoryId) ?? startMs, startMs),
      );
    }
    const starts = [...firstStarts.values()];
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(DEMO_NOW.getTime() - 3 * 86_400_000);
    expect(Math.max(...starts)).toBeLessThan(DEMO_NOW.getTime());
    expect(starts.length).toBeGreaterThan(300);
  });

  it('serves over HTTP exactly what rowsBetween says, across several days', async () => {
    const pbx = await start({ now: DEMO_NOW, days: 10, callsPerDay: 60 });
    const token = await fetchToken(pbx);
    const from = '2026-11-12T10:00:00Z';
    const to = '2026-11-19T16:30:00Z';
    const expected = pbx.rowsBetween(new Date(from), new Date(to));
    const answer = await getJson(pbx, callLogPathFor(from, to, {}, '$count=true'), token);
    expect(rowsOf(answer)).toEqual(expected);
    expect((answer.json as Record<string, unknown>)['@odata.count']).toBe(expected.length);
    const paged: Row[] = [];
    for (let skip = 0; ; skip += 250) {
      const page = rowsOf(await getJson(pbx, callLogPathFor(from, to, {}, `$top=250&$skip=${skip}`), token));
      if (page.length === 0) break;
      paged.push(...page);
    }
    expect(paged.map((row) => row.CdrId)).toEqual(expected.map((row) => row.CdrId));
  });

  it('has quieter weekends than weekdays', async () => {
    const pbx = await start({ now: DEMO_NOW, days: 14 });
    const callsOn = (date: string) =>
      countCalls(pbx.rowsBetween(new Date(`${date}T00:00:00Z`), new Date(`${date}T23:59:59.999Z`)));
    const weekdays = ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-16'].map(
      callsOn,
    );
    const weekends = ['2026-11-07', '2026-11-08', '2026-11-14', '2026-11-15'].map(callsOn);
    expect(Math.min(...weekdays)).toBeGreaterThan(100);
    expect(Math.max(...weekends)).toBeLessThan(Math.min(...weekdays) * 0.3);
  });

  it('serves a 2,000 calls/day weekday page by page', async () => {
    const pbx = await start({ now: DEMO_NOW, days: 4, callsPerDay: 2000 });
    const token = await fetchToken(pbx);
    const path = (query: string) =>
      callLogPathFor('2026-11-18T00:00:00Z', '2026-11-18T23:59:59.999Z', {}, query);
    const first = await getJson(pbx, path('$top=1000&$skip=0&$count=true'), token);
    const total = (first.json as Record<string, number>)['@odata.count']!;
    expect(total).toBeGreaterThan(4000);
    let served = rowsOf(first).length;
    const callIds = new Set(rowsOf(first).map((row) => row.MainCallHistoryId));
    for (let skip = 1000; skip < total; skip += 1000) {
      const page = rowsOf(await getJson(pbx, path(`$top=1000&$skip=${skip}`), token));
      served += page.length;
      for (const row of page) callIds.add(row.MainCallHistoryId);
    }
    expect(served).toBe(total);
    expect(callIds.size).toBeGreaterThan(1700);
  });
});
