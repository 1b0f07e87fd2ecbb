import { answerExplainText } from '../../src/chat/answer-explain-text';
import { explainCommand } from '../../src/commands/explain-command';
import type { Directory } from '../../src/core/directory';
import { renderText } from '../../src/render/render-text';
import { contextAt } from './parse-helpers';

/** `explain` of rankings, trends, tables first and comparisons. Asked on Wed 25 Nov 2026, 10:00 in Berlin. */
const berlin = contextAt('2026-11-25T10:00', 'Europe/Berlin', { locale: 'en-GB' });
const NO_FILTERS = { extensions: [], queues: [], numbers: [], directions: [], status: null };
const TODAY = {
  from: '2026-11-25T00:00:00.000+01:00',
  to: '2026-11-25T10:00:00.000+01:00',
  timeZone: 'Europe/Berlin',
};

function explained(words: string) {
  const result = explainCommand(words, berlin);
  if (!result.ok) throw result.error;
  return result.explanation;
}

describe('explainCommand says what will be computed', () => {
  test('a ranking: view "ranking", what it ranks, and the command that stores it', () => {
    expect(explained('who missed the most calls last week?')).toEqual({
      view: 'ranking',
      command:
        'summary from=2026-11-16T00:00:00.000+01:00 to=2026-11-23T00:00:00.000+01:00 top extensions by missed 10',
      window: {
        from: '2026-11-16T00:00:00.000+01:00',
        to: '2026-11-23T00:00:00.000+01:00',
        timeZone: 'Europe/Berlin',
      },
      windows: [],
      filters: NO_FILTERS,
      names: [],
      assumptions: [],
      computes: 'a ranking: top 10 extensions by missed',
      ranking: { of: 'extensions', by: 'missed', size: 10 },
    });
  });

  test.each([
    ['top 5 callers', 'a ranking: top 5 callers by calls'],
    ['top queues by wait', 'a ranking: top 10 queues by wait'],
    ['busiest hour', 'a ranking: the 10 busiest hours by calls'],
    ['busiest 3 days last month', 'a ranking: the 3 busiest days by calls'],
    ['longest calls', 'a ranking: the 10 longest calls by talk time'],
    ['missed calls by extension', 'a summary with the extension table first'],
    ['yesterday by queue', 'a summary with the queue table first'],
  ])('"%s": %s', (words, computes) => {
    expect(explained(words).computes).toBe(computes);
  });

  test('a trend: view "trend" and its number of buckets', () => {
    const explanation = explained('last 3 months by week');
    expect(explanation.view).toBe('trend');
    expect(explanation.computes).toBe('a trend by week: 14 buckets (weeks start on Monday)');
    expect(explanation.trend).toEqual({ by: 'week', weekStart: 'monday', buckets: 14 });
    expect(explained('last month by day').computes).toBe('a trend by day: 31 buckets');
    expect(explained('this year by month').trend?.buckets).toBe(11);
  });

  test('a comparison of periods: view "compare", both windows, both sides', () => {
    const explanation = explained('this week vs last week missed');
    const thisWeek = {
      from: '2026-11-23T00:00:00.000+01:00',
      to: '2026-11-25T10:00:00.000+01:00',
      timeZone: 'Europe/Berlin',
    };
    const lastWeek = {
      from: '2026-11-16T00:00:00.000+01:00',
      to: '2026-11-18T10:00:00.000+01:00',
      timeZone: 'Europe/Berlin',
    };
    const missed = { ...NO_FILTERS, status: 'missed' };
    expect(explanation).toEqual({
      view: 'compare',
      command: `summary compare from=${thisWeek.from} to=${thisWeek.to} with from=${lastWeek.from} to=${lastWeek.to} missed`,
      window: thisWeek,
      windows: [thisWeek, lastWeek],
      filters: missed,
      names: [],
      assumptions: [
        {
          code: 'same-span',
          text: '"last week" compared over the same span as "this week", which runs until now: Mon 16 Nov 00:00 – Wed 18 Nov 2026 10:00 (Europe/Berlin)',
        },
      ],
      computes: 'a comparison of two periods, side by side',
      comparison: {
        by: 'period',
        sides: [
          { window: thisWeek, filters: missed },
          { window: lastWeek, filters: missed },
        ],
      },
    });
  });

  test('a comparison of extensions: one window for both, each side its extensions', () => {
    const explanation = explained('ext 101 vs ext 102');
    expect(explanation.windows).toEqual([TODAY, TODAY]);
    expect(explanation.computes).toBe(
      'a comparison of two extension sets, side by side: ext 101 with ext 102',
    );
    expect(explanation.comparison?.sides.map((side) => side.filters.extensions)).toEqual([['101'], ['102']]);
    expect(explained('queue 800 vs queue 801').computes).toBe(
      'a comparison of two queues, side by side: queue 800 with queue 801',
    );
  });

  test("a plain summary keeps exactly the contract's keys", () => {
    expect(Object.keys(explained('last week ext 101'))).toEqual([
      'view',
      'command',
      'window',
      'windows',
      'filters',
      'names',
      'assumptions',
    ]);
  });
});

