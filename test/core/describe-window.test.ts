import { DateTime } from 'luxon';
import { describeWindow } from '../../src/core/describe-window';

function window(from: string, to: string, timeZone = 'Europe/Berlin') {
  const at = (local: string) => DateTime.fromISO(local, { zone: timeZone }).toJSDate();
  return { from: at(from), to: at(to), timeZone };
}

describe('describeWindow', () => {
  test.each([
    // Whole days: both ends at local midnight.
    ['2026-11-22T00:00', '2026-11-23T00:00', 'Sun 22 Nov 2026 (Europe/Berlin)'],
    ['2026-11-16T00:00', '2026-11-23T00:00', 'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)'],
    ['2026-11-30T00:00', '2026-12-07T00:00', 'Mon 30 Nov – Sun 6 Dec 2026 (Europe/Berlin)'],
    ['2026-12-31T00:00', '2027-01-02T00:00', 'Thu 31 Dec 2026 – Fri 1 Jan 2027 (Europe/Berlin)'],
    ['2026-10-01T00:00', '2026-11-01T00:00', 'Thu 1 – Sat 31 Oct 2026 (Europe/Berlin)'],
    ['2025-10-14T00:00', '2026-11-18T00:00', 'Tue 14 Oct 2025 – Tue 17 Nov 2026 (Europe/Berlin)'],
    ['2026-09-01T00:00', '2026-10-01T00:00', 'Tue 1 – Wed 30 Sep 2026 (Europe/Berlin)'],
    // A 23-hour and a 25-hour day are still one day each.
    ['2026-03-29T00:00', '2026-03-30T00:00', 'Sun 29 Mar 2026 (Europe/Berlin)'],
    ['2026-10-25T00:00', '2026-10-26T00:00', 'Sun 25 Oct 2026 (Europe/Berlin)'],
    // Timed windows within one day.
    ['2026-11-17T08:00', '2026-11-17T12:00', 'Tue 17 Nov 2026 08:00–12:00 (Europe/Berlin)'],
    ['2026-11-29T00:00', '2026-11-29T10:00', 'Sun 29 Nov 2026 00:00–10:00 (Europe/Berlin)'],
    ['2026-11-29T00:00', '2026-11-29T10:03:27', 'Sun 29 Nov 2026 00:00–10:03 (Europe/Berlin)'],
    ['2026-11-17T08:00', '2026-11-18T00:00', 'Tue 17 Nov 2026 08:00–24:00 (Europe/Berlin)'],
    // Seconds only when minutes would make both ends look alike.
    ['2026-11-18T00:00', '2026-11-18T00:00:30', 'Wed 18 Nov 2026 00:00:00–00:00:30 (Europe/Berlin)'],
    // Timed windows across days and years.
    ['2026-11-17T08:00', '2026-11-18T10:30', 'Tue 17 Nov 08:00 – Wed 18 Nov 2026 10:30 (Europe/Berlin)'],
    ['2026-11-16T00:00', '2026-11-18T14:30', 'Mon 16 Nov 00:00 – Wed 18 Nov 2026 14:30 (Europe/Berlin)'],
    ['2026-11-30T22:00', '2026-12-01T02:00', 'Mon 30 Nov 22:00 – Tue 1 Dec 2026 02:00 (Europe/Berlin)'],
    ['2026-12-31T22:00', '2027-01-01T02:00', 'Thu 31 Dec 2026 22:00 – Fri 1 Jan 2027 02:00 (Europe/Berlin)'],
    ['2026-11-16T08:00', '2026-11-18T00:00', 'Mon 16 Nov 08:00 – Wed 18 Nov 2026 00:00 (Europe/Berlin)'],
  ])('%s .. %s reads "%s"', (from, to, expected) => {
    expect(describeWindow(window(from, to))).toBe(expected);
  });

  test('each zone shows its own wall clock', () => {
    const instants = { from: new Date('2026-11-17T07:00:00Z'), to: new Date('2026-11-17T11:00:00Z') };
    expect(describeWindow({ ...instants, timeZone: 'Europe/Berlin' })).toBe(
      'Tue 17 Nov 2026 08:00–12:00 (Europe/Berlin)',
    );
    expect(describeWindow({ ...instants, timeZone: 'America/New_York' })).toBe(
      'Tue 17 Nov 2026 02:00–06:00 (America/New_York)',
    );
    expect(describeWindow({ ...instants, timeZone: 'Asia/Kolkata' })).toBe(
      'Tue 17 Nov 2026 12:30–16:30 (Asia/Kolkata)',
    );
  });

  test('local midnight in another zone is not a whole day here', () => {
    const berlinDay = window('2026-11-22T00:00', '2026-11-23T00:00');
    expect(describeWindow({ ...berlinDay, timeZone: 'UTC' })).toBe(
      'Sat 21 Nov 23:00 – Sun 22 Nov 2026 23:00 (UTC)',
    );
  });

  test('an unknown zone falls back to UTC instead of printing garbage', () => {
    const instants = { from: new Date('2026-11-22T00:00:00Z'), to: new Date('2026-11-23T00:00:00Z') };
    expect(describeWindow({ ...instants, timeZone: 'Mars/Olympus' })).toBe('Sun 22 Nov 2026 (UTC)');
  });
});
