import { describeWindow } from '../../src/core/describe-window';
import { contextAt, expandIso, parseError, parseOk, windowHours, windowIso } from './parse-helpers';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

/** `command` asked at `now` (local) in `zone` reads as `from` .. `to`, `hours` real hours long. */
function expectWindow(zone: string, now: string, command: string, from: string, to: string, hours: number) {
  const request = parseOk(command, contextAt(now, zone));
  expect(windowIso(request)).toEqual([expandIso(from), expandIso(to)]);
  expect(windowHours(request)).toBe(hours);
}

describe('days across daylight-saving changes start and end at local midnight', () => {
  test.each([
    // zone, now (local), command, from, to, hours
    [BERLIN, '2026-03-30T10:00', 'yesterday', '2026-03-29T00:00+01:00', '2026-03-30T00:00+02:00', 23],
    [BERLIN, '2026-03-30T10:00', '2026-03-29', '2026-03-29T00:00+01:00', '2026-03-30T00:00+02:00', 23],
    [BERLIN, '2026-03-30T10:00', 'sunday', '2026-03-29T00:00+01:00', '2026-03-30T00:00+02:00', 23],
    [BERLIN, '2026-10-26T10:00', 'yesterday', '2026-10-25T00:00+02:00', '2026-10-26T00:00+01:00', 25],
    [BERLIN, '2026-10-26T10:00', 'oct 25', '2026-10-25T00:00+02:00', '2026-10-26T00:00+01:00', 25],
    [NEW_YORK, '2026-03-09T10:00', 'yesterday', '2026-03-08T00:00-05:00', '2026-03-09T00:00-04:00', 23],
    [NEW_YORK, '2026-03-09T10:00', 'mar 8', '2026-03-08T00:00-05:00', '2026-03-09T00:00-04:00', 23],
    [NEW_YORK, '2026-11-02T10:00', 'yesterday', '2026-11-01T00:00-04:00', '2026-11-02T00:00-05:00', 25],
    [NEW_YORK, '2026-11-02T10:00', 'last workday', '2026-10-30T00:00-04:00', '2026-10-31T00:00-04:00', 24],
    // `last week` with a change inside it: 167 and 169 hours, still Monday 00:00 to Monday 00:00.
    [BERLIN, '2026-04-01T10:00', 'last week', '2026-03-23T00:00+01:00', '2026-03-30T00:00+02:00', 167],
    [BERLIN, '2026-10-28T10:00', 'last week', '2026-10-19T00:00+02:00', '2026-10-26T00:00+01:00', 169],
    [NEW_YORK, '2026-03-11T10:00', 'last week', '2026-03-02T00:00-05:00', '2026-03-09T00:00-04:00', 167],
    [NEW_YORK, '2026-11-04T10:00', 'last week', '2026-10-26T00:00-04:00', '2026-11-02T00:00-05:00', 169],
    [BERLIN, '2026-04-01T10:00', 'last 7 days', '2026-03-25T00:00+01:00', '2026-04-01T00:00+02:00', 167],
    [BERLIN, '2026-11-02T10:00', 'last month', '2026-10-01T00:00+02:00', '2026-11-01T00:00+01:00', 745],
    // Today on the change day itself, and hours counted as real hours across it.
    [BERLIN, '2026-03-29T12:00', 'today', '2026-03-29T00:00+01:00', '2026-03-29T12:00+02:00', 11],
    [BERLIN, '2026-10-25T12:00', 'today', '2026-10-25T00:00+02:00', '2026-10-25T12:00+01:00', 13],
    [BERLIN, '2026-03-29T04:00', 'past 3 hours', '2026-03-29T00:00+01:00', '2026-03-29T04:00+02:00', 3],
    [NEW_YORK, '2026-11-01T03:00', 'past 3 hours', '2026-11-01T01:00-04:00', '2026-11-01T03:00-05:00', 3],
  ])('%s at %s: "%s" is %s .. %s (%d h)', expectWindow);
});

