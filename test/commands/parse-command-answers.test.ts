import { formatCommand } from '../../src/chat/format-command';
import { explainCommand } from '../../src/commands/explain-command';
import { parseCommand } from '../../src/commands/parse-command';
import type { RankingRequest } from '../../src/core/answers';
import { contextAt, expandIso, parseError, parseOk, windowIso } from './parse-helpers';

/** Issue 18: rankings, trends and tables first. Asked on Wed 25 Nov 2026, 10:00 in Berlin. */
const berlin = contextAt('2026-11-25T10:00', 'Europe/Berlin', { locale: 'en-GB' });
const day = (from: string, to: string): [string, string] => [
  expandIso(`${from}T00:00+01:00`),
  expandIso(`${to}T00:00+01:00`),
];
const LAST_MONTH: [string, string] = [
  expandIso('2026-10-01T00:00+02:00'),
  expandIso('2026-11-01T00:00+01:00'),
];
const TODAY: [string, string] = [expandIso('2026-11-25T00:00+01:00'), expandIso('2026-11-25T10:00+01:00')];

describe('rankings', () => {
  test.each<[string, RankingRequest, [string, string]]>([
    ['top callers', { of: 'callers', by: 'calls', size: 10 }, TODAY],
    [
      'top callers this month',
      { of: 'callers', by: 'calls', size: 10 },
      [expandIso('2026-11-01T00:00+01:00'), expandIso('2026-11-25T10:00+01:00')],
    ],
    ['top 5 callers', { of: 'callers', by: 'calls', size: 5 }, TODAY],
    ['top callers 5', { of: 'callers', by: 'calls', size: 5 }, TODAY],
    ['top 50 callers', { of: 'callers', by: 'calls', size: 50 }, TODAY],
    ['top extensions by missed', { of: 'extensions', by: 'missed', size: 10 }, TODAY],
    [
      'top extensions by missed 5 last week',
      { of: 'extensions', by: 'missed', size: 5 },
      day('2026-11-16', '2026-11-23'),
    ],
    ['top 3 extensions by talk time', { of: 'extensions', by: 'talk', size: 3 }, TODAY],
    ['top agents by outbound', { of: 'extensions', by: 'outbound', size: 10 }, TODAY],
    ['top queues by abandoned', { of: 'queues', by: 'abandoned', size: 10 }, TODAY],
    ['top queues by wait yesterday', { of: 'queues', by: 'wait', size: 10 }, day('2026-11-24', '2026-11-25')],
    [
      'top callers by missed calls this week',
      { of: 'callers', by: 'missed', size: 10 },
      [expandIso('2026-11-23T00:00+01:00'), expandIso('2026-11-25T10:00+01:00')],
    ],
    ['top callers last month by answered', { of: 'callers', by: 'answered', size: 10 }, LAST_MONTH],
    ['busiest hours', { of: 'hours', by: 'calls', size: 10 }, TODAY],
    ['busiest hour', { of: 'hours', by: 'calls', size: 10 }, TODAY],
    ['busiest hours last week', { of: 'hours', by: 'calls', size: 10 }, day('2026-11-16', '2026-11-23')],
    ['busiest days last month', { of: 'days', by: 'calls', size: 10 }, LAST_MONTH],
    ['busiest day', { of: 'days', by: 'calls', size: 10 }, TODAY],
    ['busiest 3 days', { of: 'days', by: 'calls', size: 3 }, TODAY],
    ['top 5 busiest hours', { of: 'hours', by: 'calls', size: 5 }, TODAY],
    ['longest calls yesterday', { of: 'calls', by: 'talk', size: 10 }, day('2026-11-24', '2026-11-25')],
    ['longest 5 calls', { of: 'calls', by: 'talk', size: 5 }, TODAY],
    ['longest call', { of: 'calls', by: 'talk', size: 10 }, TODAY],
    [
      'who missed the most calls last week?',
      { of: 'extensions', by: 'missed', size: 10 },
      day('2026-11-16', '2026-11-23'),
    ],
    ['who missed the most', { of: 'extensions', by: 'missed', size: 10 }, TODAY],
    [
      'who missed most calls yesterday',
      { of: 'extensions', by: 'missed', size: 10 },
      day('2026-11-24', '2026-11-25'),
    ],
    ['who answered the most?', { of: 'extensions', by: 'answered', size: 10 }, TODAY],
    ['which agent missed the most calls', { of: 'extensions', by: 'missed', size: 10 }, TODAY],
    [
      'which extensions answered most last week',
      { of: 'extensions', by: 'answered', size: 10 },
      day('2026-11-16', '2026-11-23'),
    ],
    [
      'who answered most last week',
      { of: 'extensions', by: 'answered', size: 10 },
      day('2026-11-16', '2026-11-23'),
    ],
    [
      'can you show me the top callers this month please',
      { of: 'callers', by: 'calls', size: 10 },
      [expandIso('2026-11-01T00:00+01:00'), expandIso('2026-11-25T10:00+01:00')],
    ],
  ])('"%s"', (command, ranking, window) => {
    const request = parseOk(command, berlin);
    expect(request.ranking).toEqual(ranking);
    expect(request.view).toBe('summary');
    expect(windowIso(request)).toEqual(window);
    expect(request.trend).toBeUndefined();
    expect(request.comparison).toBeUndefined();
  });

  test('a ranking keeps the filters: "top callers missed queue 800" ranks callers of missed calls in queue 800', () => {
    const request = parseOk('top callers missed queue 800', berlin);
    expect(request.filters).toEqual({
      extensions: [],
      queues: ['800'],
      numbers: [],
      directions: [],
      status: 'missed',
    });
    expect(request.ranking).toEqual({ of: 'callers', by: 'calls', size: 10 });
  });

  test('"missed" after "by" is the measure, not the status filter; "who missed the most" filters nothing', () => {
    expect(parseOk('top extensions by missed', berlin).filters.status).toBeNull();
    expect(parseOk('who missed the most', berlin).filters.status).toBeNull();
  });

  test('a number after the ranking that starts a date is the date ("top callers 3 nov"); a year is the year', () => {
    const dated = parseOk('top callers 3 nov', berlin);
    expect(dated.ranking?.size).toBe(10);
    expect(windowIso(dated)).toEqual(day('2026-11-03', '2026-11-04'));
    const year = parseOk('top callers 2025', berlin);
    expect(year.ranking?.size).toBe(10);
    expect(windowIso(year)).toEqual(day('2025-01-01', '2026-01-01'));
  });

  test('`top N` the word is the ranking size; `top=N` stays the OData option of rows', () => {
    expect(parseOk('rows yesterday top=5', berlin).odata.top).toBe(5);
    expect(parseOk('rows yesterday top=5', berlin).ranking).toBeUndefined();
    expect(parseOk('top 5 callers', berlin).odata.top).toBeUndefined();
  });
});

