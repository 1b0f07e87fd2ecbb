import fc from 'fast-check';
import { formatCommand } from '../../src/chat/format-command';
import { type ParseContext, parseCommand } from '../../src/commands/parse-command';
import { expectExampleAccepted, expectSaneResult } from './parse-helpers';

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'UTC',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Pacific/Chatham',
  'Asia/Kathmandu',
  'America/St_Johns',
];

/** Words and pieces of the language, including ones that go wrong together. */
const KNOWN_TOKENS = [
  'today',
  'yesterday',
  'last',
  'this',
  'past',
  'since',
  'from',
  'to',
  'between',
  'and',
  'on',
  'week',
  'month',
  'year',
  'workday',
  'working',
  'day',
  'days',
  'hours',
  'weeks',
  'months',
  'minutes',
  '7',
  '24h',
  '0',
  '1',
  '15',
  '400',
  '401',
  '99999999999',
  'monday',
  'fri',
  'nov',
  'feb',
  '29',
  '3rd',
  'of',
  '2026',
  '2028',
  '2026-11-03',
  '2028-02-29',
  '2027-02-29',
  '9999-12-31',
  '0001-01-01',
  '2026-11-01..2026-11-15',
  '-',
  '–',
  '..',
  ',',
  'summary',
  'list',
  'rows',
  'help',
  'ext',
  '101',
  '101,102',
  'queue',
  '800',
  'number',
  '+44',
  '20',
  '12',
  'inbound',
  'outbound',
  'internal',
  'answered',
  'missed',
  'me',
  'calls',
  '/calls',
  'count',
  'top=5',
  'top=x',
  'skip=2',
  'filter="a eq b"',
  'filter="open',
  "source='O'Brien'",
  'select=A,B',
  'pcalls=show',
  'pcalls=maybe',
  'time-from=8:00:00',
  'time-to=25:00',
  'from=2026-11-01T08:00',
  'to=2026-11-01T12:00',
  'from=2026-11-01T08:00Z',
  'to=2030-01-01',
  'from=0000-01-01',
  '=',
  'top',
  '&amp;',
  '&lt;p&gt;',
  '<p>',
  '</p>',
  '<br>',
  '"',
  "'",
  '3/11',
  'blursday',
  'lsat',
  'constructor',
  '__proto__',
  'toString',
  // round 2: rankings, trends, tables first, comparisons
  'top',
  '5',
  '51',
  'callers',
  'extensions',
  'queues',
  'by',
  'per',
  'talk',
  'time',
  'abandoned',
  'busiest',
  'longest',
  'who',
  'most',
  'compare',
  'vs',
  'versus',
  'with',
  'extension',
  'ext 102',
  'queue 801',
  // round 2: call-backs
  'unreturned',
];

const contextArbitrary: fc.Arbitrary<ParseContext> = fc.record({
  now: fc.date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  }),
  timeZone: fc.constantFrom(...ZONES),
  weekStart: fc.constantFrom<'monday' | 'sunday'>('monday', 'sunday'),
  maxPeriodDays: fc.integer({ min: 1, max: 800 }),
});

const textArbitrary = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.array(fc.constantFrom(...KNOWN_TOKENS), { maxLength: 8 }).map((words) => words.join(' ')),
  fc.array(fc.constantFrom(...KNOWN_TOKENS), { maxLength: 6 }).map((words) => words.join('')),
);

describe('parseCommand on arbitrary input', () => {
  test('never throws; refusals are CommandErrors with a message; windows are sane', () => {
    fc.assert(
      fc.property(textArbitrary, contextArbitrary, (text, context) => {
        expectSaneResult(text, context);
      }),
      { numRuns: 1500 },
    );
  });

  test('every example offered for a refused command is accepted', () => {
    fc.assert(
      fc.property(textArbitrary, contextArbitrary, (text, context) => {
        expectExampleAccepted(text, context);
      }),
      { numRuns: 500 },
    );
  });
});

/** Commands of the round-2 grammar, put together from pieces that each read. */
const PERIODS = [
  '',
  'today',
  'yesterday',
  'this week',
  'last week',
  'this month',
  'last month',
  'last 7 days',
  'past 3 hours',
  'since monday',
  'last 3 months',
  'from=2026-11-01T08:00 to=2026-11-01T12:00',
];
const FILTERS = [
  '',
  'ext 101',
  'queue 800',
  'missed',
  'answered inbound',
  'number 4420',
  'ext 101,102 outbound',
  'pcalls=show',
];
const ANSWERS = [
  '',
  'top callers',
  'top 5 extensions by missed',
  'top queues by abandoned 3',
  'busiest hours',
  'busiest days 7',
  'longest calls',
  'who missed the most',
  'who answered most',
  'by day',
  'by week',
  'by month',
  'by extension',
  'by queue',
  'unreturned',
];
const SIDES = [
  ['this week', 'last week'],
  ['today', 'yesterday'],
  ['this month', 'last month'],
  ['last week', 'the week before last'],
  ['ext 101', 'ext 102'],
  ['ext 101,102', 'ext 103'],
  ['queue 800', 'queue 801'],
];
const JOINS = ['vs', 'versus', 'compare|to', 'compare|with', 'compare|and'];

const answerCommands = fc
  .tuple(fc.constantFrom(...PERIODS), fc.constantFrom(...FILTERS), fc.constantFrom(...ANSWERS), fc.boolean())
  .map(([period, filters, answer, answerFirst]) =>
    (answerFirst ? [answer, period, filters] : [period, filters, answer]).join(' '),
  );
const comparisonCommands = fc
  .tuple(
    fc.constantFrom(...SIDES),
    fc.constantFrom(...JOINS),
    fc.constantFrom(...FILTERS),
    fc.constantFrom(...PERIODS),
  )
  .map(([[first, second], join, filters, period]) => {
    const [compare, word] = join.includes('|') ? join.split('|') : ['', join];
    const rest = first!.startsWith('ext') || first!.startsWith('queue') ? `${period} ${filters}` : filters;
    return [compare, first, word, second, rest].join(' ');
  });

describe('formatCommand and parseCommand (round trip)', () => {
  test('every request of the round-2 grammar is written back as words that read as the same request', () => {
    fc.assert(
      fc.property(fc.oneof(answerCommands, comparisonCommands), contextArbitrary, (text, context) => {
        const result = parseCommand(text, context);
        if (!result.ok || result.request.view === 'help' || result.request.names.length > 0) return;
        const written = formatCommand(result.request);
        const again = parseCommand(written, context);
        expect(
          again.ok ? { ...again.request, assumptions: [] } : `${text} -> ${written}: ${again.error.message}`,
        ).toEqual({
          ...result.request,
          assumptions: [],
        });
      }),
      { numRuns: 1500 },
    );
  });

  test('the round-2 grammar never throws and offers only examples that read', () => {
    fc.assert(
      fc.property(fc.oneof(answerCommands, comparisonCommands), contextArbitrary, (text, context) => {
        expectSaneResult(text, context);
        expectExampleAccepted(text, context);
      }),
      { numRuns: 500 },
    );
  });
});