describe('times of day on the night of a daylight-saving change', () => {
  test.each([
    // zone, now (local), command, from, to, hours: times the change leaves alone keep their clock.
    [BERLIN, '2026-10-28T10:00', 'oct 25 1am-4am', '2026-10-25T01:00+02:00', '2026-10-25T04:00+01:00', 4],
    [BERLIN, '2026-10-28T10:00', 'oct 25 3am-4am', '2026-10-25T03:00+01:00', '2026-10-25T04:00+01:00', 1],
    [BERLIN, '2026-03-31T10:00', 'mar 29 1am-3am', '2026-03-29T01:00+01:00', '2026-03-29T03:00+02:00', 1],
    [
      NEW_YORK,
      '2026-11-04T10:00',
      'nov 1 12:30am-3am',
      '2026-11-01T00:30-04:00',
      '2026-11-01T03:00-05:00',
      3.5,
    ],
    [BERLIN, '2026-10-28T10:00', 'saturday 10pm-1am', '2026-10-24T22:00+02:00', '2026-10-25T01:00+02:00', 3],
  ])('%s at %s: "%s" is %s .. %s (%d h)', expectWindow);

  // America/Santiago skips midnight: its 6 Sep 2026 begins at 01:00. The period's length counted
  // that day's start as 01:00 on the wall clock, and `last 400 days` was refused as 400 days and an hour.
  test('a day that begins at 01:00 (the clocks skipped midnight) still counts as one day', () => {
    const santiago = contextAt('2026-09-06T12:00', 'America/Santiago', { maxPeriodDays: 400 });
    expect(windowIso(parseOk('last 400 days', santiago))).toEqual([
      expandIso('2025-08-02T00:00-04:00'),
      expandIso('2026-09-06T01:00-03:00'),
    ]);
    const oneDay = contextAt('2026-09-07T12:00', 'America/Santiago', { maxPeriodDays: 1 });
    expect(windowIso(parseOk('yesterday', oneDay))).toEqual([
      expandIso('2026-09-06T01:00-03:00'),
      expandIso('2026-09-07T00:00-03:00'),
    ]);
  });

  // Before, luxon moved 02:30 on to 03:30 and `2:30-3:30` became the 24 hours from 03:30.
  test('a time the clocks skipped is refused, with one after the change as the example', () => {
    const message = parseError('mar 29 2:30-3:30', contextAt('2026-03-31T10:00', BERLIN)).message;
    expect(message).toContain(
      '"mar 29 2:30-3:30": 02:30 does not exist on Sun 29 Mar 2026 in Europe/Berlin: the clocks went forward an hour that night. Give a time after the change, e.g. "03:30".',
    );
  });

  test('a time that happens twice is refused, with both readings written out', () => {
    const message = parseError('since sunday 2:15', contextAt('2026-10-28T10:00', BERLIN)).message;
    expect(message).toContain(
      '"since sunday 2:15": 02:15 happens twice on Sun 25 Oct 2026 in Europe/Berlin: the clocks went back an hour that night. Say which with from= or to= and its offset: 2026-10-25T02:15+02:00 (the first) or 2026-10-25T02:15+01:00 (the second).',
    );
    expect(parseError('nov 1 1:30am-2am', contextAt('2026-11-04T10:00', NEW_YORK)).message).toContain(
      '01:30 happens twice on Sun 1 Nov 2026 in America/New_York',
    );
  });

  test('so is one in from=/to= without an offset; with one it is that instant', () => {
    const october = contextAt('2026-10-28T10:00', BERLIN);
    expect(parseError('from=2026-10-25T02:30 to=2026-10-25T04:00', october).message).toContain(
      '"from=2026-10-25T02:30": 02:30 happens twice on Sun 25 Oct 2026',
    );
    expect(parseError('from=2026-03-29T01:00 to=2026-03-29T02:30', october).message).toContain(
      '"to=2026-03-29T02:30": 02:30 does not exist on Sun 29 Mar 2026',
    );
    expectWindow(
      BERLIN,
      '2026-10-28T10:00',
      'from=2026-10-25T02:30+01:00 to=2026-10-25T04:00',
      '2026-10-25T02:30+01:00',
      '2026-10-25T04:00+01:00',
      1.5,
    );
    expectWindow(
      BERLIN,
      '2026-10-28T10:00',
      'from=2026-10-25T01:00 to=2026-10-25T04:00:30',
      '2026-10-25T01:00+02:00',
      '2026-10-25T04:00:30+01:00',
      4 + 1 / 120,
    );
  });
});

describe('month and year boundaries (Europe/Berlin)', () => {
  const newYear = contextAt('2027-01-01T09:00', BERLIN); // a Friday
  test.each([
    ['yesterday', '2026-12-31T00:00+01:00', '2027-01-01T00:00+01:00'],
    ['last workday', '2026-12-31T00:00+01:00', '2027-01-01T00:00+01:00'],
    ['this week', '2026-12-28T00:00+01:00', '2027-01-01T09:00+01:00'],
    ['last week', '2026-12-21T00:00+01:00', '2026-12-28T00:00+01:00'],
    ['this month', '2027-01-01T00:00+01:00', '2027-01-01T09:00+01:00'],
    ['last month', '2026-12-01T00:00+01:00', '2027-01-01T00:00+01:00'],
    ['this year', '2027-01-01T00:00+01:00', '2027-01-01T09:00+01:00'],
    ['last year', '2026-01-01T00:00+01:00', '2027-01-01T00:00+01:00'],
    ['dec 20 - jan 5', '2026-12-20T00:00+01:00', '2027-01-01T09:00+01:00'],
    ['dec 31', '2026-12-31T00:00+01:00', '2027-01-01T00:00+01:00'],
    ['jan 2', '2026-01-02T00:00+01:00', '2026-01-03T00:00+01:00'],
    ['last 3 days', '2026-12-29T00:00+01:00', '2027-01-01T00:00+01:00'],
  ])('on Fri 1 Jan 2027: "%s"', (command, from, to) => {
    expect(windowIso(parseOk(command, newYear))).toEqual([expandIso(from), expandIso(to)]);
  });

  test('last month in March is all of February; last workday on a Sunday is Friday', () => {
    const context = contextAt('2026-03-01T10:00', BERLIN); // a Sunday
    expect(windowIso(parseOk('last month', context))).toEqual([
      expandIso('2026-02-01T00:00+01:00'),
      expandIso('2026-03-01T00:00+01:00'),
    ]);
    expect(windowIso(parseOk('last workday', context))).toEqual([
      expandIso('2026-02-27T00:00+01:00'),
      expandIso('2026-02-28T00:00+01:00'),
    ]);
  });

  test('last workday on a Monday is the Friday before', () => {
    expect(windowIso(parseOk('last workday', contextAt('2026-11-16T08:00', BERLIN)))).toEqual([
      expandIso('2026-11-13T00:00+01:00'),
      expandIso('2026-11-14T00:00+01:00'),
    ]);
  });
});

