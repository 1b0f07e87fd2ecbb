import { encodeActionValue } from '../../src/chat/action-value';
import { buildFullRow, buildFullRowMasked, withCallerFieldsFirst } from '../helpers/full-call-log-row';
import { serveCallLogRows } from '../helpers/serve-call-log-rows';
import { blockTexts, type SlackBotHarness, startSlackBotHarness } from '../helpers/slack-bot-harness';
import { SLACK_TEST_IDS } from '../helpers/slack-request';

/** The hour of the full row (10:02 in Berlin, the test user's zone). */
const COMMAND = 'rows from=2026-11-27T10:00 to=2026-11-27T11:00';
/** What the PBX's row holds of outside numbers (the caller's, in any spelling, and a mobile). */
const LEAKS = /2071234567|7123 4567|7123-4567|7700900123|refund/;

/** A Slack bot on a PBX that sends one full row, its number-holding fields first (so the preview shows them). */
async function startOnFullRow(env: Record<string, string>): Promise<SlackBotHarness> {
  const harness = await startSlackBotHarness({ env });
  serveCallLogRows(harness.pbx, [withCallerFieldsFirst(buildFullRow())]);
  return harness;
}

/** `/calls <COMMAND>`: the ephemeral preview and the JSON file sent to the asker's DM. */
async function askRows(harness: SlackBotHarness) {
  const sent = await harness.sendCommand(COMMAND);
  const { answer } = await harness.waitForAnswer(sent.responseId);
  const [file] = [...harness.slack.files.values()];
  expect(file?.channelId).toBe(`D${SLACK_TEST_IDS.userId}`);
  return {
    preview: blockTexts(answer),
    rows: JSON.parse(file?.content?.toString('utf8') ?? '[]') as unknown,
  };
}

describe('the rows view in Slack with PRIVACY_MASK_NUMBERS=true (real bot, demo PBX sending a full row)', () => {
  let harness: SlackBotHarness;
  beforeAll(async () => {
    harness = await startOnFullRow({ PRIVACY_MASK_NUMBERS: 'true' });
  });
  afterAll(async () => {
    await harness.close();
  });

  it('previews and sends the allow-listed row: numbers masked, AI and unknown fields dropped', async () => {
    const { preview, rows } = await askRows(harness);
    expect(preview).toContain('+44 20•• ••4567');
    expect(preview).toContain('Ended by +44 20•• ••4567');
    expect(preview).not.toMatch(LEAKS);
    expect(preview).not.toMatch(/Summary|CallerNumber|Recordings/);
    expect(rows).toEqual([buildFullRowMasked()]);
  });

  it('shares the masked rows in the channel', async () => {
    const value = encodeActionValue({ command: COMMAND, focus: 'summary' });
    await harness.click({ actionId: 'calls_share', value, responseId: 'share-rows', isEphemeral: true });
    await harness.waitForAnswer('share-rows');
    const [post] = harness.slack.callsOf('chat.postMessage');
    expect(post?.args.channel).toBe(SLACK_TEST_IDS.channelId);
    const shared = `${String(post?.args.text)}\n${blockTexts(post?.args ?? {})}`;
    expect(shared).toContain('+44 20•• ••4567');
    expect(shared).not.toMatch(LEAKS);
  });
});

describe('the rows view in Slack without PRIVACY_MASK_NUMBERS', () => {
  let harness: SlackBotHarness;
  beforeAll(async () => {
    harness = await startOnFullRow({});
  });
  afterAll(async () => {
    await harness.close();
  });

  it('previews the number and sends the row exactly as the PBX sent it', async () => {
    const { preview, rows } = await askRows(harness);
    expect(preview).toContain('+442071234567');
    expect(preview).toMatch(LEAKS);
    expect(preview).toMatch(/Summary/);
    expect(rows).toEqual([withCallerFieldsFirst(buildFullRow())]);
    expect(JSON.stringify(rows)).toBe(JSON.stringify([withCallerFieldsFirst(buildFullRow())]));
  });
});
