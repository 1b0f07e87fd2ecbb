import fc from 'fast-check';
import type { ParseContext } from '../../src/commands/parse-command';
import { expectExampleAccepted, expectSaneResult } from './parse-helpers';

/** Words of people's sentences and of the round-2 grammar, including ones that go wrong together. */
const WORDS = [
  'show',
  'me',
  'can',
  'you',
  'please',
  'what',
  'about',
  'the',
  'a',
  'an',
  'of',
  'for',
  'from',
  'to',
  'since',
  'after',
  'before',
  'until',
  'between',
  'and',
  'now',
  'so',
  'far',
  'ago',
  'few',
  'last',
  'this',
  'past',
  'next',
  'week',
  'weeks',
  'weekend',
  'month',
  'quarter',
  'year',
  'days',
  'hours',
  'morning',
  'afternoon',
  'evening',
  'night',
  'tonight',
  'today',
  'yesterday',
  'tuesday',
  'fri',
  'nov',
  'may',
  'feb',
  '29',
  '30',
  '31',
  '3rd',
  '15',
  '9',
  '5',
  '-',
  '..',
  '9am',
  '5pm',
  '9am-5pm',
  '14:00-16:00',
  'noon',
  '3/11',
  '11/3',
  '24/11',
  '3.11.2026',
  '2026-11-03',
  '2025',
  '2027',
  'q3',
  'q5',
  'h1',
  'wk',
  '48',
  '53',
  'christmas',
  'easter',
  'boxing',
  'day',
  "ben's",
  'ben',
  'okafor',
  'ext101',
  'x101',
  'ext',
  '101',
  'missed',
  'list',
  '?',
  'did',
  'start',
  'end',
  'first',
  'top',
  'callers',
  'who',
  'most',
  'busiest',
  'longest',
  'by',
  'vs',
  'compare',
  'with',
];
const LOCALES = ['en-US', 'en-GB', 'en-IN', 'de-DE', 'ja-JP', 'sv-SE', 'en', 'xx-invalid-'];
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns'];

const contexts: fc.Arbitrary<ParseContext> = fc.record({
  now: fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2090-01-01T00:00:00Z'),
    noInvalidDate: true,
  }),
  timeZone: fc.constantFrom(...ZONES),
  weekStart: fc.constantFrom<'monday' | 'sunday'>('monday', 'sunday'),
  maxPeriodDays: fc.integer({ min: 1, max: 800 }),
  locale: fc.constantFrom(...LOCALES),
  directory: fc.constantFrom(undefined, [{ extension: '101', firstName: 'Ben', lastName: 'Okafor' }]),
});
const sentences = fc.array(fc.constantFrom(...WORDS), { maxLength: 9 }).map((words) => words.join(' '));

describe('natural language on arbitrary sentences', () => {
  test('no accepted window starts in the future or is longer than maxPeriodDays', () => {
    fc.assert(
      fc.property(sentences, contexts, (text, context) => {
        const result = expectSaneResult(text, context);
        if (!result.ok) return;
        expect(result.request.window.from.getTime()).toBeLessThanOrEqual(context.now.getTime());
        expect(Array.isArray(result.request.assumptions)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  test('every example offered for a refused sentence is accepted', () => {
    fc.assert(
      fc.property(sentences, contexts, (text, context) => {
        expectExampleAccepted(text, context);
      }),
      { numRuns: 500 },
    );
  });
});
