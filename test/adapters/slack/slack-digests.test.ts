import { expectedCountsWithChange, expectedKeyFigures } from '../../helpers/expected-summaries';
import type { RecordedApiCall } from '../../helpers/fake-slack-api';
import { runCliReport } from '../../helpers/run-cli-in-process';
import {
  BOT_TOKEN,
  blockTexts,
  findButtons,
  listUnscopedMethods,
  SIGNING_SECRET,
  type SlackBotHarness,
  startSlackBotHarness,
} from '../../helpers/slack-bot-harness';
import { SLACK_TEST_IDS } from '../../helpers/slack-request';

/** The demo PBX's data runs to here, past every occurrence these tests post. */
const PBX_NOW = new Date('2026-12-02T12:00:00Z');
/** The first run of `every day at 8:00` created at SLACK_NOW (Sun 29 Nov, 11:00 in Berlin). */
const OCCURRENCE = new Date('2026-11-30T07:00:00Z');
const CHANNEL = SLACK_TEST_IDS.channelId;

describe('scheduled digests in Slack (real bot, fake Slack Web API, demo PBX)', () => {
  let harness: SlackBotHarness;

  beforeEach(async () => {
    harness = await startSlackBotHarness({ pbx: { now: PBX_NOW } });
  });
  afterEach(async () => {
    expect(listUnscopedMethods(harness.slack)).toEqual([]);
    expect(harness.logs.join('\n')).not.toContain(SIGNING_SECRET);
    expect(harness.logs.join('\n')).not.toContain(BOT_TOKEN);
    await harness.close();
  });

  /** Sends `/calls <text>` and waits for the next chat.postMessage (a confirmation or a digest). */
  const sendAndWaitForPost = async (text: string): Promise<RecordedApiCall> => {
    const before = harness.slack.callsOf('chat.postMessage').length;
    const sent = await harness.sendCommand(text);
    expect(sent).toMatchObject({ status: 200, body: '' });
    const posts = await harness.slack.waitForCalls('chat.postMessage', before + 1);
    return posts[before]!;
  };

  /** Sends `/calls <text>` and returns the ephemeral answer's text. */
  const ask = async (text: string): Promise<string> => {
    const sent = await harness.sendCommand(text);
    const { answer } = await harness.waitForAnswer(sent.responseId);
    expect(answer.response_type).toBe('ephemeral');
    return blockTexts(answer);
  };

  const createDigest = async (text = 'schedule every day at 8:00 yesterday'): Promise<string> => {
    const confirmation = await sendAndWaitForPost(text);
    const id = /Digest ([0-9a-z]{6}) scheduled/.exec(String(confirmation.args.text))?.[1];
    if (!id) throw new Error(`no digest id in ${String(confirmation.args.text)}`);
    return id;
  };

  const postsToChannel = () =>
    harness.slack.callsOf('chat.postMessage').filter((call) => call.args.channel === CHANNEL);

  it('creates a digest, posts it once at its time with the report of the day before, lists and removes it', async () => {
    const confirmation = await sendAndWaitForPost('schedule every day at 8:00 yesterday');
    const id = /Digest ([0-9a-z]{6}) scheduled/.exec(String(confirmation.args.text))?.[1] ?? '';
    // The confirmation goes to the channel, naming who scheduled it.
    expect(confirmation.args.channel).toBe(CHANNEL);
    expect(confirmation.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(blockTexts(confirmation.args)).toBe(
      [
        `Digest ${id} scheduled: every day at 08:00 (Europe/Berlin), posting "yesterday" here.`,
        `First run: Mon 30 Nov 2026 08:00. "schedules" lists the digests here; "unschedule ${id}" removes this one.`,
        `Scheduled by <@${SLACK_TEST_IDS.userId}> with /calls`,
      ].join('\n'),
    );

    // Nothing before its time.
    harness.setNow(new Date(OCCURRENCE.getTime() - 60_000));
    await harness.bot.scheduler.tick();
    expect(postsToChannel()).toHaveLength(1);

    harness.setNow(new Date(OCCURRENCE.getTime() + 30_000));
    await harness.bot.scheduler.tick();
    const digests = postsToChannel().slice(1);
    expect(digests).toHaveLength(1);
    const digest = digests[0]!.args;

    const expected = await runCliReport(['yesterday'], 'Europe/Berlin', {
      pbx: harness.pbx,
      now: OCCURRENCE,
    });
    expect(expected.window).toEqual({
      from: '2026-11-29T00:00:00.000+01:00',
      to: '2026-11-30T00:00:00.000+01:00',
      timeZone: 'Europe/Berlin',
    });
    expect(expected.totals.calls).toBeGreaterThan(0);
    expect(expected.previous?.window).toEqual({
      from: '2026-11-28T00:00:00.000+01:00',
      to: '2026-11-29T00:00:00.000+01:00',
      timeZone: 'Europe/Berlin',
    });
    // The calls' change against the day before follows the count.
    expect(digest.text).toBe(`Sun 29 Nov 2026 (Europe/Berlin): ${expectedCountsWithChange(expected)}`);
    const blocks = digest.blocks as { type: string; text?: { text: string }; fields?: { text: string }[] }[];
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Sun 29 Nov 2026 (Europe/Berlin)', emoji: true },
    });
    expect(blocks.find((block) => block.fields)?.fields?.map((field) => field.text)).toEqual(
      expectedKeyFigures(expected).map((figure) => `*${figure.label}*\n${figure.value}`),
    );
    const before = expected.previous!.totals;
    expect(blockTexts(digest)).toContain(
      `vs. the day before (Sat 28 Nov 2026): ${before.calls} calls, ${before.answered} answered, ${before.missed} missed`,
    );
    expect(blockTexts(digest)).toContain(`Scheduled digest ${id} · every day at 08:00`);
    // Its buttons answer whoever clicks; Share has no place on a message already in the channel.
    expect(findButtons(digest).map((button) => button.action_id)).toEqual([
      'calls_missed',
      'calls_by-extension',
      'calls_previous',
      'calls_next',
      'calls_export-csv',
      'calls_export-xlsx',
    ]);

    // The same occurrence is never posted twice.
    harness.setNow(new Date(OCCURRENCE.getTime() + 120_000));
    await harness.bot.scheduler.tick();
    expect(postsToChannel()).toHaveLength(2);

    expect(await ask('schedules')).toBe(
      [
        'Digests in this conversation (1):',
        `• ${id}: every day at 08:00 (Europe/Berlin), "yesterday"`,
        '   next Tue 1 Dec 2026 08:00 · last: sent Mon 30 Nov 2026 08:00',
        // Slack mrkdwn escapes the angle brackets.
        '"unschedule &lt;id&gt;" removes one.',
      ].join('\n'),
    );

    const removal = await sendAndWaitForPost(`unschedule ${id}`);
    expect(removal.args.channel).toBe(CHANNEL);
    expect(blockTexts(removal.args)).toBe(
      [
        `Digest ${id} removed (every day at 08:00, "yesterday"); it will not post again.`,
        `Removed by <@${SLACK_TEST_IDS.userId}> with /calls`,
      ].join('\n'),
    );
    expect(await ask('schedules')).toBe(
      'No digests in this conversation yet. Create one, e.g. "schedule every weekday at 8:00 last workday missed".',
    );
    harness.setNow(new Date('2026-12-01T07:00:10Z'));
    await harness.bot.scheduler.tick();
    expect(postsToChannel()).toHaveLength(3);
  });

  it('answers a rule it cannot read with the forms it knows and a corrected command, privately', async () => {
    const text = await ask('schedule every blursday yesterday');
    expect(text).toContain(
      'I could not read "every blursday" as a schedule. Did you mean "thursday"? Schedules look like: every day at 8:00, every weekday at 8:00, every monday at 9,',
    );
    expect(text).toContain('Try: schedule every thursday at 8:00 yesterday');
    expect(harness.slack.callsOf('chat.postMessage')).toEqual([]);
    expect(await ask('schedules')).toContain('No digests in this conversation yet.');
  });

  it('records a post Slack refuses, and `schedules` shows why', async () => {
    const id = await createDigest();
    harness.slack.failMethod('chat.postMessage', 'channel_not_found');
    harness.setNow(new Date(OCCURRENCE.getTime() + 30_000));
    await harness.bot.scheduler.tick();
    expect(postsToChannel()).toHaveLength(2);
    expect((await ask('schedules')).split('\n')[2]).toBe(
      '   next Tue 1 Dec 2026 08:00 · last: failed Mon 30 Nov 2026 08:00: Slack said channel_not_found: the channel is gone, or it is private and the app is not in it: /invite @Calls',
    );
    // A failed post is not tried again.
    await harness.bot.scheduler.tick();
    expect(postsToChannel()).toHaveLength(2);
    expect(id).toMatch(/^[0-9a-z]{6}$/);
  });

  it('posts a notice to the channel when the PBX is down at the scheduled time', async () => {
    const id = await createDigest();
    harness.pbx.misbehave({ endpoint: 'calllog', status: 503, times: 50 });
    harness.setNow(new Date(OCCURRENCE.getTime() + 30_000));
    await harness.bot.scheduler.tick();
    const notices = postsToChannel().slice(1);
    expect(notices).toHaveLength(1);
    const notice = blockTexts(notices[0]!.args);
    expect(notice).toBe(
      [
        'The 08:00 digest could not be produced: The PBX answered 503 to GET /xapi/v1/ReportCallLogData/Pbx.GetCallLogData: Demo PBX fault: status 503. The PBX is busy or restarting: try again in a minute.',
        `Scheduled digest ${id} · every day at 08:00`,
      ].join('\n'),
    );
    expect((await ask('schedules')).split('\n')[2]).toBe(
      '   next Tue 1 Dec 2026 08:00 · last: failed Mon 30 Nov 2026 08:00: The PBX answered 503 to GET /xapi/v1/ReportCallLogData/Pbx.GetCallLogData: Demo PBX fault: status 503. (a notice was posted instead)',
    );
  });

  it('tells the asker privately when the bot cannot post in the channel it was scheduled in', async () => {
    harness.slack.failMethod('chat.postMessage', 'not_in_channel');
    const text = await ask('schedule every monday at 9 last week');
    expect(text).toMatch(/^Digest [0-9a-z]{6} scheduled: every Monday at 09:00 \(Europe\/Berlin\)/);
    expect(text).toContain(
      'I could not post in this channel (Slack said: not_in_channel), so the digest cannot post here either: invite the app (/invite @Calls), or remove the digest.',
    );
  });

  it('reports the schedule store in /readyz', async () => {
    const response = await fetch(`${harness.bot.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      checks: [
        { name: 'pbx', ok: true },
        { name: 'store', ok: true },
      ],
    });
  });
});
