import type { Report } from '../../../src/core/report';
import { describeFocusFigures } from '../../../src/render/describe-focus';
import { formatDuration } from '../../../src/render/format-duration';
import { formatCount } from '../../../src/render/format-number';
import { expectedFocusSummary, expectedKeyFigures } from '../../helpers/expected-summaries';
import {
  buildButtonSubmit,
  buildChannelMention,
  buildPersonalMessage,
  TEAMS_CHANNEL_ID,
  TEAMS_PERSONAL_CONVERSATION_ID,
} from '../../helpers/teams-activities';
import {
  cardOf,
  factSetsOf,
  figureListAfter,
  keyFiguresOf,
  submitAction,
  textsOf,
} from '../../helpers/teams-card';
import { startTeamsTestBed, type TeamsTestBed } from '../../helpers/teams-test-bed';

let bed: TeamsTestBed;

beforeAll(async () => {
  bed = await startTeamsTestBed();
});

afterAll(async () => {
  await bed?.close();
});

/** The card's key figures are the report's, each with its change against the previous period. */
function expectFiguresOf(card: Record<string, unknown>, report: Report): void {
  expect(report.totals.calls).toBeGreaterThan(0);
  expect(keyFiguresOf(card)).toEqual(
    Object.fromEntries(expectedKeyFigures(report).map((f) => [f.label, f.value])),
  );
  expect(keyFiguresOf(card).Calls?.startsWith(`${formatCount(report.totals.calls)} `)).toBe(true);
}