describe('trends', () => {
  test.each<[string, 'day' | 'week' | 'month', [string, string]]>([
    [
      'last 3 months by week',
      'week',
      [expandIso('2026-08-25T00:00+02:00'), expandIso('2026-11-25T00:00+01:00')],
    ],
    ['last month by day', 'day', LAST_MONTH],
    [
      'this year by month',
      'month',
      [expandIso('2026-01-01T00:00+01:00'), expandIso('2026-11-25T10:00+01:00')],
    ],
    ['last year by week', 'week', day('2025-01-01', '2026-01-01')],
    [
      'by week last 3 months',
      'week',
      [expandIso('2026-08-25T00:00+02:00'), expandIso('2026-11-25T00:00+01:00')],
    ],
    ['calls per day last month', 'day', LAST_MONTH],
    [
      'missed calls last 12 months by month',
      'month',
      [expandIso('2025-11-25T00:00+01:00'), expandIso('2026-11-25T00:00+01:00')],
    ],
  ])('"%s"', (command, by, window) => {
    const request = parseOk(command, berlin);
    expect(request.trend).toEqual({ by, weekStart: 'monday' });
    expect(windowIso(request)).toEqual(window);
    expect(request.ranking).toBeUndefined();
  });

  test('weeks start where WEEK_START says', () => {
    expect(parseOk('last month by week', { ...berlin, weekStart: 'sunday' }).trend).toEqual({
      by: 'week',
      weekStart: 'sunday',
    });
  });

  test('"last 3 months by week" is 14 buckets or so, within the limit of 106', () => {
    const result = explainCommand('last 3 months by week', berlin);
    expect(result.ok && result.explanation.trend).toEqual({ by: 'week', weekStart: 'monday', buckets: 14 });
  });

  test('at the limits: 92 days, 36 months', () => {
    expect(parseOk('2026-08-01..2026-10-31 by day', berlin).trend?.by).toBe('day');
    expect(parseError('2026-08-01..2026-11-01 by day', berlin).message).toBe(
      '"2026-08-01..2026-11-01 by day" makes 93 buckets; a trend by day has at most 92: try "2026-08-01..2026-11-01 by week".',
    );
  });
});