describe('the explain reply for people', () => {
  const directory: Directory = {
    users: [
      { number: '101', firstName: 'Ben', lastName: 'Okafor' },
      { number: '104', firstName: 'Emma', lastName: 'Nowak' },
    ],
    queues: [{ number: '800', name: 'Sales' }],
  };

  test('a comparison of periods shows both windows and what is computed', () => {
    const reply = answerExplainText('explain this week vs last week', berlin, undefined);
    expect(reply.windowLabel).toBe(
      'Mon 23 Nov 00:00 – Wed 25 Nov 2026 10:00 (Europe/Berlin) with Mon 16 Nov 00:00 – Wed 18 Nov 2026 10:00 (Europe/Berlin)',
    );
    expect(reply.computes).toBe('a comparison of two periods, side by side');
    expect(renderText(reply).split('\n').slice(0, 4)).toEqual([
      'How I read "this week vs last week"',
      'Window: Mon 23 Nov 00:00 – Wed 25 Nov 2026 10:00 (Europe/Berlin) with Mon 16 Nov 00:00 – Wed 18 Nov 2026 10:00 (Europe/Berlin)',
      'View: compare',
      'Computes: a comparison of two periods, side by side',
    ]);
  });

  test('a comparison of people: the names resolve with the directory at hand, the filters say what both sides share', () => {
    const reply = answerExplainText('explain ben vs emma yesterday missed', berlin, directory);
    expect(reply.computes).toBe('a comparison of two extension sets, side by side: ext 101 with ext 104');
    expect(reply.filters).toEqual({ ...NO_FILTERS, status: 'missed' });
    expect(reply.assumptions).toEqual([
      { code: 'name', text: '"ben" is ext 101 (Ben Okafor)' },
      { code: 'name', text: '"emma" is ext 104 (Emma Nowak)' },
    ]);
    expect(reply.notes).toEqual([]);
  });

  test('numbers on either side that the PBX does not have are named', () => {
    expect(answerExplainText('explain ext 101 vs ext 555', berlin, directory).notes).toEqual([
      'ext 555 is not an extension on this PBX.',
    ]);
    expect(answerExplainText('explain ext 101 vs ext 555', berlin, undefined).notes).toEqual([
      'ext 101 and ext 555 will be looked up in the PBX directory when the report runs.',
    ]);
  });

  test('a ranking: the Computes line comes after the view', () => {
    const text = renderText(
      answerExplainText('explain top 5 extensions by missed last week', berlin, undefined),
    );
    expect(text.split('\n').slice(2, 5)).toEqual([
      'View: ranking',
      'Computes: a ranking: top 5 extensions by missed',
      'Command: summary from=2026-11-16T00:00:00.000+01:00 to=2026-11-23T00:00:00.000+01:00 top extensions by missed 5',
    ]);
  });
});
