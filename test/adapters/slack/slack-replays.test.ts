import { SlackReplayCache } from '../../../src/adapters/slack/slack-replay-cache';
import {
  isWorkingNote,
  SIGNING_SECRET,
  SLACK_NOW_SECONDS,
  type SlackBotHarness,
  startSlackBotHarness,
} from '../../helpers/slack-bot-harness';
import { buildSignedSlackRequest, buildSlashCommand } from '../../helpers/slack-request';

describe('a replayed Slack request (the same body, timestamp and signature again) does nothing', () => {
  let harness: SlackBotHarness;

  beforeEach(async () => {
    harness = await startSlackBotHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  /** One signed `/calls` request, captured as sent, that `send` posts again byte for byte. */
  function captureCommand(text: string, responseId: string) {
    const { headers, text: body } = buildSignedSlackRequest(
      { form: buildSlashCommand({ text, response_url: harness.slack.responseUrl(responseId) }) },
      { signingSecret: SIGNING_SECRET, timestampSeconds: SLACK_NOW_SECONDS },
    );
    return async () => {
      const response = await fetch(harness.eventsUrl, { method: 'POST', headers, body });
      return { status: response.status, body: await response.text() };
    };
  }

  /** Waits until every acknowledged request's work is done (the adapter's stop drains it). */
  async function settle(): Promise<void> {
    for (const adapter of harness.bot.adapters) await adapter.stop?.();
  }

  const answersTo = (responseId: string) =>
    harness.slack.responsesTo(responseId).filter((response) => !isWorkingNote(response.body));

  it('sent again after the answer: 200, and the asker gets one answer', async () => {
    const send = captureCommand('yesterday', 'replayed');
    expect(await send()).toEqual({ status: 200, body: '' });
    await harness.waitForAnswer('replayed');
    expect(await send()).toEqual({ status: 200, body: '' });
    await settle();
    expect(answersTo('replayed')).toHaveLength(1);
    expect(harness.logs.filter((line) => line.includes('Slack request replayed; ignored'))).toHaveLength(1);
  });

  it('sent twice at once: one of them runs', async () => {
    const send = captureCommand('yesterday missed', 'twice');
    expect(await Promise.all([send(), send()])).toEqual([
      { status: 200, body: '' },
      { status: 200, body: '' },
    ]);
    await harness.waitForAnswer('twice');
    await settle();
    expect(answersTo('twice')).toHaveLength(1);
  });

  it('two different requests in the same second both run', async () => {
    const first = captureCommand('yesterday', 'first');
    const second = captureCommand('yesterday', 'second');
    expect((await first()).status).toBe(200);
    expect((await second()).status).toBe(200);
    await harness.waitForAnswer('first');
    await harness.waitForAnswer('second');
    await settle();
    expect([answersTo('first'), answersTo('second')].map((answers) => answers.length)).toEqual([1, 1]);
  });
});

describe('SlackReplayCache', () => {
  const T = 1_764_410_400; // a request timestamp, in seconds
  const atMs = (secondsAfterT: number) => (T + secondsAfterT) * 1000;

  it('knows a signature until its timestamp leaves the 5-minute window', () => {
    const cache = new SlackReplayCache();
    expect(cache.remember('v0=aa', T, atMs(0))).toBe(true);
    expect(cache.remember('v0=aa', T, atMs(1))).toBe(false);
    expect(cache.remember('v0=aa', T, atMs(300))).toBe(false);
    // Past the window the signature check refuses the request; the cache has let it go.
    expect(cache.remember('v0=bb', T + 301, atMs(301))).toBe(true);
    expect(cache.size).toBe(1);
  });

  it('holds at most maxEntries signatures, forgetting the oldest first', () => {
    const cache = new SlackReplayCache({ maxEntries: 3 });
    for (const signature of ['v0=1', 'v0=2', 'v0=3', 'v0=4']) {
      expect(cache.remember(signature, T, atMs(0))).toBe(true);
    }
    expect(cache.size).toBe(3);
    expect(cache.remember('v0=4', T, atMs(0))).toBe(false);
    expect(cache.remember('v0=1', T, atMs(0))).toBe(true);
  });
});