describe('tables first', () => {
  test.each<[string, 'extensions' | 'queues']>([
    ['missed calls by extension', 'extensions'],
    ['yesterday by extension', 'extensions'],
    ['by extensions last week', 'extensions'],
    ['calls by agent last week', 'extensions'],
    ['by agents today', 'extensions'],
    ['yesterday by queue', 'queues'],
    ['by queues today', 'queues'],
  ])('"%s"', (command, table) => {
    const request = parseOk(command, berlin);
    expect(request.tableFirst).toBe(table);
    expect(request.ranking).toBeUndefined();
  });
});

describe('refused, with a reason and an example', () => {
  // [command, exact message, exact example]
  test.each<[string, string, string]>([
    ['top', '"top" needs what to rank: callers, extensions or queues, e.g. "top callers".', 'top callers'],
    [
      'top 5',
      '"top 5" needs what to rank: callers, extensions or queues, e.g. "top 5 callers". For the first 5 rows of the rows view, write "top=5".',
      'top 5 callers',
    ],
    [
      'rows top 5 yesterday',
      '"top 5" needs what to rank: callers, extensions or queues, e.g. "top 5 callers". For the first 5 rows of the rows view, write "top=5".',
      'rows top=5 yesterday',
    ],
    ['top 100 callers', 'A ranking shows at most 50 rows: "top 100 callers" asks for 100.', 'top 50 callers'],
    ['top callers 51', 'A ranking shows at most 50 rows: "top callers 51" asks for 51.', 'top callers 50'],
    [
      'busiest 60 hours',
      'A ranking shows at most 50 rows: "busiest 60 hours" asks for 60.',
      'busiest 50 hours',
    ],
    ['top 0 callers', 'A ranking needs at least 1 row: "top 0 callers" asks for 0.', 'top 10 callers'],
    [
      'top callers by duration',
      '"by duration" is not a measure of top callers: use "calls", "missed", "answered" or "talk", e.g. "top callers by missed".',
      'top callers',
    ],
    [
      'top callers by',
      '"by" needs a measure of top callers: "calls", "missed", "answered" or "talk", e.g. "top callers by missed".',
      'top callers',
    ],
    [
      'top extensions by abandoned',
      '"by abandoned" is not a measure of top extensions: use "calls", "answered", "missed", "outbound" or "talk", e.g. "top extensions by answered".',
      'top extensions',
    ],
    [
      'top queues by missed',
      '"by missed" is not a measure of top queues: use "calls", "answered", "abandoned" or "wait", e.g. "top queues by answered".',
      'top queues',
    ],
    [
      'busiest hours by talk',
      '"by talk" is not a measure of busiest hours: use "calls", e.g. "busiest hours by calls".',
      'busiest hours',
    ],
    [
      'top queue 800',
      '"top queue 800" is not clear: to rank queues say "top queues"; for the top callers of queue 800 say "top callers queue 800".',
      'top callers queue 800',
    ],
    ['busiest', '"busiest" needs hours or days, e.g. "busiest hours last week".', 'busiest hours'],
    ['longest', '"longest" needs calls, e.g. "longest calls last week".', 'longest calls'],
    [
      'by missed',
      '"by missed" orders a ranking: put it after top, e.g. "top extensions by missed".',
      'top extensions by missed',
    ],
    [
      'by abandoned yesterday',
      '"by abandoned" orders a ranking: put it after top, e.g. "top queues by abandoned".',
      'top queues by abandoned yesterday',
    ],
    ['top callers by talk by missed', 'Choose one measure: "by talk" or "by missed".', 'top callers by talk'],
    ['top callers top extensions', 'Choose one: "top callers" or "top extensions".', 'top callers'],
    [
      'top callers by extension',
      '"by extension" is not a measure of top callers: use "calls", "missed", "answered" or "talk", e.g. "top callers by missed".',
      'top callers',
    ],
    [
      'by',
      '"by" needs day, week or month (a trend: "last month by week"), extension or queue (that table first: "yesterday by extension"), or a measure after top ("top extensions by missed").',
      'today',
    ],
    [
      'yesterday by blah',
      'I can\'t read "by blah": "by" takes day, week or month (a trend: "last month by week"), extension or queue (that table first: "yesterday by extension"), or a measure after top ("top extensions by missed").',
      'yesterday',
    ],
    [
      'per extension yesterday',
      '"per extension": for the extension table first say "by extension"; "per" makes a trend: "per day", "per week" or "per month".',
      'by extension yesterday',
    ],
    [
      'by hour yesterday',
      'Trends go by day, week or month; for the calls of each hour of the day say "busiest hours".',
      'busiest hours yesterday',
    ],
    [
      'last year by year',
      'Trends go by day, week or month, e.g. "last year by month".',
      'last year by month',
    ],
    [
      'by ext 101',
      '"by ext 101" is not clear: for those calls write "ext 101"; for the table of every extension first write "by extension".',
      'ext 101',
    ],
    ['by week', '"by week" needs a period, e.g. "last 3 months by week".', 'last 3 months by week'],
    ['by day ext 101', '"by day" needs a period, e.g. "this month by day".', 'this month by day ext 101'],
    [
      'last year by day',
      '"last year by day" makes 365 buckets; a trend by day has at most 92: try "last year by week".',
      'last year by week',
    ],
    ['last month by day by week', 'Choose one: "by day" or "by week".', 'last month by day'],
    [
      'yesterday by extension by queue',
      'Choose one: "by extension" or "by queue".',
      'yesterday by extension',
    ],
    [
      'top callers last month by week',
      'Ask for one answer at a time: "top callers" (a ranking) and "by week" (a trend) don\'t go together.',
      'top callers last month',
    ],
    [
      'by extension top callers',
      'Ask for one answer at a time: "top callers" (a ranking) and "by extension" (a table first) don\'t go together.',
      'top callers',
    ],
    ['list top callers', '"top callers" (a ranking) is a summary, not "list": drop "list".', 'top callers'],
    [
      'rows by week last month',
      '"by week" (a trend) is a summary, not "rows": drop "rows".',
      'by week last month',
    ],
    [
      'list yesterday by extension',
      '"by extension" (a table first) is a summary, not "list": drop "list".',
      'yesterday by extension',
    ],
  ])('"%s"', (command, message, example) => {
    const error = parseError(command, berlin);
    expect(error.message).toBe(message);
    expect(error.example).toBe(example);
  });

  test('a trend past every coarser unit asks for a shorter period', () => {
    const long = { ...berlin, maxPeriodDays: 2000 };
    const error = parseError('last 40 months by month', long);
    expect(error.message).toBe(
      '"last 40 months by month" makes 41 buckets; a trend by month has at most 36: choose a shorter period, e.g. "last 35 months by month".',
    );
    expect(error.example).toBe('last 35 months by month');
    expect(parseOk('last 35 months by month', long).trend?.by).toBe('month');
  });
});

