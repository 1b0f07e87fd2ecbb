import { DateTime } from 'luxon';
import { previousWindow } from '../../src/core/previous-window';

const ZONE = 'Europe/Berlin';

/** A window from local times in Berlin, as `[from, to)`. */
function window(from: string, to: string, timeZone = ZONE) {
  return {
    from: DateTime.fromISO(from, { zone: timeZone }).toJSDate(),
    to: DateTime.fromISO(to, { zone: timeZone }).toJSDate(),
    timeZone,
  };
}

function local(instant: Date, timeZone = ZONE): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

function previous(from: string, to: string, timeZone = ZONE): [string, string] {
  const shifted = previousWindow(window(from, to, timeZone));
  expect(shifted.timeZone).toBe(timeZone);
  return [local(shifted.from, timeZone), local(shifted.to, timeZone)];
}

describe('previousWindow: the period a summary is compared with', () => {
  it('moves whole periods back by their own calendar unit', () => {
    expect(previous('2026-11-30', '2026-12-07')).toEqual(['2026-11-23T00:00', '2026-11-30T00:00']); // last week
    expect(previous('2026-11-01', '2026-12-01')).toEqual(['2026-10-01T00:00', '2026-11-01T00:00']); // last month (31 days before)
    expect(previous('2026-03-01', '2026-04-01')).toEqual(['2026-02-01T00:00', '2026-03-01T00:00']); // a 28-day February
    expect(previous('2026-11-01', '2026-11-16')).toEqual(['2026-10-17T00:00', '2026-11-01T00:00']); // nov 1 - nov 15
    expect(previous('2026-07-01', '2026-10-01')).toEqual(['2026-04-01T00:00', '2026-07-01T00:00']); // a quarter
    expect(previous('2026-12-06', '2026-12-07')).toEqual(['2026-12-05T00:00', '2026-12-06T00:00']); // yesterday
  });

  it('compares a period that runs until now with the same span of the one before', () => {
    expect(previous('2026-12-07', '2026-12-07T10:00')).toEqual(['2026-12-06T00:00', '2026-12-06T10:00']); // today
    expect(previous('2026-12-07', '2026-12-09T10:00')).toEqual(['2026-11-30T00:00', '2026-12-02T10:00']); // this week
    expect(previous('2026-12-01', '2026-12-09T10:00')).toEqual(['2026-11-01T00:00', '2026-11-09T10:00']); // this month
    expect(previous('2026-10-01', '2026-12-09T10:00')).toEqual(['2026-07-01T00:00', '2026-09-09T10:00']); // this quarter
    expect(previous('2026-01-01', '2026-12-09T10:00')).toEqual(['2025-01-01T00:00', '2025-12-09T10:00']); // this year
  });

  it('takes the span of equal length just before anything else', () => {
    expect(previous('2026-12-07T07:00', '2026-12-07T10:00')).toEqual([
      '2026-12-07T04:00',
      '2026-12-07T07:00',
    ]); // past 3 hours
    expect(previous('2026-11-03', '2026-12-07T10:00')).toEqual(['2026-09-29T15:00', '2026-11-03T00:00']); // since nov 3: 34 d 10 h of real time, across the change to winter time
  });

  it('keeps local clock times across a daylight-saving change', () => {
    // Berlin leaves summer time on Sun 25 Oct 2026: the week before is 1 hour longer.
    const shifted = previousWindow(window('2026-10-26', '2026-11-02'));
    expect(local(shifted.from)).toBe('2026-10-19T00:00');
    expect(shifted.to.getTime() - shifted.from.getTime()).toBe(7 * 86_400_000 + 3_600_000);
    expect(previous('2026-10-26', '2026-10-26T10:00')).toEqual(['2026-10-25T00:00', '2026-10-25T10:00']);
  });

  it('reads the days of another zone in that zone', () => {
    expect(previous('2026-11-01', '2026-12-01', 'America/New_York')).toEqual([
      '2026-10-01T00:00',
      '2026-11-01T00:00',
    ]);
    expect(previous('2026-11-02', '2026-11-02T10:00', 'America/New_York')).toEqual([
      '2026-11-01T00:00',
      '2026-11-01T10:00',
    ]);
  });
});
