import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { TrendUnit } from '../../src/core/answers';
import { countTrendBuckets, trendEdges } from '../../src/core/trend-edges';

function windowOf(from: string, to: string, timeZone: string) {
  return {
    from: DateTime.fromISO(from, { zone: timeZone }).toJSDate(),
    to: DateTime.fromISO(to, { zone: timeZone }).toJSDate(),
    timeZone,
  };
}

function isoEdges(
  window: ReturnType<typeof windowOf>,
  by: TrendUnit,
  weekStart: 'monday' | 'sunday' = 'monday',
) {
  return trendEdges(window, by, weekStart).map((edge) =>
    DateTime.fromJSDate(edge, { zone: window.timeZone }).toISO(),
  );
}

describe('trendEdges', () => {
  it('gives local midnights, with the 23- and 25-hour days of Berlin’s changes', () => {
    expect(isoEdges(windowOf('2026-03-28T12:00', '2026-03-30T00:00', 'Europe/Berlin'), 'day')).toEqual([
      '2026-03-28T12:00:00.000+01:00',
      '2026-03-29T00:00:00.000+01:00',
      '2026-03-30T00:00:00.000+02:00',
    ]);
    expect(isoEdges(windowOf('2026-10-25T00:00', '2026-10-27T00:00', 'Europe/Berlin'), 'day')).toEqual([
      '2026-10-25T00:00:00.000+02:00',
      '2026-10-26T00:00:00.000+01:00',
      '2026-10-27T00:00:00.000+01:00',
    ]);
  });

  it('starts weeks on WEEK_START', () => {
    const window = windowOf('2026-03-04T00:00', '2026-03-18T00:00', 'America/New_York');
    expect(isoEdges(window, 'week', 'monday')).toEqual([
      '2026-03-04T00:00:00.000-05:00',
      '2026-03-09T00:00:00.000-04:00',
      '2026-03-16T00:00:00.000-04:00',
      '2026-03-18T00:00:00.000-04:00',
    ]);
    expect(isoEdges(window, 'week', 'sunday')).toEqual([
      '2026-03-04T00:00:00.000-05:00',
      '2026-03-08T00:00:00.000-05:00',
      '2026-03-15T00:00:00.000-04:00',
      '2026-03-18T00:00:00.000-04:00',
    ]);
  });

  it('clips months to the window and makes no empty bucket at a window starting or ending on a boundary', () => {
    expect(isoEdges(windowOf('2025-12-01T00:00', '2026-12-01T00:00', 'Europe/Berlin'), 'month')).toHaveLength(
      13,
    );
    expect(isoEdges(windowOf('2026-01-31T10:00', '2026-03-01T00:00', 'Europe/Berlin'), 'month')).toEqual([
      '2026-01-31T10:00:00.000+01:00',
      '2026-02-01T00:00:00.000+01:00',
      '2026-03-01T00:00:00.000+01:00',
    ]);
  });

  it('starts a day without a midnight at its first instant (Santiago’s spring change at 00:00)', () => {
    expect(isoEdges(windowOf('2024-09-07T12:00', '2024-09-09T12:00', 'America/Santiago'), 'day')).toEqual([
      '2024-09-07T12:00:00.000-04:00',
      '2024-09-08T01:00:00.000-03:00',
      '2024-09-09T00:00:00.000-03:00',
      '2024-09-09T12:00:00.000-03:00',
    ]);
  });

  it('has no bucket for an empty window', () => {
    const window = windowOf('2026-03-04T00:00', '2026-03-04T00:00', 'Europe/Berlin');
    expect(trendEdges(window, 'day', 'monday')).toHaveLength(1);
    expect(countTrendBuckets(window, 'day', 'monday')).toBe(0);
  });
});

describe('countTrendBuckets', () => {
  it('counts the buckets trendEdges gives, in any zone, unit and window', () => {
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'America/Santiago',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'UTC',
    ];
    const start = Date.parse('2023-01-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom<TrendUnit>('day', 'week', 'month'),
        fc.constantFrom<'monday' | 'sunday'>('monday', 'sunday'),
        fc.integer({ min: 0, max: 3 * 365 * 24 * 4 }),
        fc.oneof(fc.integer({ min: 1, max: 400 * 24 * 4 }), fc.constantFrom(96, 7 * 96)),
        (zone, by, weekStart, fromQuarter, lengthQuarters) => {
          // Quarter hours, so that windows often start and end on a boundary.
          const window = {
            from: new Date(start + fromQuarter * 900_000),
            to: new Date(start + (fromQuarter + lengthQuarters) * 900_000),
            timeZone: zone,
          };
          const edges = trendEdges(window, by, weekStart).map((edge) => edge.getTime());
          expect(countTrendBuckets(window, by, weekStart)).toBe(edges.length - 1);
          expect(edges[0]).toBe(window.from.getTime());
          expect(edges.at(-1)).toBe(window.to.getTime());
          for (let index = 1; index < edges.length; index++)
            expect(edges[index]!).toBeGreaterThan(edges[index - 1]!);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('counts a quarter by day, two years by week and three years by month', () => {
    // Wed 1 Jan 2025 – Fri 1 Jan 2027: a partial week, Mondays 6 Jan 2025 … 28 Dec 2026 (104), so 105.
    expect(
      countTrendBuckets(windowOf('2026-08-01T00:00', '2026-11-01T00:00', 'Europe/Berlin'), 'day', 'monday'),
    ).toBe(92);
    expect(
      countTrendBuckets(windowOf('2025-01-01T00:00', '2027-01-01T00:00', 'Europe/Berlin'), 'week', 'monday'),
    ).toBe(105);
    expect(
      countTrendBuckets(windowOf('2024-01-01T00:00', '2027-01-01T00:00', 'Europe/Berlin'), 'month', 'monday'),
    ).toBe(36);
  });

  it('refuses an unknown zone', () => {
    expect(() =>
      countTrendBuckets({ from: new Date(0), to: new Date(1), timeZone: 'Mars/Olympus' }, 'day', 'monday'),
    ).toThrow(RangeError);
  });
});
