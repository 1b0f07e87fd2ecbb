import { DateTime } from 'luxon';
import type { CallLeg } from '../../src/core/call-leg';
import { buildReport } from '../../src/report/report-builder';
import { at, BASE_MS, buildLeg } from '../helpers/build-leg';
import { ivrQueueAgentCall, ivrQueueMissedCall } from './call-scenarios';
import { berlinWeek, directory, reportOf, shuffled } from './report-fixtures';

const FROM_MS = berlinWeek.from.getTime();
const TO_MS = berlinWeek.to.getTime();

function dayWindow(isoDay: string, timeZone: string) {
  const start = DateTime.fromISO(isoDay, { zone: timeZone });
  return { from: start.toJSDate(), to: start.plus({ days: 1 }).toJSDate(), timeZone };
}

describe('ReportBuilder: the window', () => {
  it('states the window in the zone with milliseconds and offset', async () => {
    const report = await reportOf([]);
    expect(report.window).toEqual({
      from: '2026-11-16T00:00:00.000+01:00',
      to: '2026-11-23T00:00:00.000+01:00',
      timeZone: 'Europe/Berlin',
    });
    expect(report.byHour).toEqual(new Array(24).fill(0));
  });

  it('includes a call iff its first leg starts in [from, to)', async () => {
    const report = await reportOf([
      buildLeg({ callKey: 'at-from', startMs: FROM_MS }),
      buildLeg({ callKey: 'before-from', startMs: FROM_MS - 1 }),
      buildLeg({ callKey: 'last-ms', startMs: TO_MS - 1 }),
      buildLeg({ callKey: 'at-to', startMs: TO_MS }),
    ]);
    expect(report.totals.calls).toBe(2);
  });

  it('leaves out a call that began before the window, with its later legs, in any order', async () => {
    const early = [
      buildLeg({
        callKey: 'early',
        segmentId: 1,
        startMs: FROM_MS - 600_000,
        status: 'Unanswered',
        answered: false,
      }),
      buildLeg({
        callKey: 'early',
        segmentId: 2,
        startMs: FROM_MS + 300_000,
        destinationDn: '102',
        talkingSeconds: 500,
      }),
    ];
    for (const legs of [early, [...early].reverse()]) {
      const report = await reportOf(legs);
      expect(report.totals.calls).toBe(0);
      expect(report.byExtension).toEqual([]);
    }
  });

  it('includes a call that began in the window whole, with legs after its end', async () => {
    const legs = [
      buildLeg({
        callKey: 'late',
        segmentId: 2,
        startMs: TO_MS + 1_800_000,
        destinationDn: '102',
        talkingSeconds: 40,
      }),
      buildLeg({ callKey: 'late', segmentId: 1, startMs: TO_MS - 60_000, talkingSeconds: 1700 }),
    ];
    const report = await reportOf(legs);
    expect(report.totals).toMatchObject({ calls: 1, talkSeconds: 1740 });
    expect(report.byExtension.map((row) => row.extension)).toEqual(['101', '102']);
    expect(report.byHour[23]).toBe(1);
  });

  it('gives the same report whatever order the legs come in', async () => {
    const legs: CallLeg[] = [
      ...ivrQueueAgentCall('6f1c0000-0000-4000-8000-00000000000a', 0),
      ...ivrQueueMissedCall('6f1c0000-0000-4000-8000-00000000000b', 0),
      ...ivrQueueAgentCall('6f1c0000-0000-4000-8000-00000000000c', 7200),
      buildLeg({ callKey: 'pre', segmentId: 1, startMs: FROM_MS - 5_000 }),
      buildLeg({ callKey: 'pre', segmentId: 2, startMs: FROM_MS + 5_000, destinationDn: '103' }),
      buildLeg({ callKey: 'xfer', segmentId: 1, startMs: at(50), talkingSeconds: 30.25 }),
      buildLeg({
        callKey: 'xfer',
        segmentId: 2,
        startMs: at(84.25),
        destinationDn: '102',
        talkingSeconds: 45.25,
      }),
      buildLeg({
        callKey: 'old',
        segmentId: 0,
        startMs: at(900),
        destinationDn: '800',
        legType: 'Queue',
        answered: false,
        status: 'Waiting',
        ringingSeconds: 12,
        talkingSeconds: 0,
      }),
      buildLeg({
        callKey: 'old',
        segmentId: 0,
        startMs: at(900),
        destinationDn: '102',
        answered: false,
        status: 'Unanswered',
        ringingSeconds: 9,
        talkingSeconds: 0,
      }),
    ];
    const options = { includeCalls: true };
    const expected = await reportOf(legs, options);
    expect(expected.totals).toMatchObject({ calls: 5, answered: 3, missed: 2 });
    // Legs sharing start and segment (old builds): the longer one is both first and last.
    expect(expected.missedCalls.map((call) => [call.to, call.waitSeconds])).toEqual([
      ['800', 12],
      ['101', 42],
    ]);
    for (const seed of [1, 2, 3, 42, 1234]) {
      expect(await reportOf(shuffled(legs, seed), options)).toEqual(expected);
    }
  });

  it('accepts an async stream of legs', async () => {
    async function* stream() {
      yield* ivrQueueAgentCall();
    }
    const report = await buildReport(stream(), {
      window: berlinWeek,
      filters: { extensions: [], queues: [], numbers: [], directions: [], status: null },
      directory,
      serviceLevelSeconds: 20,
      includeCalls: false,
    });
    expect(report.totals).toMatchObject({ calls: 1, answered: 1, talkSeconds: 193 });
  });

  it('treats GUID call keys that differ only in case as one call', async () => {
    const report = await reportOf([
      buildLeg({ callKey: '6F1C0000-AAAA-4000-8000-0000000000FF', segmentId: 1, talkingSeconds: 10 }),
      buildLeg({
        callKey: '6f1c0000-aaaa-4000-8000-0000000000ff',
        segmentId: 2,
        startMs: at(20),
        talkingSeconds: 5,
      }),
    ]);
    expect(report.totals).toMatchObject({ calls: 1, talkSeconds: 15 });
  });
});

