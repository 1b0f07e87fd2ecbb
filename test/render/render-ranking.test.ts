import type { Ranking } from '../../src/core/answers';
import { renderSlack } from '../../src/render/render-slack';
import { renderTeams } from '../../src/render/render-teams';
import { renderText } from '../../src/render/render-text';
import { buildAnswerReply, buildExtensionRanking, buildRankingRow as row } from './fixtures/build-answers';
import { expectWithinSlackLimits, sectionTexts } from './fixtures/expect-slack-limits';
import { figureListAfter } from './fixtures/read-teams-card';

/** The ranking's lines as the terminal shows them (after the heading), up to the period's figures. */
function rankingText(ranking: Ranking): string[] {
  const lines = renderText(buildAnswerReply({ ranking })).split('\n').slice(3);
  return lines.slice(0, lines.indexOf(''));
}

describe('a ranking: a numbered table, the value formatted by its measure, a couple of figures beside it', () => {
  it('who missed the most: extensions by not picked up, with offered and answered', () => {
    expect(rankingText(buildExtensionRanking())).toEqual([
      'Top 3 extensions by missed calls',
      '#   Ext  Name        Not picked up  Offered  Answered',
      '1.  101  Ben Okafor              4       29        25',
      '2.  102  Ana Silva               2       20        18',
      '3.  103  Tom Berg                2        9         7',
    ]);
  });

  it('top callers: the number, the name, calls, missed and the last call', () => {
    const ranking: Ranking = {
      of: 'callers',
      by: 'calls',
      rows: [
        row('+442071234567', 'Jane Caller', 12, {
          calls: 12,
          missed: 2,
          lastCall: '2026-11-20T14:03:11.000+01:00',
        }),
        row('+4930123456', '', 7, { calls: 7, missed: 0, lastCall: '2026-11-19T09:15:00.000+01:00' }),
      ],
    };
    expect(rankingText(ranking)).toEqual([
      'Top 2 callers by calls',
      '#   Number         Name         Calls  Missed         Last call',
      '1.  +442071234567  Jane Caller     12       2  Fri 20 Nov 14:03',
      '2.  +4930123456                     7       0  Thu 19 Nov 09:15',
    ]);
  });

  it('queues by wait: durations, and "—" for a queue whose calls were none answered', () => {
    const queue = (key: string, name: string, wait: number, answered: number, missed: number) =>
      row(key, name, wait, {
        calls: answered + missed,
        answered,
        missed,
        avgWaitSeconds: wait,
        longestWaitSeconds: 185,
        serviceLevelPercent: answered > 0 ? 75 : 0,
      });
    const ranking: Ranking = {
      of: 'queues',
      by: 'wait',
      rows: [queue('800', 'Sales', 14, 34, 6), queue('801', 'Support', 0, 0, 3)],
    };
    expect(rankingText(ranking)).toEqual([
      'Top 2 queues by average wait',
      '#   Queue  Name     Avg wait  Longest wait  Service level',
      '1.  800    Sales        0:14          3:05            75%',
      '2.  801    Support         —          3:05             0%',
    ]);
  });

  it('busiest hours and days, and the longest calls with their route', () => {
    expect(rankingText({ of: 'hours', by: 'calls', rows: [row('9', '', 41), row('14', '', 38)] })).toEqual([
      'Busiest hours',
      '#   Hour         Calls',
      '1.  09:00–10:00     41',
      '2.  14:00–15:00     38',
    ]);
    expect(rankingText({ of: 'days', by: 'calls', rows: [row('2026-11-03', '', 212)] })).toEqual([
      'Busiest days',
      '#   Day        Calls',
      '1.  Tue 3 Nov    212',
    ]);
    const call = row('2026-11-20T14:03:11.000+01:00', 'Jane Caller', 3723, {
      from: '+442071234567',
      fromName: 'Jane Caller',
      to: '101',
      toName: 'Ben Okafor',
    });
    expect(rankingText({ of: 'calls', by: 'talk', rows: [call] })).toEqual([
      'Longest calls',
      '#   Start             Call                                             Talk',
      '1.  Fri 20 Nov 14:03  Jane Caller (+442071234567) → 101 Ben Okafor  1:02:03',
    ]);
  });

  it('says so when there is nothing to rank', () => {
    expect(rankingText({ of: 'extensions', by: 'talk', rows: [] })).toEqual([
      'Top extensions by talk time',
      'No extensions to rank in this window.',
    ]);
  });

  it('Slack: the table monospaced, the period figures after it; Teams: a numbered figure list', () => {
    const reply = buildAnswerReply({ ranking: buildExtensionRanking() });
    const message = renderSlack(reply);
    expectWithinSlackLimits(message);
    expect(sectionTexts(message)[0]).toBe(
      [
        '*Top 3 extensions by missed calls*',
        '```',
        '#   Ext  Name        Not picked up  Offered  Answered',
        '1.  101  Ben Okafor              4       29        25',
        '2.  102  Ana Silva               2       20        18',
        '3.  103  Tom Berg                2        9         7',
        '```',
      ].join('\n'),
    );
    expect(sectionTexts(message)[1]?.startsWith('All calls in the period:\n*Calls*\n3')).toBe(true);
    const list = figureListAfter(renderTeams(reply), 'Top 3 extensions by missed calls');
    expect(list.headers).toEqual(['Not picked up', 'Offered', 'Answered']);
    expect(list.entries[0]).toEqual({ label: '1. 101 Ben Okafor', figures: ['4', '29', '25'] });
  });

  it('a top 50 of long names fits Slack (cut with "…and N more") and Teams', () => {
    const rows = Array.from({ length: 50 }, (_, index) =>
      row(
        `+44207123${String(index).padStart(4, '0')}`,
        `Caller with a rather long display name ${index}`,
        50 - index,
        {
          calls: 50 - index,
          missed: 1,
          lastCall: '2026-11-20T14:03:11.000+01:00',
        },
      ),
    );
    const reply = buildAnswerReply({ ranking: { of: 'callers', by: 'calls', rows } });
    expectWithinSlackLimits(renderSlack(reply));
    const card = renderTeams(reply);
    expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThanOrEqual(27_000);
    expect(figureListAfter(card, 'Top 50 callers by calls').entries.length).toBeGreaterThanOrEqual(10);
  });
});
