import { formatCommand } from '../../src/chat/format-command';
import { parseCommand } from '../../src/commands/parse-command';
import type { ComparisonRequest } from '../../src/core/answers';
import type { ReportFilters, ReportRequest } from '../../src/core/report-request';
import { contextAt, expandIso, parseError, parseOk, toIso, windowIso } from './parse-helpers';

/** Issue 18: comparisons. Asked on Wed 25 Nov 2026, 10:00 in Berlin. */
const berlin = contextAt('2026-11-25T10:00', 'Europe/Berlin', { locale: 'en-GB' });
const directory = [
  { extension: '101', firstName: 'Ben', lastName: 'Okafor' },
  { extension: '102', firstName: 'Chloé', lastName: 'Durand' },
  { extension: '104', firstName: 'Anna', lastName: 'Nowak' },
];

const NONE: ReportFilters = { extensions: [], queues: [], numbers: [], directions: [], status: null };
const THIS_WEEK = ['2026-11-23T00:00+01:00', '2026-11-25T10:00+01:00'];
const LAST_WEEK_SO_FAR = ['2026-11-16T00:00+01:00', '2026-11-18T10:00+01:00'];
const TODAY = ['2026-11-25T00:00+01:00', '2026-11-25T10:00+01:00'];

/** The sides as `[from, to, filters]`, times in the short form of `expandIso`. */
function sidesOf(request: ReportRequest): Array<[string, string, ReportFilters]> {
  return (request.comparison?.sides ?? []).map((side) => [
    toIso(side.window.from, side.window.timeZone),
    toIso(side.window.to, side.window.timeZone),
    side.filters,
  ]);
}

function side(window: string[], filters: Partial<ReportFilters> = {}): [string, string, ReportFilters] {
  return [expandIso(window[0]!), expandIso(window[1]!), { ...NONE, ...filters }];
}

describe('comparisons of periods', () => {
  test.each([
    'this week vs last week',
    'compare this week to last week',
    'compare this week with last week',
    'compare this week and last week',
    'this week versus last week',
    'this week vs. last week',
    'this week against last week',
    'can you compare this week to last week please?',
    'this week compared to last week',
    'this week compared with last week',
  ])('"%s": this week so far with the same span of last week', (command) => {
    const request = parseOk(command, berlin);
    expect(request.comparison?.by).toBe('period');
    expect(sidesOf(request)).toEqual([side(THIS_WEEK), side(LAST_WEEK_SO_FAR)]);
    expect(request.assumptions).toContainEqual({
      code: 'same-span',
      text: '"last week" compared over the same span as "this week", which runs until now: Mon 16 Nov 00:00 – Wed 18 Nov 2026 10:00 (Europe/Berlin)',
    });
  });

  test("the request's window and filters are the first side's", () => {
    const request = parseOk('this week vs last week', berlin);
    expect(request.window).toEqual(request.comparison?.sides[0]?.window);
    expect(request.filters).toEqual(request.comparison?.sides[0]?.filters);
    expect(request.view).toBe('summary');
  });

  test('"this month vs last month" and "compare this month to last month": October until the 25th, 10:00 (across the DST change)', () => {
    for (const command of ['this month vs last month', 'compare this month to last month']) {
      expect(sidesOf(parseOk(command, berlin))).toEqual([
        side(['2026-11-01T00:00+01:00', '2026-11-25T10:00+01:00']),
        side(['2026-10-01T00:00+02:00', '2026-10-25T10:00+01:00']),
      ]);
    }
  });

  test('the period that runs until now may come second; "today vs yesterday"; "since monday vs last week"', () => {
    expect(sidesOf(parseOk('last week vs this week', berlin))).toEqual([
      side(LAST_WEEK_SO_FAR),
      side(THIS_WEEK),
    ]);
    expect(sidesOf(parseOk('today vs yesterday', berlin))).toEqual([
      side(TODAY),
      side(['2026-11-24T00:00+01:00', '2026-11-24T10:00+01:00']),
    ]);
    expect(sidesOf(parseOk('since monday vs last week', berlin))).toEqual([
      side(THIS_WEEK),
      side(LAST_WEEK_SO_FAR),
    ]);
  });

  test('two whole periods are compared as they are, with no assumption about their span', () => {
    const request = parseOk('compare last week to the week before last', berlin);
    expect(sidesOf(request)).toEqual([
      side(['2026-11-16T00:00+01:00', '2026-11-23T00:00+01:00']),
      side(['2026-11-09T00:00+01:00', '2026-11-16T00:00+01:00']),
    ]);
    expect(request.assumptions.map((assumption) => assumption.code)).not.toContain('same-span');
  });

  test('"the week before" as side B is side A one week earlier (refused before: "before" had no start)', () => {
    expect(sidesOf(parseOk('compare last week to the week before', berlin))).toEqual([
      side(['2026-11-16T00:00+01:00', '2026-11-23T00:00+01:00']),
      side(['2026-11-09T00:00+01:00', '2026-11-16T00:00+01:00']),
    ]);
    expect(sidesOf(parseOk('yesterday vs the day before missed', berlin))).toEqual([
      side(['2026-11-24T00:00+01:00', '2026-11-25T00:00+01:00'], { status: 'missed' }),
      side(['2026-11-23T00:00+01:00', '2026-11-24T00:00+01:00'], { status: 'missed' }),
    ]);
    expect(sidesOf(parseOk('last month vs the month before', berlin))).toEqual([
      side(['2026-10-01T00:00+02:00', '2026-11-01T00:00+01:00']),
      side(['2026-09-01T00:00+02:00', '2026-10-01T00:00+02:00']),
    ]);
    expect(sidesOf(parseOk('compare this week to the week before', berlin))).toEqual([
      side(THIS_WEEK),
      side(LAST_WEEK_SO_FAR),
    ]);
  });

  test('"the week before" needs the period it is before', () => {
    for (const command of ['the week before', 'compare the week before to last week']) {
      expect(parseError(command, berlin).message).toContain(
        '"week before" is before another period: compare it with one, e.g. "compare this week to the week before".',
      );
    }
    // Other phrases with "before" keep their reading.
    expect(windowIso(parseOk('the day before yesterday', berlin))).toEqual([
      expandIso('2026-11-23T00:00+01:00'),
      expandIso('2026-11-24T00:00+01:00'),
    ]);
  });

  test('"to" inside a side\'s range is not the comparison\'s: "compare from nov 1 to nov 15 to last month"', () => {
    expect(sidesOf(parseOk('compare from nov 1 to nov 15 to last month', berlin))).toEqual([
      side(['2026-11-01T00:00+01:00', '2026-11-16T00:00+01:00']),
      side(['2026-10-01T00:00+02:00', '2026-11-01T00:00+01:00']),
    ]);
  });

  test('the rest of the command applies to both sides, wherever it is written', () => {
    for (const command of [
      'missed calls this week vs last week ext 101',
      'ext 101 missed this week vs last week',
      'compare this week to last week for ext 101 missed',
    ]) {
      const filters = { extensions: ['101'], status: 'missed' as const };
      expect(sidesOf(parseOk(command, berlin))).toEqual([
        side(THIS_WEEK, filters),
        side(LAST_WEEK_SO_FAR, filters),
      ]);
    }
  });
});