describe('formatCommand writes rankings, trends and tables back (round trip)', () => {
  test.each<[string, string]>([
    [
      'top extensions by missed 5 ext 101 last week',
      'summary from=2026-11-16T00:00:00.000+01:00 to=2026-11-23T00:00:00.000+01:00 ext 101 top extensions by missed 5',
    ],
    [
      'who missed the most calls yesterday',
      'summary from=2026-11-24T00:00:00.000+01:00 to=2026-11-25T00:00:00.000+01:00 top extensions by missed 10',
    ],
    [
      'busiest hour',
      'summary from=2026-11-25T00:00:00.000+01:00 to=2026-11-25T10:00:00.000+01:00 busiest hours by calls 10',
    ],
    [
      'longest 3 calls inbound',
      'summary from=2026-11-25T00:00:00.000+01:00 to=2026-11-25T10:00:00.000+01:00 inbound longest calls by talk 3',
    ],
    [
      'last 3 months by week queue 800',
      'summary from=2026-08-25T00:00:00.000+02:00 to=2026-11-25T00:00:00.000+01:00 queue 800 by week',
    ],
    [
      'missed calls by extension',
      'summary from=2026-11-25T00:00:00.000+01:00 to=2026-11-25T10:00:00.000+01:00 missed by extension',
    ],
    [
      'yesterday by queue',
      'summary from=2026-11-24T00:00:00.000+01:00 to=2026-11-25T00:00:00.000+01:00 by queue',
    ],
  ])('"%s"', (command, formatted) => {
    const request = parseOk(command, berlin);
    expect(formatCommand(request)).toBe(formatted);
    const again = parseCommand(formatted, berlin);
    expect(again.ok && { ...again.request, assumptions: [] }).toEqual({ ...request, assumptions: [] });
  });
});