describe('Teams /api/messages on the real bot (TEAMS_DEV_NO_AUTH, demo PBX, fake Bot Connector)', () => {
  let firstCard: Record<string, unknown>;

  it('answers a 1:1 message with one Adaptive Card whose figures equal the CLI --json for the same zone', async () => {
    const activity = buildPersonalMessage(bed.connector.serviceUrl, { text: 'calls last week ext 101' });
    const reply = await bed.ask(activity);
    const cli = await bed.runCliJson(['last', 'week', 'ext', '101'], 'Europe/Berlin');

    expect(reply.conversationId).toBe(TEAMS_PERSONAL_CONVERSATION_ID);
    expect(reply.authorization).toBeUndefined();
    const types = bed.connector.calls
      .filter((call) => call.replyToActivityId === activity.id)
      .map((c) => c.activity.type);
    expect(types).toEqual(['typing', 'message']);
    expect(reply.activity).toMatchObject({ type: 'message', replyToId: activity.id });
    expect(reply.activity.summary).toBe(
      `Mon 16 – Sun 22 Nov 2026 (Europe/Berlin): ${expectedFocusSummary(cli)}`,
    );

    firstCard = cardOf(reply.activity);
    expect(firstCard).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(textsOf(firstCard)[0]).toBe('Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)');
    expectFiguresOf(firstCard, cli);
    // Ben's own calls lead; the totals say what they count; the week before is named.
    const ben = cli.focus?.find((entry) => entry.extension === '101');
    expect(ben?.name).toBe('Ben Okafor');
    const texts = textsOf(firstCard);
    expect(texts.slice(2, 5)).toEqual([
      "Ben Okafor's own calls",
      `**Ben Okafor \\(ext 101\\)**: ${describeFocusFigures(ben!)}`,
      `${formatCount(cli.totals.calls)} calls reached ext 101 or were made by it; ${formatCount(cli.totals.answered)} of them were answered, by anyone.`,
    ]);
    const before = cli.previous!.totals;
    expect(texts).toContain(
      `vs. the week before \\(Mon 9 – Sun 15 Nov 2026\\): ${formatCount(before.calls)} calls, ${formatCount(before.answered)} answered, ${formatCount(before.missed)} missed`,
    );
    // The other extensions involved are listed apart, without ext 101.
    const others = cli.byExtension.filter((row) => row.extension !== '101');
    const rows = figureListAfter(firstCard, 'Also involved');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(others.length);
    rows.forEach((row, index) => {
      const expected = others[index]!;
      expect(row.label.startsWith(`${expected.extension} `)).toBe(true);
      expect(row.figures.slice(0, 3)).toEqual(
        [expected.calls, expected.answered, expected.missed].map(formatCount),
      );
    });
  });

  it('takes bare command words in a 1:1 chat', async () => {
    const reply = await bed.ask(buildPersonalMessage(bed.connector.serviceUrl, { text: 'yesterday' }));
    const cli = await bed.runCliJson(['yesterday'], 'Europe/Berlin');
    const card = cardOf(reply.activity);
    expect(textsOf(card)[0]).toBe('Sat 28 Nov 2026 (Europe/Berlin)');
    expectFiguresOf(card, cli);
  });

  it('answers a channel @mention in its thread: mention stripped, zone from the clientInfo entity', async () => {
    const activity = buildChannelMention(bed.connector.serviceUrl, 'last week queue 800');
    const reply = await bed.ask(activity);
    const cli = await bed.runCliJson(['last', 'week', 'queue', '800'], 'America/New_York');

    expect(reply.conversationId).toBe(`${TEAMS_CHANNEL_ID};messageid=${activity.id}`);
    const types = bed.connector.calls
      .filter((call) => call.replyToActivityId === activity.id)
      .map((c) => c.activity.type);
    expect(types).toEqual(['message']);
    const card = cardOf(reply.activity);
    expect(textsOf(card)[0]).toBe('Mon 16 – Sun 22 Nov 2026 (America/New_York)');
    expectFiguresOf(card, cli);
    const queue = cli.byQueue.find((row) => row.queue === '800')!;
    const queueRow = figureListAfter(card, 'Queues').find((row) => row.label.startsWith('800 '));
    expect(queue.answered).toBeGreaterThan(0);
    expect(queueRow?.figures).toEqual([
      ...[queue.calls, queue.answered, queue.missed, queue.abandoned].map(formatCount),
      `${queue.abandonRatePercent}%`,
      formatDuration(queue.avgWaitSeconds),
      formatDuration(queue.longestWaitSeconds),
      `${queue.serviceLevelPercent}%`,
    ]);
    expect(textsOf(card)).toContain(
      `${formatCount(cli.totals.calls)} calls went through queue 800; ${formatCount(cli.totals.answered)} of them were answered.`,
    );
  });

  it('runs the command a button carries (Action.Submit data { action, value })', async () => {
    const button = submitAction(firstCard, 'missed');
    expect(button.title).toBe('Missed calls');
    const reply = await bed.ask(buildButtonSubmit(bed.connector.serviceUrl, button.data));
    const cli = await bed.runCliJson(['last', 'week', 'ext', '101', 'missed'], 'Europe/Berlin');

    const card = cardOf(reply.activity);
    expect(cli.missedCalls.length).toBeGreaterThan(0);
    expect(textsOf(card)).toContain(`Missed calls (${formatCount(cli.missedCalls.length)})`);
    expectFiguresOf(card, cli);
    const [missedList] = factSetsOf(card);
    expect(missedList).toHaveLength(Math.min(cli.missedCalls.length, 50));
    expect(missedList?.[0]?.value).toContain(cli.missedCalls[0]!.from);
    expect(() => submitAction(card, 'missed')).toThrow();
  });

  it('answers a tampered button value with an error card, without asking the PBX', async () => {
    const before = bed.pbx.requests.length;
    const data = { action: 'missed', value: JSON.stringify({ v: 1, c: 'last week', f: 'everything' }) };
    const reply = await bed.ask(buildButtonSubmit(bed.connector.serviceUrl, data));
    expect(textsOf(cardOf(reply.activity))[0]).toBe(
      "⚠️ That button's data could not be read, so nothing was looked up.",
    );
    expect(bed.pbx.requests.length).toBe(before);
  });

  it('answers `help` with the usage', async () => {
    const reply = await bed.ask(buildPersonalMessage(bed.connector.serviceUrl, { text: 'help' }));
    expect(textsOf(cardOf(reply.activity)).join('\n')).toContain('last week');
  });

  it('ignores a channel message that does not mention the bot', async () => {
    const activity = buildChannelMention(bed.connector.serviceUrl, 'today', { text: 'today', entities: [] });
    expect((await bed.post(activity)).status).toBe(200);
    await bed.settle();
    expect(bed.connector.calls.filter((call) => call.replyToActivityId === activity.id)).toEqual([]);
  });

  it('answers a message sent again by Teams (same id) only once', async () => {
    const activity = buildPersonalMessage(bed.connector.serviceUrl, { text: 'help' });
    await bed.ask(activity);
    expect((await bed.post(activity)).status).toBe(200);
    await bed.settle();
    expect(bed.connector.messages().filter((call) => call.replyToActivityId === activity.id)).toHaveLength(1);
  });
});
