import { renderSlack } from '../../src/render/render-slack';
import { renderTeams } from '../../src/render/render-teams';
import { renderText } from '../../src/render/render-text';
import { buildAnswerReply, buildComparison, buildTotals } from './fixtures/build-answers';
import { expectWithinSlackLimits, sectionTexts } from './fixtures/expect-slack-limits';
import { figureListAfter } from './fixtures/read-teams-card';

const TITLE = 'Compared: Ben Okafor (ext 101) vs. Ana Silva (ext 102)';
const TABLE = [
  '                    Ben Okafor (ext 101)  Ana Silva (ext 102)  Change',
  'Calls                                 69                   60  ▲ 15%',
  'Answered                              46                   46  =',
  'Missed                                 4                    5  ▼ 20% (better)',
  'Talk time                        2:46:40              2:30:00  ▲ 11%',
  'Avg wait                            0:09                 0:15  ▼ 40% (better)',
  'Service level                        80%                  70%  ▲ 10 pp (better)',
  'Own: offered                          29                   20  ▲ 45%',
  'Own: answered                         25                   18  ▲ 39%',
  'Own: not picked up                     4                    2  ▲ 100% (worse)',
  'Own: outbound                         12                    6  ▲ 100%',
  'Own: talk                        2:03:00              1:00:00  ▲ 105%',
];

describe('a comparison side by side: a column per side, a row per figure, the difference', () => {
  const reply = buildAnswerReply({ comparison: buildComparison() });

  it('text: the sides named in full, then an aligned table (own figures when people are compared)', () => {
    const lines = renderText(reply).split('\n');
    expect(lines.slice(lines.indexOf(TITLE))).toEqual([TITLE, ...TABLE]);
    // The compared extensions are the columns, not a filter of the whole reply.
    expect(lines.filter((line) => line.startsWith('Filters:'))).toEqual([]);
  });

  it('Slack: the same table, monospaced in one section, within Block Kit limits', () => {
    const message = renderSlack(reply);
    expectWithinSlackLimits(message);
    expect(sectionTexts(message)).toEqual([`*${TITLE}*\n\`\`\`\n${TABLE.join('\n')}\n\`\`\``]);
  });

  it('Teams: a figure list with the sides and the change as columns', () => {
    const list = figureListAfter(renderTeams(reply), TITLE.replace(/[()]/g, '\\$&'));
    expect(list.headers).toEqual(['Ben Okafor \\(ext 101\\)', 'Ana Silva \\(ext 102\\)', 'Change']);
    expect(list.entries.slice(0, 2)).toEqual([
      { label: 'Calls', figures: ['69', '60', '▲ 15%'] },
      { label: 'Answered', figures: ['46', '46', '='] },
    ]);
    expect(list.entries.at(-1)).toEqual({ label: 'Own: talk', figures: ['2:03:00', '1:00:00', '▲ 105%'] });
  });

  it('compares periods without own figures, and more than two sides without a change column', () => {
    const [first, second] = buildComparison().columns;
    const periods = {
      by: 'period' as const,
      columns: [
        { ...first!, label: 'this week (until Fri 10:00)', focus: [] },
        {
          ...second!,
          label: 'last week (until Fri 10:00)',
          focus: [],
          totals: buildTotals({ inbound: 0, missed: 0 }),
        },
      ],
    };
    const lines = renderText(buildAnswerReply({ comparison: periods }))
      .split('\n')
      .slice(3);
    expect(lines[0]).toBe('Compared: this week (until Fri 10:00) vs. last week (until Fri 10:00)');
    expect(lines).toHaveLength(8);
    expect(lines.slice(6, 8)).toEqual([
      'Avg wait                              0:09                            —  new',
      'Service level                          80%                            —  new',
    ]);
    const three = {
      by: 'queue' as const,
      columns: [first!, second!, { ...second!, label: 'Sales (queue 800)' }],
    };
    const header = renderText(buildAnswerReply({ comparison: three })).split('\n')[4];
    expect(header?.trimEnd().endsWith('Sales (queue 800)')).toBe(true);
  });
});