describe('comparisons of extensions, people and queues', () => {
  test.each<[string, ComparisonRequest['by'], Partial<ReportFilters>, Partial<ReportFilters>]>([
    ['ext 101 vs ext 102', 'extension', { extensions: ['101'] }, { extensions: ['102'] }],
    ['compare ext 101 with ext 102', 'extension', { extensions: ['101'] }, { extensions: ['102'] }],
    ['compare ext 101 and ext 102', 'extension', { extensions: ['101'] }, { extensions: ['102'] }],
    ['ext 101,102 vs ext 103', 'extension', { extensions: ['101', '102'] }, { extensions: ['103'] }],
    ['queue 800 vs queue 801', 'queue', { queues: ['800'] }, { queues: ['801'] }],
    ['compare queue 800 to queue 801', 'queue', { queues: ['800'] }, { queues: ['801'] }],
    // Side B's numbers without their word take side A's (they were refused: "did you mean ext 102?").
    ['ext 101 vs 102', 'extension', { extensions: ['101'] }, { extensions: ['102'] }],
    ['ext 101,102 vs 103,104', 'extension', { extensions: ['101', '102'] }, { extensions: ['103', '104'] }],
    ['queue 800 vs 801', 'queue', { queues: ['800'] }, { queues: ['801'] }],
  ])('"%s"', (command, by, first, second) => {
    const request = parseOk(command, berlin);
    expect(request.comparison?.by).toBe(by);
    expect(sidesOf(request)).toEqual([side(TODAY, first), side(TODAY, second)]);
  });

  test('a bare side B that may be a year keeps its own reading', () => {
    expect(parseError('ext 101 vs 2024', berlin).message).toContain(
      '"ext 101" is an extension or person and "2024" a period',
    );
  });

  test('the period and the other filters apply to both sides', () => {
    const request = parseOk('missed ext 101 vs ext 102 last week queue 800', berlin);
    const week = ['2026-11-16T00:00+01:00', '2026-11-23T00:00+01:00'];
    expect(sidesOf(request)).toEqual([
      side(week, { extensions: ['101'], queues: ['800'], status: 'missed' }),
      side(week, { extensions: ['102'], queues: ['800'], status: 'missed' }),
    ]);
    expect(sidesOf(parseOk('queue 800 vs queue 801 yesterday ext 101 inbound', berlin))).toEqual([
      side(['2026-11-24T00:00+01:00', '2026-11-25T00:00+01:00'], {
        queues: ['800'],
        extensions: ['101'],
        directions: ['inbound'],
      }),
      side(['2026-11-24T00:00+01:00', '2026-11-25T00:00+01:00'], {
        queues: ['801'],
        extensions: ['101'],
        directions: ['inbound'],
      }),
    ]);
  });

  test('people by name, resolved against the directory like any name', () => {
    const request = parseOk('ben vs anna yesterday', { ...berlin, directory });
    expect(request.comparison?.by).toBe('extension');
    expect(sidesOf(request).map(([, , filters]) => filters.extensions)).toEqual([['101'], ['104']]);
    expect(request.assumptions).toEqual([
      { code: 'name', text: '"ben" is ext 101 (Ben Okafor)' },
      { code: 'name', text: '"anna" is ext 104 (Anna Nowak)' },
    ]);
    expect(
      sidesOf(parseOk('compare ben okafor with ext 102', { ...berlin, directory })).map(
        ([, , f]) => f.extensions,
      ),
    ).toEqual([['101'], ['102']]);
  });

  test('without a directory, a name that starts a side is kept to be looked up', () => {
    const request = parseOk('ben vs anna', berlin);
    expect(request.comparison?.by).toBe('extension');
    expect(request.names).toEqual(['ben', 'anna']);
    expect(request.assumptions.map((assumption) => assumption.code)).toEqual(['name-lookup', 'name-lookup']);
  });

  test('an ambiguous name on a side is refused with its candidates', () => {
    const twoBens = [...directory, { extension: '105', firstName: 'Ben', lastName: 'Durand' }];
    expect(parseError('ben vs anna', { ...berlin, directory: twoBens }).message).toBe(
      '"ben" is more than one person: ext 101 (Ben Okafor), ext 105 (Ben Durand). Say which, e.g. "ext 101" or "ext 105".',
    );
  });
});