describe('leap day', () => {
  const march2028 = contextAt('2028-03-01T10:00', BERLIN);
  test.each([
    ['yesterday', '2028-02-29', '2028-03-01'],
    ['feb 29', '2028-02-29', '2028-03-01'],
    ['2028-02-29', '2028-02-29', '2028-03-01'],
    ['last month', '2028-02-01', '2028-03-01'],
    ['last 2 days', '2028-02-28', '2028-03-01'],
    ['feb 28 - feb 29', '2028-02-28', '2028-03-01'],
  ])('on 1 Mar 2028: "%s"', (command, from, to) => {
    expect(windowIso(parseOk(command, march2028))).toEqual([
      expandIso(`${from}T00:00+01:00`),
      expandIso(`${to}T00:00+01:00`),
    ]);
  });

  test('feb 29 without a year is the most recent one', () => {
    expect(windowIso(parseOk('feb 29', contextAt('2027-03-01T10:00', BERLIN)))).toEqual([
      expandIso('2024-02-29T00:00+01:00'),
      expandIso('2024-03-01T00:00+01:00'),
    ]);
  });

  test('feb 29 of a common year is not a date', () => {
    const error = parseError('2027-02-29', march2028);
    expect(error.message).toBe('"2027-02-29" is not a date.');
    expect(error.example).toBe('today');
  });
});

describe('just after midnight', () => {
  const context = contextAt('2026-11-18T00:00:30', BERLIN);

  test('today is the first 30 seconds; yesterday is the whole previous day', () => {
    const today = parseOk('today', context);
    expect(windowIso(today)).toEqual([
      expandIso('2026-11-18T00:00+01:00'),
      expandIso('2026-11-18T00:00:30+01:00'),
    ]);
    expect(describeWindow(today.window)).toBe('Wed 18 Nov 2026 00:00:00–00:00:30 (Europe/Berlin)');
    expect(windowIso(parseOk('yesterday', context))).toEqual([
      expandIso('2026-11-17T00:00+01:00'),
      expandIso('2026-11-18T00:00+01:00'),
    ]);
    expect(windowIso(parseOk('this week', context))).toEqual([
      expandIso('2026-11-16T00:00+01:00'),
      expandIso('2026-11-18T00:00:30+01:00'),
    ]);
  });

  test('at exactly midnight today is empty: an error with yesterday as the example', () => {
    const midnight = contextAt('2026-11-18T00:00', BERLIN);
    const error = parseError('today ext 101', midnight);
    expect(error.message).toBe('"today" is empty: it begins right now.');
    expect(error.example).toBe('yesterday ext 101');
    expect(parseError('', midnight).example).toBe('yesterday');
    const help = parseOk('help', midnight);
    expect(help.view).toBe('help');
    expect(windowIso(help)).toEqual([
      expandIso('2026-11-17T00:00+01:00'),
      expandIso('2026-11-18T00:00+01:00'),
    ]);
  });
});

describe('weekStart sunday', () => {
  test.each([
    ['2026-11-18T14:30', 'this week', '2026-11-15T00:00', '2026-11-18T14:30'],
    ['2026-11-18T14:30', 'last week', '2026-11-08T00:00', '2026-11-15T00:00'],
    ['2026-11-22T09:00', 'this week', '2026-11-22T00:00', '2026-11-22T09:00'],
    ['2026-11-22T09:00', 'last week', '2026-11-15T00:00', '2026-11-22T00:00'],
    ['2026-11-21T09:00', 'this week', '2026-11-15T00:00', '2026-11-21T09:00'],
    ['2026-11-25T09:00', 'week of nov 18', '2026-11-15T00:00', '2026-11-22T00:00'],
    ['2026-11-25T09:00', 'the week of nov 15', '2026-11-15T00:00', '2026-11-22T00:00'],
  ])('at %s "%s" is %s .. %s', (now, command, from, to) => {
    const request = parseOk(command, contextAt(now, NEW_YORK, { weekStart: 'sunday' }));
    expect(windowIso(request)).toEqual([expandIso(`${from}-05:00`), expandIso(`${to}-05:00`)]);
  });

  test('with monday (the default) a Sunday belongs to the week that began on Monday', () => {
    const request = parseOk('this week', contextAt('2026-11-22T09:00', NEW_YORK));
    expect(windowIso(request)).toEqual([
      expandIso('2026-11-16T00:00-05:00'),
      expandIso('2026-11-22T09:00-05:00'),
    ]);
  });
});
