import type { FactSet } from '../../src/render/adaptive-card';
import { describePreviousPeriod } from '../../src/render/describe-previous-period';
import { renderSlack } from '../../src/render/render-slack';
import { renderTeams } from '../../src/render/render-teams';
import { renderText } from '../../src/render/render-text';
import { buildAnswerReply, buildPrevious, buildTotals } from './fixtures/build-answers';
import { buildReport } from './fixtures/build-reply';
import { bodyTexts } from './fixtures/read-teams-card';

/** Last week: 69 calls, 46 answered, 4 missed, SL 80%, avg wait 0:09 against 60, 46, 5, 70%, 0:15. */
const reply = buildAnswerReply({ totals: buildTotals(), previous: buildPrevious() });
const VS = 'vs. the week before (Mon 9 – Sun 15 Nov 2026): 60 calls, 46 answered, 5 missed';

describe('the previous period: ▲/▼ beside the main totals, and which period they compare with', () => {
  it('text: a change column (percent; service level in pp; better or worse where it matters)', () => {
    const lines = renderText(reply).split('\n');
    const start = lines.indexOf('Calls                          69                 ▲ 15%');
    expect(lines.slice(start, start + 10)).toEqual([
      'Calls                          69                 ▲ 15%',
      'Inbound / outbound / internal  50 / 12 / 7',
      'Answered                       46 (67%)           =',
      'Missed                         4 (8% of inbound)  ▼ 20% (better)',
      'Service level                  80%                ▲ 10 pp (better)',
      'Talk time                      2:46:40',
      'Average talk                   3:37',
      'Average wait                   0:09               ▼ 40% (better)',
      'Longest call                   30:00',
      VS,
    ]);
  });

  it('Slack: the change in the field after the figure, the period in a context line', () => {
    const { blocks } = renderSlack(reply);
    const fields = blocks.flatMap((block) => (block.type === 'section' ? (block.fields ?? []) : []));
    expect(fields.map((field) => field.text)).toEqual([
      '*Calls*\n69 ▲ 15%',
      '*Inbound / outbound / internal*\n50 / 12 / 7',
      '*Answered*\n46 (67%) =',
      '*Missed*\n4 (8% of inbound) ▼ 20% (better)',
      '*Service level*\n80% ▲ 10 pp (better)',
      '*Talk time*\n2:46:40',
      '*Average talk*\n3:37',
      '*Average wait*\n0:09 ▼ 40% (better)',
      '*Longest call*\n30:00',
    ]);
    const figuresAt = blocks.findIndex((block) => block.type === 'section' && block.fields);
    expect(blocks[figuresAt + 1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: VS }] });
  });

  it('Teams: the change in the fact value, the period subtle under the facts', () => {
    const card = renderTeams(reply);
    const facts = card.body.find((element): element is FactSet => element.type === 'FactSet');
    expect(facts?.facts.slice(0, 5)).toEqual([
      { title: 'Calls', value: '69 ▲ 15%' },
      { title: 'Inbound / outbound / internal', value: '50 / 12 / 7' },
      { title: 'Answered', value: '46 (67%) =' },
      { title: 'Missed', value: '4 (8% of inbound) ▼ 20% (better)' },
      { title: 'Service level', value: '80% ▲ 10 pp (better)' },
    ]);
    expect(bodyTexts(card)).toContain(
      'vs. the week before \\(Mon 9 – Sun 15 Nov 2026\\): 60 calls, 46 answered, 5 missed',
    );
  });

  it('says "new" after nothing, shows more missed and longer waits as worse, and no change where there is nothing to measure', () => {
    const before = buildPrevious({
      calls: 0,
      inbound: 0,
      answered: 0,
      missed: 0,
      avgWaitSeconds: 0,
      serviceLevelPercent: 0,
    });
    const fromNothing = renderText(buildAnswerReply({ totals: buildTotals(), previous: before }));
    expect(fromNothing).toMatch(/^Calls {26}69 {17}new$/m);
    expect(fromNothing).toMatch(/^Service level {18}80% {16}new$/m);
    const worse = buildAnswerReply({
      totals: buildTotals({ missed: 10, avgWaitSeconds: 30, serviceLevelPercent: 60 }),
      previous: buildPrevious(),
    });
    const text = renderText(worse);
    expect(text).toMatch(/^Missed +10 \(20% of inbound\) +▲ 100% \(worse\)$/m);
    expect(text).toMatch(/^Service level +60% +▼ 10 pp \(worse\)$/m);
    expect(text).toMatch(/^Average wait +0:30 +▲ 100% \(worse\)$/m);
    const noInbound = buildTotals({ inbound: 0, missed: 0, serviceLevelPercent: 0, avgWaitSeconds: 0 });
    const quiet = renderText(buildAnswerReply({ totals: noInbound, previous: buildPrevious() }));
    expect(quiet).toMatch(/^Service level +—$/m);
    expect(quiet).toMatch(/^Average wait +—$/m);
  });

  it('names the period compared with: the day, month or days before, the same time, the span just before', () => {
    const at = (from: string, to: string) => ({ from, to, timeZone: 'Europe/Berlin' });
    const describe = (current: [string, string], previous: [string, string]) =>
      describePreviousPeriod(
        buildReport({ window: at(...current), previous: { window: at(...previous), totals: buildTotals() } }),
      )?.split(':')[0];
    // Berlin is on summer time (+02:00) until 25 Oct 2026.
    const day = (date: string, time = '00:00') => `${date}T${time}:00.000+0${date < '2026-10-25' ? 2 : 1}:00`;
    expect(describe([day('2026-11-20'), day('2026-11-21')], [day('2026-11-19'), day('2026-11-20')])).toBe(
      'vs. the day before (Thu 19 Nov 2026)',
    );
    expect(describe([day('2026-11-01'), day('2026-12-01')], [day('2026-10-01'), day('2026-11-01')])).toBe(
      'vs. the month before (Thu 1 – Sat 31 Oct 2026)',
    );
    expect(describe([day('2026-11-01'), day('2026-11-16')], [day('2026-10-17'), day('2026-11-01')])).toBe(
      'vs. the 15 days before (Sat 17 – Sat 31 Oct 2026)',
    );
    expect(
      describePreviousPeriod(
        buildReport({
          window: at(day('2026-11-20'), day('2026-11-20', '10:00')),
          previous: { window: at(day('2026-11-19'), day('2026-11-19', '10:00')), totals: buildTotals() },
        }),
      ),
    ).toBe('vs. the same time the day before (Thu 19 Nov 2026 00:00–10:00): 69 calls, 46 answered, 4 missed');
    expect(
      describePreviousPeriod(
        buildReport({
          window: at(day('2026-11-20', '07:00'), day('2026-11-20', '10:00')),
          previous: {
            window: at(day('2026-11-20', '04:00'), day('2026-11-20', '07:00')),
            totals: buildTotals(),
          },
        }),
      ),
    ).toMatch(/^vs\. the span just before \(Fri 20 Nov 2026 04:00–07:00\)/);
    expect(describePreviousPeriod(buildReport())).toBeNull();
  });
});