describe('comparisons refused, with a reason and an example', () => {
  // [command, exact message, exact example]
  test.each<[string, string, string]>([
    [
      'ext 101 vs last week',
      '"ext 101" is an extension or person and "last week" a period: compare two periods ("this week vs last week"), two extensions or people ("ext 101 vs ext 102") or two queues ("queue 800 vs queue 801").',
      'ext 101 vs ext 102',
    ],
    [
      'queue 800 vs ext 101',
      '"queue 800" is a queue and "ext 101" an extension or person: compare two periods ("this week vs last week"), two extensions or people ("ext 101 vs ext 102") or two queues ("queue 800 vs queue 801").',
      'queue 800 vs queue 801',
    ],
    [
      'vs last week',
      'Nothing to compare before "vs": give two periods, two extensions or people, or two queues, e.g. "this week vs last week".',
      'this week vs last week',
    ],
    [
      'this week vs',
      'Nothing to compare after "vs": give two periods, two extensions or people, or two queues, e.g. "this week vs last week".',
      'this week vs last week',
    ],
    [
      'compare ext 101 with missed',
      'Nothing to compare after "with": give two periods, two extensions or people, or two queues, e.g. "ext 101 vs ext 102".',
      'ext 101 vs ext 102',
    ],
    [
      'compare this week',
      '"compare" needs two sides joined by "to", "with" or "vs", e.g. "compare this week to last week".',
      'compare this week to last week',
    ],
    [
      'compare compare this week to last week',
      '"compare" is there twice: compare two things at a time.',
      'compare this week to last week',
    ],
    [
      'ext 101 vs ext 102 vs ext 103',
      'Compare two sides at a time: "vs" joins a third.',
      'ext 101 vs ext 102',
    ],
    [
      'ext 101 vs ext 102 compare',
      '"compare" goes before the two sides ("compare this week to last week"); with "vs" it may be left out.',
      'ext 101 vs ext 102',
    ],
    [
      'ext 101 this week vs ext 102 last week',
      'Compare one thing at a time: both sides name a period and an extension or person. Keep what differs on the sides and say the rest once, e.g. "ext 101 vs ext 102 last week" or "this week vs last week ext 101".',
      'ext 101 vs ext 102 last week',
    ],
    [
      'this week yesterday vs last week',
      'Give one period on each side, not "this week" and "yesterday".',
      'this week vs last week',
    ],
    [
      'last week compare this week to last week',
      '"last week" is outside the comparison: give one period on each side, e.g. "compare this week to last week".',
      'compare this week to last week',
    ],
    [
      'ext 103 compare ext 101 with ext 102',
      'The extensions or people to compare go on the two sides of "with", none before "compare", e.g. "compare ext 101 with ext 102".',
      'ext 101 vs ext 102',
    ],
    [
      'my calls this week vs last week',
      '"me" can\'t go with a comparison yet: write your extension\'s number, e.g. "this week vs last week ext 101".',
      'this week vs last week ext 101',
    ],
    [
      'me vs ext 102',
      '"me" can\'t go with a comparison yet: write your extension\'s number, e.g. "ext 101 vs ext 102".',
      'ext 101 vs ext 102',
    ],
    [
      'ext 101 vs ext 101',
      'Both sides are ext 101: compare two different ones, e.g. "ext 101 vs ext 102".',
      'ext 101 vs ext 102',
    ],
    [
      'queue 800 vs queue 800',
      'Both sides are queue 800: compare two different ones, e.g. "queue 800 vs queue 801".',
      'queue 800 vs queue 801',
    ],
    [
      'today vs today',
      'Both sides are the same period ("today" and "today"): compare two different ones, e.g. "this week vs last week".',
      'this week vs last week',
    ],
    ['ben vs 102', 'I didn\'t understand "102" (did you mean "ext 102"?).', 'ben vs ext 102'],
    [
      'this week vs last wek',
      'I didn\'t understand "last wek" (did you mean "last week"?).',
      'this week vs last week',
    ],
    [
      'this week vs last week by day',
      'Ask for one answer at a time: "vs" (a comparison) and "by day" (a trend) don\'t go together.',
      'this week vs last week',
    ],
    [
      'compare this week to last week top callers',
      'Ask for one answer at a time: "compare" (a comparison) and "top callers" (a ranking) don\'t go together.',
      'compare this week to last week',
    ],
    [
      'yesterday by extension vs today',
      'Ask for one answer at a time: "vs" (a comparison) and "by extension" (a table first) don\'t go together.',
      'yesterday vs today',
    ],
    [
      'list this week vs last week',
      '"vs" (a comparison) is a summary, not "list": drop "list".',
      'this week vs last week',
    ],
    ['with ben', 'I didn\'t understand "with ben".', 'today'],
  ])('"%s"', (command, message, example) => {
    const error = parseError(command, berlin);
    expect(error.message).toBe(message);
    expect(error.example).toBe(example);
  });
});

