import { DateTime } from 'luxon';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { callLogPathFor, DEMO_NOW, fetchToken, getJson, type Row, rowsOf } from './demo-pbx-client';

/**
 * callTimeFilterType=1 as the demo reads it: the call's start time of day, in the company's zone,
 * within [callTimeFilterFrom, callTimeFilterTo). A zone far from UTC, over a period that crosses
 * its DST change (New York leaves DST on 1 Nov 2026), so that neither UTC nor one fixed offset
 * would pass.
 */
const ZONE = 'America/New_York';
const FROM = '2026-10-26T00:00:00Z';
const TO = '2026-11-06T23:59:59.999Z';
/** Earlier rows too, so that a call's first leg is seen even when the period cuts it. */
const LOOK_BACK = '2026-10-25T00:00:00Z';

const timeFilter = (from: string, to: string, code = '1') => ({
  callTimeFilterType: code,
  callTimeFilterFrom: `'${from}'`,
  callTimeFilterTo: `'${to}'`,
});

describe('demo PBX: callTimeFilterType=1 (start time of day in the company zone)', () => {
  let pbx: DemoPbx;
  let token: string;
  /** MainCallHistoryId -> the call's start (its earliest leg) as local seconds after midnight. */
  const callStarts = new Map<unknown, number>();
  let periodRows: Row[];

  beforeAll(async () => {
    pbx = await startDemoPbx({ now: DEMO_NOW, days: 40, timeZone: ZONE });
    token = await fetchToken(pbx);
    const starts = new Map<unknown, number>();
    for (const row of pbx.rowsBetween(new Date(LOOK_BACK), new Date(TO))) {
      const ms = Date.parse(String(row.StartTime));
      starts.set(row.MainCallHistoryId, Math.min(starts.get(row.MainCallHistoryId) ?? ms, ms));
    }
    for (const [id, ms] of starts) {
      const local = DateTime.fromMillis(ms, { zone: ZONE });
      callStarts.set(id, local.hour * 3600 + local.minute * 60 + local.second + local.millisecond / 1000);
    }
    periodRows = pbx.rowsBetween(new Date(FROM), new Date(TO));
  });

  afterAll(async () => {
    await pbx.close();
  });

  const served = async (overrides: Record<string, string>) => {
    const answer = await getJson(pbx, callLogPathFor(FROM, TO, overrides, '$count=true'), token);
    expect(answer.status).toBe(200);
    const rows = rowsOf(answer);
    expect((answer.json as Record<string, unknown>)['@odata.count']).toBe(rows.length);
    return rows;
  };
  const cdrIds = (rows: Row[]) => rows.map((row) => row.CdrId);
  /** The period's rows whose call starts (local time of day, in seconds) where `keep` says. */
  const expectedRows = (keep: (second: number) => boolean) =>
    periodRows.filter((row) => keep(callStarts.get(row.MainCallHistoryId)!));

  it('serves every leg of exactly the calls starting 9:00–17:00 local, and no other', async () => {
    const rows = await served(timeFilter('9:00:00', '17:00:00'));
    const expected = expectedRows((second) => second >= 9 * 3600 && second < 17 * 3600);
    expect(cdrIds(rows)).toEqual(cdrIds(expected));
    // Not vacuous: office hours hold most calls, and some calls start outside them.
    expect(rows.length).toBeGreaterThan(periodRows.length / 2);
    expect(rows.length).toBeLessThan(periodRows.length);
    // Read in UTC, 9–17 New York time would be another set of calls.
    const utcHours = periodRows.filter((row) => {
      const hour = new Date(String(row.StartTime)).getUTCHours();
      return hour >= 9 && hour < 17;
    });
    expect(cdrIds(rows)).not.toEqual(cdrIds(utcHours));
  });

  it('reads from inclusive and to exclusive, to the second (H:MM and fractions too)', async () => {
    const rows = await served(timeFilter('10:30', '11:15:30.5'));
    const expected = expectedRows((second) => second >= 10.5 * 3600 && second < 11 * 3600 + 15 * 60 + 30.5);
    expect(expected.length).toBeGreaterThan(0);
    expect(cdrIds(rows)).toEqual(cdrIds(expected));
  });

  it('runs past midnight when from is after to: 22:00–6:00 and 6:00–22:00 split the calls', async () => {
    const night = await served(timeFilter('22:00:00', '6:00:00'));
    const day = await served(timeFilter('6:00:00', '22:00:00'));
    expect(cdrIds(night)).toEqual(cdrIds(expectedRows((second) => second >= 22 * 3600 || second < 6 * 3600)));
    expect(night.length).toBeGreaterThan(0);
    expect(night.length + day.length).toBe(periodRows.length);
  });

  it('keeps every call with equal times, and ignores the times under other codes', async () => {
    expect(cdrIds(await served(timeFilter('0:00:0', '0:00:0')))).toEqual(cdrIds(periodRows));
    expect(cdrIds(await served(timeFilter('9:00:00', '17:00:00', '2')))).toEqual(cdrIds(periodRows));
  });

  it('pages and orders the filtered calls like any other filter', async () => {
    const all = await served(timeFilter('9:00:00', '17:00:00'));
    const answer = await getJson(
      pbx,
      callLogPathFor(
        FROM,
        TO,
        timeFilter('9:00:00', '17:00:00'),
        '$top=25&$skip=40&$count=true&$orderby=StartTime%20desc',
      ),
      token,
    );
    expect((answer.json as Record<string, unknown>)['@odata.count']).toBe(all.length);
    expect(cdrIds(rowsOf(answer))).toEqual(cdrIds(all.slice(40, 65)));
  });

  it('refuses a time that is not a time of day with 500, as 3CX refuses a bad value', async () => {
    const answer = await getJson(pbx, callLogPathFor(FROM, TO, timeFilter('25:00:00', '17:00:00')), token);
    expect(answer.status).toBe(500);
    expect(answer.text).toContain(
      "The value '25:00:00' of parameter 'callTimeFilterFrom' is not a valid time of day.",
    );
  });
});
