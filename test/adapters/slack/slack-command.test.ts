import { describeExtensionCounts } from '../../../src/render/describe-call';
import { describeFocusFigures } from '../../../src/render/describe-focus';
import { expectedFocusSummary, expectedKeyFigures } from '../../helpers/expected-summaries';
import { runCliReport } from '../../helpers/run-cli-in-process';
import {
  BOT_TOKEN,
  blockTexts,
  isWorkingNote,
  listUnscopedMethods,
  SIGNING_SECRET,
  SLACK_NOW,
  type SlackBotHarness,
  startSlackBotHarness,
} from '../../helpers/slack-bot-harness';
import { SLACK_TEST_IDS } from '../../helpers/slack-request';

const LAST_WEEK_BERLIN = 'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)';

describe('/calls over HTTP (real server, fake Slack Web API, demo PBX)', () => {
  let harness: SlackBotHarness;

  beforeEach(async () => {
    harness = await startSlackBotHarness();
  });
  afterEach(async () => {
    expect(listUnscopedMethods(harness.slack)).toEqual([]);
    expect(harness.logs.join('\n')).not.toContain(SIGNING_SECRET);
    expect(harness.logs.join('\n')).not.toContain(BOT_TOKEN);
    await harness.close();
  });

  it('acknowledges at once, before asking Slack or the PBX anything, then answers through response_url', async () => {
    const release = harness.slack.hold('users.info');
    const pbxRequestsBefore = harness.pbx.requests.length;
    const sent = await harness.sendCommand('last week ext 101');
    expect(sent).toMatchObject({ status: 200, body: '' });
    expect(harness.pbx.requests).toHaveLength(pbxRequestsBefore);
    expect(harness.slack.responsesTo(sent.responseId)).toEqual([]);
    await harness.slack.waitForCalls('users.info');
    release();
    const { answer } = await harness.waitForAnswer(sent.responseId);
    expect(answer.response_type).toBe('ephemeral');
    expect(harness.pbx.requests.length).toBeGreaterThan(pbxRequestsBefore);
  });

  it("answers with the CLI's numbers for the user's Slack time zone, stating the window and zone", async () => {
    const sent = await harness.sendCommand('last week ext 101');
    const { notes, answer } = await harness.waitForAnswer(sent.responseId);
    const expected = await runCliReport(['last', 'week', 'ext', '101'], 'Europe/Berlin', {
      pbx: harness.pbx,
      now: SLACK_NOW,
    });
    expect(expected.window).toEqual({
      from: '2026-11-16T00:00:00.000+01:00',
      to: '2026-11-23T00:00:00.000+01:00',
      timeZone: 'Europe/Berlin',
    });
    expect(expected.totals.calls).toBeGreaterThan(5);

    expect(expected.previous?.window).toEqual({
      from: '2026-11-09T00:00:00.000+01:00',
      to: '2026-11-16T00:00:00.000+01:00',
      timeZone: 'Europe/Berlin',
    });
    const ben = expected.focus?.find((entry) => entry.extension === '101');
    expect(ben?.name).toBe('Ben Okafor');
    expect(ben?.offered).toBeGreaterThan(0);

    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: notes.length > 0 });
    // Ben's own calls lead; the totals count every call ext 101 was in, answered by anyone.
    expect(answer.text).toBe(`${LAST_WEEK_BERLIN}: ${expectedFocusSummary(expected)}`);
    const blocks = answer.blocks as { type: string; text?: { text: string }; fields?: { text: string }[] }[];
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: LAST_WEEK_BERLIN, emoji: true },
    });
    const sections = blocks.filter((block) => block.type === 'section');
    expect(sections[0]?.text?.text).toBe(
      `*Ben Okafor's own calls*\n• *Ben Okafor (ext 101)*: ${describeFocusFigures(ben!)}`,
    );
    const figures = blocks.find((block) => block.type === 'section' && block.fields);
    expect(sections.indexOf(figures!)).toBeGreaterThan(0);
    expect(figures?.text?.text).toBe(
      `${expected.totals.calls} calls reached ext 101 or were made by it; ${expected.totals.answered} of them were answered, by anyone.`,
    );
    expect(figures?.fields?.map((field) => field.text)).toEqual(
      expectedKeyFigures(expected).map((figure) => `*${figure.label}*\n${figure.value}`),
    );
    const before = expected.previous!.totals;
    expect(blockTexts(answer)).toContain(
      `vs. the week before (Mon 9 – Sun 15 Nov 2026): ${before.calls} calls, ${before.answered} answered, ${before.missed} missed`,
    );
    // The other extensions involved are listed apart; ext 101 is not among them.
    const others = expected.byExtension.filter((row) => row.extension !== '101');
    expect(others.length).toBeGreaterThan(0);
    expect(blockTexts(answer)).toContain(
      `*Also involved*\n\`${others[0]!.extension}\` ${others[0]!.name} · ${describeExtensionCounts(others[0]!)}`,
    );
    expect(blockTexts(answer)).not.toContain('`101` Ben Okafor ·');
    expect(harness.slack.callsOf('users.info').map((call) => [call.args, call.authorization])).toEqual([
      [
        { user: SLACK_TEST_IDS.userId, include_locale: 'true', team_id: SLACK_TEST_IDS.teamId },
        `Bearer ${BOT_TOKEN}`,
      ],
    ]);
  });

  it('reuses the looked-up time zone for the next command', async () => {
    const first = await harness.sendCommand('yesterday');
    await harness.waitForAnswer(first.responseId);
    const second = await harness.sendCommand('today');
    const { answer } = await harness.waitForAnswer(second.responseId);
    expect((answer.blocks as { text?: { text: string } }[])[0]?.text?.text).toBe(
      'Sun 29 Nov 2026 00:00–11:00 (Europe/Berlin)',
    );
    expect(harness.slack.callsOf('users.info')).toHaveLength(1);
  });

  it('answers a PBX failure with a friendly ephemeral error and its hint', async () => {
    harness.pbx.misbehave({ endpoint: 'calllog', status: 403, times: 20 });
    const sent = await harness.sendCommand('last week ext 101');
    expect(sent.status).toBe(200);
    const { answer } = await harness.waitForAnswer(sent.responseId);
    expect(answer.response_type).toBe('ephemeral');
    expect(String(answer.text)).toMatch(/^Error: /);
    const text = blockTexts(answer);
    expect(text).toContain(':warning:');
    expect(text).toContain('System Owner');
  });

  it('answers a command it cannot read with the words it could not read and an example', async () => {
    const sent = await harness.sendCommand('last weak ext 101');
    const { answer } = await harness.waitForAnswer(sent.responseId);
    expect(answer.response_type).toBe('ephemeral');
    expect(blockTexts(answer)).toContain('weak');
    expect(blockTexts(answer)).toContain('Try: ');
  });

  it('answers help with the usage', async () => {
    const sent = await harness.sendCommand('help');
    const { answer } = await harness.waitForAnswer(sent.responseId);
    expect(blockTexts(answer)).toContain('`last week ext 101`');
  });

  it("sends the rows view as a JSON file to the asker's DM and previews it ephemerally", async () => {
    const sent = await harness.sendCommand('rows yesterday top=5');
    const { answer } = await harness.waitForAnswer(sent.responseId);
    expect(answer.response_type).toBe('ephemeral');
    expect(blockTexts(answer)).toContain('*5 rows*');
    expect(harness.slack.callsOf('conversations.open').map((call) => call.args)).toEqual([
      { users: SLACK_TEST_IDS.userId, team_id: SLACK_TEST_IDS.teamId },
    ]);
    const [file] = [...harness.slack.files.values()];
    expect(file).toMatchObject({
      filename: 'calls-rows-2026-11-28.json',
      contentType: 'application/json',
      channelId: `D${SLACK_TEST_IDS.userId}`,
      title: 'Call-log rows, Sat 28 Nov 2026 (Europe/Berlin)',
    });
    expect(file?.content?.length).toBe(file?.declaredLength);
    const rows = JSON.parse(file?.content?.toString('utf8') ?? '') as { StartTime: string }[];
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(Date.parse(row.StartTime)).toBeGreaterThanOrEqual(Date.parse('2026-11-27T23:00:00Z'));
      expect(Date.parse(row.StartTime)).toBeLessThan(Date.parse('2026-11-28T23:00:00Z'));
    }
  });
});