describe('formatCommand writes a comparison back (round trip)', () => {
  test.each<[string, string]>([
    [
      'this week vs last week ext 101 missed',
      'summary compare from=2026-11-23T00:00:00.000+01:00 to=2026-11-25T10:00:00.000+01:00 with from=2026-11-16T00:00:00.000+01:00 to=2026-11-18T10:00:00.000+01:00 ext 101 missed',
    ],
    [
      'ext 101 vs ext 102 last week queue 800',
      'summary from=2026-11-16T00:00:00.000+01:00 to=2026-11-23T00:00:00.000+01:00 compare ext 101 with ext 102 queue 800',
    ],
    [
      'queue 800 vs queue 801 yesterday inbound',
      'summary from=2026-11-24T00:00:00.000+01:00 to=2026-11-25T00:00:00.000+01:00 compare queue 800 with queue 801 inbound',
    ],
  ])('"%s"', (command, formatted) => {
    const request = parseOk(command, berlin);
    expect(formatCommand(request)).toBe(formatted);
    const again = parseCommand(formatted, berlin);
    expect(again.ok && { ...again.request, assumptions: [] }).toEqual({ ...request, assumptions: [] });
  });

  test('names are written as their extensions', () => {
    const request = parseOk('ben vs anna yesterday', { ...berlin, directory });
    expect(formatCommand(request)).toBe(
      'summary from=2026-11-24T00:00:00.000+01:00 to=2026-11-25T00:00:00.000+01:00 compare ext 101 with ext 104',
    );
  });

  test('the stored command reads the same in another zone', () => {
    const formatted = formatCommand(parseOk('this week vs last week', berlin));
    const elsewhere = parseOk(formatted, { ...berlin, timeZone: 'America/New_York' });
    expect(elsewhere.comparison?.sides.map((entry) => entry.window.from.toISOString())).toEqual([
      '2026-11-22T23:00:00.000Z',
      '2026-11-15T23:00:00.000Z',
    ]);
  });
});