describe('ReportBuilder: byHour', () => {
  it('counts by local hour in a zone with a half-hour offset (Asia/Kolkata)', async () => {
    const window = dayWindow('2026-11-17', 'Asia/Kolkata');
    const startsUtc = [
      '2026-11-16T18:29:59Z',
      '2026-11-16T18:30:00Z',
      '2026-11-16T19:29:59Z',
      '2026-11-16T19:30:00Z',
      '2026-11-17T18:29:59Z',
    ];
    const legs = startsUtc.map((iso, index) => buildLeg({ callKey: `k${index}`, startMs: Date.parse(iso) }));
    const report = await reportOf(legs, { window, includeCalls: true });
    expect(report.window).toEqual({
      from: '2026-11-17T00:00:00.000+05:30',
      to: '2026-11-18T00:00:00.000+05:30',
      timeZone: 'Asia/Kolkata',
    });
    const expected = new Array(24).fill(0);
    expected[0] = 2;
    expected[1] = 1;
    expected[23] = 1;
    expect(report.byHour).toEqual(expected);
    expect(report.calls!.map((call) => call.start)).toEqual([
      '2026-11-17T23:59:59.000+05:30',
      '2026-11-17T01:00:00.000+05:30',
      '2026-11-17T00:59:59.000+05:30',
      '2026-11-17T00:00:00.000+05:30',
    ]);
  });

  it('counts the repeated hour twice on the 25-hour day when summer time ends (Europe/Berlin)', async () => {
    const window = dayWindow('2026-10-25', 'Europe/Berlin');
    const startsUtc = [
      '2026-10-24T22:00:00Z',
      '2026-10-25T00:30:00Z',
      '2026-10-25T01:30:00Z',
      '2026-10-25T22:59:59.999Z',
      '2026-10-25T23:00:00Z',
    ];
    const legs = startsUtc.map((iso, index) => buildLeg({ callKey: `k${index}`, startMs: Date.parse(iso) }));
    const report = await reportOf(legs, { window, includeCalls: true });
    expect(report.window.to).toBe('2026-10-26T00:00:00.000+01:00');
    const expected = new Array(24).fill(0);
    expected[0] = 1;
    expected[2] = 2;
    expected[23] = 1;
    expect(report.byHour).toEqual(expected);
    expect(report.calls!.map((call) => call.start)).toEqual([
      '2026-10-25T23:59:59.999+01:00',
      '2026-10-25T02:30:00.000+01:00',
      '2026-10-25T02:30:00.000+02:00',
      '2026-10-25T00:00:00.000+02:00',
    ]);
  });

  it('skips the missing hour on the 23-hour day when summer time starts', async () => {
    const window = dayWindow('2026-03-29', 'Europe/Berlin');
    const startsUtc = ['2026-03-29T00:59:59Z', '2026-03-29T01:00:00Z', '2026-03-29T21:59:00Z'];
    const legs = startsUtc.map((iso, index) => buildLeg({ callKey: `k${index}`, startMs: Date.parse(iso) }));
    const report = await reportOf(legs, { window });
    expect(report.window).toMatchObject({
      from: '2026-03-29T00:00:00.000+01:00',
      to: '2026-03-30T00:00:00.000+02:00',
    });
    const expected = new Array(24).fill(0);
    expected[1] = 1;
    expected[3] = 1;
    expected[23] = 1;
    expect(report.byHour).toEqual(expected);
  });

  it('writes UTC as luxon does: "Z" for the UTC zone, "+00:00" for Europe/London', async () => {
    const legs = [buildLeg({ startMs: BASE_MS })];
    const utc = await reportOf(legs, { window: { ...berlinWeek, timeZone: 'UTC' }, includeCalls: true });
    expect(utc.calls![0]!.start).toBe('2026-11-17T08:00:00.000Z');
    expect(utc.window.from).toBe('2026-11-15T23:00:00.000Z');
    expect(utc.byHour[8]).toBe(1);
    const london = await reportOf(legs, {
      window: { ...berlinWeek, timeZone: 'Europe/London' },
      includeCalls: true,
    });
    expect(london.calls![0]!.start).toBe('2026-11-17T08:00:00.000+00:00');
  });

  it('rejects an unknown zone', async () => {
    await expect(reportOf([], { window: { ...berlinWeek, timeZone: 'Mars/Olympus' } })).rejects.toThrow(
      'Unknown time zone: Mars/Olympus',
    );
  });
});
