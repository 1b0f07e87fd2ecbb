import { request } from 'undici';
import type { RawCallLogRow } from '../../src/core/call-log-source';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { callLogPathFor, DEMO_NOW, fetchToken, getJson, type Row, rowsOf } from './demo-pbx-client';

/** Invented rows shaped like real V20 ones: CallId/SegmentId 1 everywhere, 6-decimal durations. */
function leg(call: string, cdr: string, start: string, extra: Partial<RawCallLogRow> = {}): RawCallLogRow {
  return {
    CdrId: cdr,
    CallHistoryId: `${call}-h`,
    MainCallHistoryId: call,
    CallId: 1,
    SegmentId: 1,
    StartTime: start,
    SourceDn: '10000',
    DestinationDn: '101',
    RingingDuration: 'PT5.000000S',
    TalkingDuration: 'PT1M0.000000S',
    Answered: true,
    CallType: 'Extension',
    ...extra,
  };
}
const ROWS: RawCallLogRow[] = [
  leg('a', 'a1', '2026-11-20T09:00:00.100000Z', { CallType: 'Digital Receptionist' }),
  leg('a', 'a2', '2026-11-20T09:00:10.100000Z'),
  leg('b', 'b1', '2026-11-20T10:00:00.000000Z', { Answered: false, TalkingDuration: 'PT0S' }),
  // Over at 11:58:05 + 5 s ringing + 1 min talking = 11:59:10 (the other leg talks -0.5 s: 0).
  leg('c', 'c1', '2026-11-20T11:58:05.000000Z'),
  leg('c', 'c2', '2026-11-20T11:58:05.000000Z', { DestinationDn: '102', TalkingDuration: 'PT-0.5S' }),
];
const FROM = '2026-11-20T00:00:00Z';
const TO = '2026-11-20T23:59:59Z';
const ids = (rows: Row[]) => rows.map((row) => row.CdrId);

