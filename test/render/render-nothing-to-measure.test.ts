import type { FactSet } from '../../src/render/adaptive-card';
import { renderSlack } from '../../src/render/render-slack';
import { renderTeams } from '../../src/render/render-teams';
import { renderText } from '../../src/render/render-text';
import {
  buildAnswerReply,
  buildBucket,
  buildFocus,
  buildFocusReport,
  buildQueue,
  buildTotals,
} from './fixtures/build-answers';
import { sectionTexts } from './fixtures/expect-slack-limits';
import { figureListAfter } from './fixtures/read-teams-card';

/** Only outbound calls: no inbound call to measure a service level or a wait on. */
const outboundOnly = buildTotals({
  calls: 12,
  inbound: 0,
  outbound: 12,
  internal: 0,
  answered: 9,
  missed: 0,
  avgWaitSeconds: 0,
  serviceLevelPercent: 0,
});

describe('"—" where there was nothing to measure (JSON keeps 0)', () => {
  it('totals: service level and average wait without inbound calls, average talk without answered calls', () => {
    const text = renderText(buildAnswerReply({ totals: outboundOnly }));
    expect(text).toMatch(/^Service level +—$/m);
    expect(text).toMatch(/^Average wait +—$/m);
    expect(text).toMatch(/^Average talk +3:37$/m);
    const unanswered = renderText(
      buildAnswerReply({
        totals: buildTotals({
          answered: 0,
          missed: 50,
          avgTalkSeconds: 0,
          avgWaitSeconds: 0,
          serviceLevelPercent: 0,
        }),
      }),
    );
    expect(unanswered).toMatch(/^Service level +0%$/m);
    expect(unanswered).toMatch(/^Average wait +—$/m);
    expect(unanswered).toMatch(/^Average talk +—$/m);
    const fields = renderSlack(buildAnswerReply({ totals: outboundOnly })).blocks.flatMap((block) =>
      block.type === 'section' ? (block.fields ?? []).map((field) => field.text) : [],
    );
    expect(fields).toContain('*Service level*\n—');
    const facts = renderTeams(buildAnswerReply({ totals: outboundOnly })).body.find(
      (element): element is FactSet => element.type === 'FactSet',
    );
    expect(facts?.facts).toContainEqual({ title: 'Average wait', value: '—' });
  });

  it('queue rows: abandon rate, average wait and service level of a queue nobody called in', () => {
    const idle = buildQueue({
      queue: '801',
      name: 'Support',
      calls: 2,
      answered: 2,
      missed: 0,
      abandoned: 0,
      abandonRatePercent: 0,
      avgWaitSeconds: 0,
      serviceLevelPercent: 0,
      longestWaitSeconds: 0,
    });
    const unanswered = buildQueue({
      queue: '802',
      name: 'Night',
      calls: 3,
      answered: 0,
      missed: 3,
      abandoned: 3,
      abandonRatePercent: 100,
      avgWaitSeconds: 0,
      serviceLevelPercent: 0,
      longestWaitSeconds: 61,
    });
    const reply = buildAnswerReply({ byQueue: [buildQueue(), idle, unanswered] });
    const lines = renderText(reply).split('\n');
    const at = lines.indexOf('Queues');
    expect(lines.slice(at + 1, at + 5)).toEqual([
      'Queue  Name     Calls  Answered  Missed  Abandoned  Abandon rate  Avg wait  Longest wait  Service level',
      '800    Sales       40        34       6          4           10%      0:14          3:05            75%',
      '801    Support      2         2       0          0             —         —          0:00              —',
      '802    Night        3         0       3          3          100%         —          1:01             0%',
    ]);
    expect(sectionTexts(renderSlack(reply))).toContain(
      [
        '*Queues*',
        '`800` Sales · 40 calls · 34 answered · 6 missed · 4 abandoned (10%) · avg wait 0:14 · longest wait 3:05 · service level 75%',
        '`801` Support · 2 calls · 2 answered · 0 missed · 0 abandoned (—) · avg wait — · longest wait 0:00 · service level —',
        '`802` Night · 3 calls · 0 answered · 3 missed · 3 abandoned (100%) · avg wait — · longest wait 1:01 · service level 0%',
      ].join('\n'),
    );
    expect(figureListAfter(renderTeams(reply), 'Queues').entries[1]).toEqual({
      label: '801 Support',
      figures: ['2', '2', '0', '0', '—', '—', '0:00', '—'],
    });
  });

  it('focus: average talk without talk, average ring without answered legs', () => {
    const quiet = buildFocus({
      answered: 0,
      notPickedUp: 29,
      talkSeconds: 0,
      avgTalkSeconds: 0,
      avgRingSeconds: 0,
    });
    expect(renderText(buildAnswerReply(buildFocusReport({ focus: [quiet] })))).toContain(
      'Ben Okafor (ext 101): offered 29, answered 0, not picked up 29, missed 3, outbound 12, talk 0s, avg talk —, avg ring —',
    );
  });

  it('trend buckets: service level and average wait of a bucket without calls, or without answered inbound calls', () => {
    const trend = {
      by: 'day' as const,
      buckets: [
        buildBucket('2026-11-01', '2026-11-02', 0),
        buildBucket('2026-11-02', '2026-11-03', 5, {
          answered: 0,
          missed: 5,
          serviceLevelPercent: 0,
          avgWaitSeconds: 0,
        }),
      ],
    };
    expect(renderText(buildAnswerReply({ trend })).split('\n').slice(5, 7)).toEqual([
      'Sun 1 Nov      0         0       0              —         —',
      'Mon 2 Nov      5         0       5             0%         —',
    ]);
  });
});
