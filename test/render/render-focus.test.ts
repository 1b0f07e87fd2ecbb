import type { FactSet } from '../../src/render/adaptive-card';
import { renderSlack } from '../../src/render/render-slack';
import { renderTeams } from '../../src/render/render-teams';
import { renderText } from '../../src/render/render-text';
import { buildAnswerReply, buildFocus, buildFocusReport, buildTotals } from './fixtures/build-answers';
import { buildReportReply } from './fixtures/build-reply';
import { sectionTexts } from './fixtures/expect-slack-limits';
import { bodyTexts, figureListAfter } from './fixtures/read-teams-card';

const BEN =
  'Ben Okafor (ext 101): offered 29, answered 25, not picked up 4, missed 3, outbound 12, talk 2h 03m, avg talk 4m 12s, avg ring 8s';
const SCOPE = '69 calls reached ext 101 or were made by it; 46 of them were answered, by anyone.';

describe("the extension's own view leads, and the call-level totals say what they count", () => {
  const reply = buildReportReply({ report: buildFocusReport() });

  it('text: own figures first, then the labelled totals, then the other extensions apart', () => {
    const lines = renderText(reply).split('\n');
    expect(lines.slice(3, 8)).toEqual([
      "Ben Okafor's own calls",
      BEN,
      '',
      SCOPE,
      'Calls                          69',
    ]);
    const also = lines.indexOf('Also involved');
    expect(lines.slice(also, also + 3)).toEqual([
      'Also involved',
      'Ext  Name       Calls  Answered  Missed  Outbound   Talk',
      '102  Ana Silva     14        12       1         0  33:20',
    ]);
    expect(lines).not.toContain('Extensions');
  });

  it('Slack: a section of own figures, the totals as fields under the scope sentence, "Also involved"', () => {
    const message = renderSlack(reply);
    const texts = sectionTexts(message);
    expect(texts[0]).toBe(
      `*Ben Okafor's own calls*\n• *Ben Okafor (ext 101)*: ${BEN.slice(BEN.indexOf(': ') + 2)}`,
    );
    const figures = message.blocks[3];
    expect(figures).toMatchObject({ type: 'section', text: { type: 'mrkdwn', text: SCOPE } });
    expect(figures?.type === 'section' && figures.fields?.[0]?.text).toBe('*Calls*\n69');
    expect(texts).toContain(
      '*Also involved*\n`102` Ana Silva · 14 calls · 12 answered · 1 missed · 0 outbound · 33:20 talk',
    );
    expect(texts.some((text) => text.startsWith('*Busiest extensions*'))).toBe(false);
  });

  it('Teams: a titled line per person (name bold), the scope above the facts, "Also involved"', () => {
    const card = renderTeams(reply);
    const texts = bodyTexts(card);
    expect(texts.slice(2, 5)).toEqual([
      "Ben Okafor's own calls",
      `**Ben Okafor \\(ext 101\\)**: ${BEN.slice(BEN.indexOf(': ') + 2)}`,
      '69 calls reached ext 101 or were made by it; 46 of them were answered, by anyone.',
    ]);
    const facts = card.body.find((element): element is FactSet => element.type === 'FactSet');
    expect(facts?.facts[0]).toEqual({ title: 'Calls', value: '69' });
    expect(figureListAfter(card, 'Also involved').entries.map((entry) => entry.label)).toEqual([
      '102 Ana Silva',
    ]);
  });

  it('comes after the missed-calls list when the missed calls are asked for', () => {
    const lines = renderText(buildReportReply({ focus: 'missed', report: buildFocusReport() })).split('\n');
    expect(lines.indexOf('Missed calls (1)')).toBe(3);
    expect(lines.indexOf("Ben Okafor's own calls")).toBeGreaterThan(lines.indexOf('Missed calls (1)'));
    expect(lines.indexOf("Ben Okafor's own calls")).toBeLessThan(lines.indexOf(SCOPE));
  });

  it('words several people, one call, and no call at all', () => {
    const ana = buildFocus({ extension: '102', name: 'Ana Silva' });
    const two = renderText(buildAnswerReply({ ...buildFocusReport(), focus: [buildFocus(), ana] })).split(
      '\n',
    );
    expect(two).toContain("Each one's own calls");
    expect(two).toContain(
      '69 calls reached ext 101 or 102 or were made by one of them; 46 of them were answered, by anyone.',
    );
    const one = buildFocusReport({ totals: buildTotals({ calls: 1, answered: 1 }) });
    expect(renderText(buildAnswerReply(one))).toContain(
      '1 call reached ext 101 or was made by it; it was answered, by anyone.',
    );
    const unnamed = buildFocusReport({ focus: [buildFocus({ name: '' })] });
    expect(renderText(buildAnswerReply(unnamed))).toContain("Ext 101's own calls\next 101: offered 29");
  });

  it('says which calls a queue filter counts', () => {
    const report = {
      filters: { extensions: [], queues: ['800'], numbers: [], directions: [], status: null },
    };
    const text = renderText(
      buildAnswerReply({ ...report, totals: buildTotals({ calls: 120, answered: 98 }) }),
    );
    expect(text).toContain('120 calls went through queue 800; 98 of them were answered.\nCalls ');
  });
});
