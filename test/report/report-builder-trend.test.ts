import type { TimeWindow } from '../../src/core/time-window';
import { countTrendBuckets, trendEdges } from '../../src/core/trend-edges';
import { buildLeg } from '../helpers/build-leg';
import { reportOf } from './report-fixtures';

/** An inbound call at `iso`: answered after `waitSeconds` of ringing, or (null) missed after 30 s. */
function callAt(callKey: string, iso: string, waitSeconds: number | null) {
  const answered = waitSeconds !== null;
  return buildLeg({
    callKey,
    startMs: Date.parse(iso),
    status: answered ? 'Answered' : 'Unanswered',
    answered,
    ringingSeconds: waitSeconds ?? 30,
    talkingSeconds: answered ? 60 : 0,
  });
}

async function trendOf(legs: ReturnType<typeof callAt>[], window: TimeWindow, by: 'day' | 'week' | 'month') {
  const edgesMs = trendEdges(window, by, 'monday').map((edge) => edge.getTime());
  const report = await reportOf(legs, { window, trend: { by, edgesMs } });
  return report.trend!;
}

describe('ReportBuilder: trends', () => {
  it('counts each call in the local day it starts, over a 25-hour day when Berlin leaves summer time', async () => {
    const window = {
      from: new Date('2026-10-23T22:00:00.000Z'),
      to: new Date('2026-10-26T23:00:00.000Z'),
      timeZone: 'Europe/Berlin',
    };
    const trend = await trendOf(
      [
        callAt('a', '2026-10-24T21:59:59.000Z', 5), // Sat 23:59:59 +02:00
        callAt('b', '2026-10-24T22:30:00.000Z', 10), // Sun 00:30 +02:00
        callAt('c', '2026-10-25T22:59:00.000Z', 30), // Sun 23:59 +01:00, the 25th hour of the day
        callAt('d', '2026-10-25T23:00:00.000Z', null), // Mon 00:00 +01:00
      ],
      window,
      'day',
    );
    expect(trend).toEqual({
      by: 'day',
      buckets: [
        {
          from: '2026-10-24T00:00:00.000+02:00',
          to: '2026-10-25T00:00:00.000+02:00',
          calls: 1,
          answered: 1,
          missed: 0,
          serviceLevelPercent: 100,
          avgWaitSeconds: 5,
        },
        {
          from: '2026-10-25T00:00:00.000+02:00',
          to: '2026-10-26T00:00:00.000+01:00',
          calls: 2,
          answered: 2,
          missed: 0,
          serviceLevelPercent: 50,
          avgWaitSeconds: 20,
        },
        {
          from: '2026-10-26T00:00:00.000+01:00',
          to: '2026-10-27T00:00:00.000+01:00',
          calls: 1,
          answered: 0,
          missed: 1,
          serviceLevelPercent: 0,
          avgWaitSeconds: 0,
        },
      ],
    });
  });

  it('clips the first and last weeks to the window, across New York’s spring change', async () => {
    // Wed 4 – Wed 18 Mar 2026 in New York; summer time from Sun 8 Mar 02:00.
    const window = {
      from: new Date('2026-03-04T05:00:00.000Z'),
      to: new Date('2026-03-18T04:00:00.000Z'),
      timeZone: 'America/New_York',
    };
    const trend = await trendOf(
      // Sun 8 Mar 23:30 and Mon 9 Mar 00:30 EDT: a week boundary at 00:00 EST would put both in week 1.
      [callAt('a', '2026-03-09T03:30:00.000Z', 8), callAt('b', '2026-03-09T04:30:00.000Z', 8)],
      window,
      'week',
    );
    expect(trend.buckets.map((bucket) => [bucket.from, bucket.to, bucket.calls])).toEqual([
      ['2026-03-04T00:00:00.000-05:00', '2026-03-09T00:00:00.000-04:00', 1],
      ['2026-03-09T00:00:00.000-04:00', '2026-03-16T00:00:00.000-04:00', 1],
      ['2026-03-16T00:00:00.000-04:00', '2026-03-18T00:00:00.000-04:00', 0],
    ]);
  });

  it('gives a bucket per month, zeros where there were no calls', async () => {
    const window = {
      from: new Date('2026-09-14T22:00:00.000Z'),
      to: new Date('2026-11-23T23:00:00.000Z'),
      timeZone: 'Europe/Berlin',
    };
    const trend = await trendOf([callAt('a', '2026-11-17T08:00:00.000Z', 3)], window, 'month');
    expect(
      trend.buckets.map((bucket) => [bucket.from, bucket.to, bucket.calls, bucket.avgWaitSeconds]),
    ).toEqual([
      ['2026-09-15T00:00:00.000+02:00', '2026-10-01T00:00:00.000+02:00', 0, 0],
      ['2026-10-01T00:00:00.000+02:00', '2026-11-01T00:00:00.000+01:00', 0, 0],
      ['2026-11-01T00:00:00.000+01:00', '2026-11-24T00:00:00.000+01:00', 1, 3],
    ]);
    expect(countTrendBuckets(window, 'month', 'monday')).toBe(3);
  });

  it('is absent unless asked for, and covers the calls the filters keep', async () => {
    const window = {
      from: new Date('2026-11-16T23:00:00.000Z'),
      to: new Date('2026-11-17T23:00:00.000Z'),
      timeZone: 'Europe/Berlin',
    };
    const legs = [callAt('a', '2026-11-17T08:00:00.000Z', 3), callAt('b', '2026-11-17T09:00:00.000Z', null)];
    expect(await reportOf(legs, { window })).not.toHaveProperty('trend');
    const edgesMs = trendEdges(window, 'day', 'monday').map((edge) => edge.getTime());
    const missed = await reportOf(legs, {
      window,
      trend: { by: 'day', edgesMs },
      filters: { status: 'missed' },
    });
    expect(missed.trend?.buckets.map((bucket) => [bucket.calls, bucket.missed])).toEqual([[1, 1]]);
  });
});
