import type { Report } from '../../../src/core/report';
import { formatCount } from '../../../src/render/format-number';
import { listKeyFigures } from '../../../src/render/list-key-figures';
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

function expectFiguresOf(card: Record<string, unknown>, report: Report): void {
  expect(report.totals.calls).toBeGreaterThan(0);
  expect(keyFiguresOf(card)).toEqual(
    Object.fromEntries(listKeyFigures(report.totals).map((f) => [f.label, f.value])),
  );
  expect(keyFiguresOf(card).Calls).toBe(formatCount(report.totals.calls));
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
      `Mon 16 – Sun 22 Nov 2026 (Europe/Berlin): ${formatCount(cli.totals.calls)} calls, ${formatCount(cli.totals.answered)} answered, ${formatCount(cli.totals.missed)} missed`,
    );

    firstCard = cardOf(reply.activity);
    expect(firstCard).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(textsOf(firstCard)[0]).toBe('Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)');
    expectFiguresOf(firstCard, cli);
    const rows = figureListAfter(firstCard, 'Busiest extensions');
    expect(rows.length).toBeGreaterThan(0);
    rows.forEach((row, index) => {
      const expected = cli.byExtension[index]!;
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
    expect(queueRow?.figures.slice(0, 3)).toEqual(
      [queue.calls, queue.answered, queue.missed].map(formatCount),
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