describe('demo PBX: serving rows a test chose', () => {
  let pbx: DemoPbx;
  let token: string;
  beforeEach(async () => {
    pbx = await startDemoPbx({ now: DEMO_NOW, days: 3 });
    token = await fetchToken(pbx);
    pbx.serveRows(ROWS);
  });
  afterEach(async () => {
    await pbx.close();
  });
  const get = (path: string) => getJson(pbx, path, token);

  it('serves them as given, newest first, counted, within the period', async () => {
    const answer = await get(callLogPathFor(FROM, TO, {}, '$count=true'));
    expect((answer.json as Record<string, unknown>)['@odata.count']).toBe(5);
    // Rows at the same instant keep the fixture's order, reversed with the rest.
    expect(ids(rowsOf(answer))).toEqual(['c2', 'c1', 'b1', 'a2', 'a1']);
    expect(rowsOf(answer)[4]).toEqual(ROWS[0]);
    expect(rowsOf(await get(callLogPathFor('2026-11-20T09:30:00Z', TO)))).toHaveLength(3);
    expect(rowsOf(await get(callLogPathFor('2026-11-21T00:00:00Z', '2026-11-22T00:00:00Z')))).toEqual([]);
  });

  it('pages, orders, caps pages and reports, selects and filters like generated rows', async () => {
    pbx.setPageCap(2);
    const pages = [0, 2, 4, 6].map((skip) => get(callLogPathFor(FROM, TO, {}, `$skip=${skip}&$count=true`)));
    expect((await Promise.all(pages)).map((page) => ids(rowsOf(page)))).toEqual([
      ['c2', 'c1'],
      ['b1', 'a2'],
      ['a1'],
      [],
    ]);
    pbx.setRowOrder('oldest-first');
    expect(ids(rowsOf(await get(callLogPathFor(FROM, TO))))).toEqual(['a1', 'a2']);
    pbx.setPageCap(undefined);
    pbx.setRowCap(3);
    const capped = await get(callLogPathFor(FROM, TO, {}, '$count=true'));
    expect((capped.json as Record<string, unknown>)['@odata.count']).toBe(3);
    expect(ids(rowsOf(capped))).toEqual(['a1', 'a2', 'b1']);
    pbx.setRowCap(undefined);
    expect(rowsOf(await get(callLogPathFor(FROM, TO, {}, '$select=CdrId,CallId&$top=1')))).toEqual([
      { CdrId: 'a1', CallId: 1 },
    ]);
    // callsType 2 (unanswered calls) works per call: b has no answered person leg.
    expect(ids(rowsOf(await get(callLogPathFor(FROM, TO, { callsType: '2' }))))).toEqual(['b1']);
    expect(
      ids(rowsOf(await get(callLogPathFor(FROM, TO, {}, '$filter=DestinationDn%20eq%20%27102%27')))),
    ).toEqual(['c2']);
  });

  it('serves a call once it is over by the clock, and the generated calls again on request', async () => {
    pbx.setNow(new Date('2026-11-20T11:58:30Z'));
    expect(ids(rowsOf(await get(callLogPathFor(FROM, TO))))).toEqual(['b1', 'a2', 'a1']);
    pbx.misbehave({ skip: 2, advanceClockMs: 60_000 });
    await get(callLogPathFor(FROM, TO, {}, '$top=2'));
    const second = await get(callLogPathFor(FROM, TO, {}, '$top=2&$skip=2&$count=true'));
    // Answered as of before the move: a1 alone; from then on call c is in the log.
    expect(ids(rowsOf(second))).toEqual(['a1']);
    const again = await get(callLogPathFor(FROM, TO, {}, '$top=2&$skip=2&$count=true'));
    expect((again.json as Record<string, unknown>)['@odata.count']).toBe(5);
    expect(ids(rowsOf(again))).toEqual(['b1', 'a2']);
    pbx.serveRows(undefined);
    expect(rowsOf(await get(callLogPathFor(FROM, TO))).length).toBeGreaterThan(50);
  });

  it('answers a 504 on the second page of a window only', async () => {
    pbx.setPageCap(2);
    pbx.misbehave({ skip: 2, status: 504 });
    const empty = await get(callLogPathFor('2026-11-19T00:00:00Z', '2026-11-19T23:59:59Z'));
    expect(empty.status).toBe(200);
    expect((await get(callLogPathFor(FROM, TO))).status).toBe(200);
    expect((await get(callLogPathFor(FROM, TO, {}, '$skip=2'))).status).toBe(504);
    expect((await get(callLogPathFor(FROM, TO, {}, '$skip=2'))).status).toBe(200);
  });

  it('sends an oversized answer of the size asked, padded or nested, and one that never ends', async () => {
    const path = callLogPathFor(FROM, TO);
    pbx.misbehave({ oversizedBytes: 3_000_000 });
    const padded = await get(path);
    expect([padded.status, Buffer.byteLength(padded.text)]).toEqual([200, 3_000_000]);
    expect(ids(rowsOf(padded))).toEqual(['c2', 'c1', 'b1', 'a2', 'a1']);
    pbx.misbehave({ endpoint: 'users', oversizedBytes: 1_000_001, oversizedShape: 'nested' });
    const nested = await getJson(pbx, '/xapi/v1/Users', token);
    expect(nested.text.length).toBe(1_000_001);
    expect(nested.text.startsWith('{"value":[[[[')).toBe(true);
    pbx.misbehave({ endlessBody: true });
    const endless = await request(`${pbx.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(endless.statusCode).toBe(200);
    expect(endless.headers['content-length']).toBeUndefined();
    let received = 0;
    for await (const chunk of endless.body) {
      received += (chunk as Buffer).length;
      if (received > 20_000_000) break;
    }
    expect(received).toBeGreaterThan(20_000_000);
    expect((await get(path)).status).toBe(200);
  });
});