describe('/calls time zones and slow answers', () => {
  let harness: SlackBotHarness | undefined;
  afterEach(() => harness?.close());

  it('falls back to DEFAULT_TIMEZONE when users.info fails', async () => {
    harness = await startSlackBotHarness({ users: {}, env: { DEFAULT_TIMEZONE: 'America/New_York' } });
    const sent = await harness.sendCommand('yesterday');
    const { answer } = await harness.waitForAnswer(sent.responseId);
    expect((answer.blocks as { text?: { text: string } }[])[0]?.text?.text).toBe(
      'Sat 28 Nov 2026 (America/New_York)',
    );
    expect(
      harness.logs.some((line) => line.includes('users.info failed') && line.includes('user_not_found')),
    ).toBe(true);
  });

  it('sends a "Working on it" note first when the report is slow, then replaces it', async () => {
    harness = await startSlackBotHarness();
    harness.pbx.misbehave({ endpoint: 'calllog', delayMs: 2500, times: 1 });
    const sent = await harness.sendCommand('yesterday');
    expect(sent).toMatchObject({ status: 200, body: '' });
    const { notes, answer } = await harness.waitForAnswer(sent.responseId);
    expect(notes).toHaveLength(1);
    expect(isWorkingNote(notes[0]!.body)).toBe(true);
    expect(notes[0]!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect((answer.blocks as { text?: { text: string } }[])[0]?.text?.text).toBe(
      'Sat 28 Nov 2026 (Europe/Berlin)',
    );
  });
});
