import type { RecordedApiCall } from '../../helpers/fake-slack-api';
import { runCliReport } from '../../helpers/run-cli-in-process';
import {
  blockTexts,
  buttonOf,
  findButtons,
  SLACK_NOW,
  type SlackBotHarness,
  startSlackBotHarness,
} from '../../helpers/slack-bot-harness';
import { SLACK_TEST_IDS } from '../../helpers/slack-request';
import { buildUnreturnedRows } from '../../helpers/unreturned-rows';
import { expectWithinSlackLimits } from '../../render/fixtures/expect-slack-limits';

/** Mon 30 Nov 2026 17:00 in Berlin: the first run of `every weekday at 17:00` created at SLACK_NOW. */
const MONDAY_FIVE = new Date('2026-11-30T16:00:00Z');

describe('unreturned in Slack (real bot, fake Slack Web API, demo PBX serving a day of call-backs)', () => {
  let harness: SlackBotHarness;

  beforeAll(async () => {
    harness = await startSlackBotHarness();
    // Sat 28 Nov, and the same day again on Mon 30 Nov.
    harness.pbx.serveRows([...buildUnreturnedRows(), ...buildUnreturnedRows(2)]);
  });
  afterAll(async () => {
    await harness.close();
  });

  const ask = async (text: string) => {
    const sent = await harness.sendCommand(text);
    return (await harness.waitForAnswer(sent.responseId)).answer;
  };

  it('answers /calls unreturned yesterday with the list by state, tel: links and who returned what', async () => {
    const answer = await ask('unreturned yesterday');
    const text = blockTexts(answer);
    expect(text).toContain(
      [
        '*Missed calls and call-backs (5)*',
        '*Open (1)*',
        '• *Sat 28 Nov 16:00* · <tel:+447700900123|+447700900123> → 800 Sales · open',
        '*Tried (1)*',
        '• *Sat 28 Nov 11:00* · <tel:+15551234567|+15551234567> → 101 Ben Okafor · tried 1×',
        '*Returned (2)*',
        '• *Sat 28 Nov 09:00* · Jane Caller (<tel:+442079460123|+44 20 7946 0123>) → 102 Chloé Durand · ✓ returned by Ben Okafor 12 min later',
        '• *Sat 28 Nov 14:00* · Acme GmbH (<tel:+49301234567|+49 30 1234567>) → 103 Daniel Whitfield · ✓ returned by Chloé Durand 18 h 30 min later',
        '*Anonymous (1)*',
        '• *Sat 28 Nov 15:00* · Anonymous (anonymous) → 8000 Main Menu · anonymous',
      ].join('\n'),
    );
    expect(answer.text).toBe(
      'Sat 28 Nov 2026 (Europe/Berlin): 2 waiting for a call back (1 open, 1 tried), 2 returned, 1 anonymous',
    );
    expectWithinSlackLimits(answer as never);
    // The figures are the period's, as the CLI computes them.
    const cli = await runCliReport(['unreturned', 'yesterday'], 'Europe/Berlin', {
      pbx: harness.pbx,
      now: SLACK_NOW,
    });
    expect(text).toContain(`*Calls*\n${cli.totals.calls}`);
    expect(findButtons(answer).map((button) => button.action_id)).toEqual([
      'calls_summary',
      'calls_previous',
      'calls_next',
      'calls_export-csv',
      'calls_export-xlsx',
      'calls_share',
    ]);
  });

  it('◀ Previous gives the unreturned calls of the day before', async () => {
    const sent = await harness.sendCommand('unreturned yesterday');
    const { answer } = await harness.waitForAnswer(sent.responseId);
    const previous = buttonOf(answer, 'calls_previous');
    await harness.click({
      actionId: previous.action_id,
      value: previous.value,
      responseId: 'unreturned-previous',
    });
    const { answer: before } = await harness.waitForAnswer('unreturned-previous');
    expect(blockTexts(before)).toContain('Fri 27 Nov 2026 (Europe/Berlin)');
    expect(blockTexts(before)).toContain('No missed calls on Fri 27 Nov — nobody is waiting.');
  });

  it('posts the digest `schedule every weekday at 17:00 today unreturned` with the unreturned view', async () => {
    const channel = SLACK_TEST_IDS.channelId;
    const posts = () =>
      harness.slack
        .callsOf('chat.postMessage')
        .filter((call: RecordedApiCall) => call.args.channel === channel);
    const before = posts().length;
    const sent = await harness.sendCommand('schedule every weekday at 17:00 today unreturned');
    expect(sent.status).toBe(200);
    await harness.slack.waitForCalls('chat.postMessage', before + 1);
    const confirmation = blockTexts(posts()[before]!.args);
    expect(confirmation).toContain(
      'every weekday at 17:00 (Europe/Berlin), posting "today unreturned" here.',
    );
    expect(confirmation).toContain('First run: Mon 30 Nov 2026 17:00.');

    harness.pbx.setNow(MONDAY_FIVE);
    harness.setNow(new Date(MONDAY_FIVE.getTime() + 30_000));
    await harness.bot.scheduler.tick();
    const digest = posts()[before + 1]!.args;
    const text = blockTexts(digest);
    expect(text).toContain('Mon 30 Nov 2026 00:00–17:00 (Europe/Berlin)');
    expect(text).toContain('*Missed calls and call-backs (5)*');
    expect(text).toContain(
      '• *Mon 30 Nov 09:00* · Jane Caller (<tel:+442079460123|+44 20 7946 0123>) → 102 Chloé Durand · ✓ returned by Ben Okafor 12 min later',
    );
    // Its return comes tomorrow morning: at 17:00 Acme is still waiting.
    expect(text).toContain('*Open (2)*');
    expect(text).toContain(
      '• *Mon 30 Nov 14:00* · Acme GmbH (<tel:+49301234567|+49 30 1234567>) → 103 Daniel Whitfield · open',
    );
    expect(text).toContain('Scheduled digest');
  });
});
