import type { DemoPbx } from '../../src/demo/demo-pbx';
import {
  BIDI_CALL_HOUR,
  BIDI_CONTROLS,
  buildBidiCallRow,
  expectCleanNames,
  SHOWN_CALLEE_NAME,
  SHOWN_CALLER_NAME,
  SHOWN_CALLER_NUMBER,
} from '../helpers/bidi-call-row';
import { runCliInProcess, runCliJson } from '../helpers/run-cli-in-process';
import { serveCallLogRows, startPbxServingRows } from '../helpers/serve-call-log-rows';
import {
  blockTexts,
  buttonOf,
  SLACK_NOW,
  type SlackBotHarness,
  startSlackBotHarness,
} from '../helpers/slack-bot-harness';

const ZONE = 'Europe/Berlin';

/** What a person reads of a Slack message: its fallback text and every text of its blocks. */
function readSlack(message: Record<string, unknown>): string {
  return `${String(message.text)}\n${blockTexts(message)}`;
}

describe('bidi controls in PBX names, over Slack (real bot, demo PBX sending the row)', () => {
  let harness: SlackBotHarness;
  beforeAll(async () => {
    harness = await startSlackBotHarness();
    serveCallLogRows(harness.pbx, [buildBidiCallRow()]);
  });
  afterAll(async () => {
    await harness.close();
  });

  async function ask(command: string): Promise<Record<string, unknown>> {
    const sent = await harness.sendCommand(command);
    return (await harness.waitForAnswer(sent.responseId)).answer;
  }

  it('are gone from the blocks of a report and from its CSV export; ZWJ/ZWNJ stay', async () => {
    const answer = await ask(`list ${BIDI_CALL_HOUR}`);
    expectCleanNames(readSlack(answer));

    const exportButton = buttonOf(answer, 'calls_export-csv');
    await harness.click({
      actionId: exportButton.action_id,
      value: exportButton.value,
      responseId: 'bidi-csv',
    });
    await harness.waitForAnswer('bidi-csv');
    const csv = [...harness.slack.files.values()].find((file) => file.filename?.endsWith('.csv'));
    expectCleanNames(csv?.content?.toString('utf8') ?? '');
  });

  it('are gone from the preview of the rows view, and kept in its JSON file', async () => {
    const answer = await ask(`rows ${BIDI_CALL_HOUR}`);
    const preview = readSlack(answer);
    expect(preview).toContain('Jane Caller');
    expect(preview).not.toMatch(BIDI_CONTROLS);
    const file = [...harness.slack.files.values()].find((sent) => sent.filename?.startsWith('calls-rows'));
    expect(JSON.parse(file?.content?.toString('utf8') ?? '[]')).toEqual([buildBidiCallRow()]);
  });
});

describe('bidi controls in PBX names, in the terminal', () => {
  let pbx: DemoPbx;
  beforeAll(async () => {
    pbx = await startPbxServingRows(SLACK_NOW, [buildBidiCallRow()]);
  });
  afterAll(async () => {
    await pbx.close();
  });

  const options = () => ({ pbx, now: SLACK_NOW });

  it('are gone from the text and the --json report', async () => {
    const words = ['list', ...BIDI_CALL_HOUR.split(' ')];
    const text = await runCliInProcess([...words, '--tz', ZONE, '--now', SLACK_NOW.toISOString()], options());
    expect(text.code).toBe(0);
    expectCleanNames(text.stdout);
    const report = (await runCliJson(words, ZONE, options())) as { calls: unknown[] };
    expect(report.calls).toEqual([
      expect.objectContaining({
        from: SHOWN_CALLER_NUMBER,
        fromName: SHOWN_CALLER_NAME,
        toName: SHOWN_CALLEE_NAME,
      }),
    ]);
  });

  it('stay in the raw rows JSON, which is exactly what the PBX sent', async () => {
    const rows = await runCliJson(['rows', ...BIDI_CALL_HOUR.split(' ')], ZONE, options());
    expect(rows).toEqual([buildBidiCallRow()]);
    expect(JSON.stringify(rows)).toMatch(BIDI_CONTROLS);
  });
});
