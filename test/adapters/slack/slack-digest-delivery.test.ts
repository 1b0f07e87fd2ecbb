import { createServer } from 'node:net';
import { SlackDigestDelivery } from '../../../src/adapters/slack/slack-digest-delivery';
import { type Logger, silentLogger } from '../../../src/core/logger';
import type { Reply } from '../../../src/core/reply';
import { renderSlack } from '../../../src/render/render-slack';
import { DigestScheduler } from '../../../src/schedule/digest-scheduler';
import { type FakeSlackApi, startFakeSlackApi } from '../../helpers/fake-slack-api';
import { buildSchedule, openMemoryStore, runFakeReport } from '../../schedule/schedule-helpers';

const TOKEN = 'xoxb-digest-test-7777-8888-abcdef';
const REPLY: Reply = { kind: 'notice', text: 'Yesterday: 3 missed calls' };

/** A clock that only `sleep` moves, recording every wait and how many posts Slack had by then. */
function createFakeTime(slack: FakeSlackApi) {
  let nowMs = 1_000_000;
  const sleeps: { ms: number; postsBefore: number }[] = [];
  return {
    nowMs: () => nowMs,
    advance: (ms: number) => {
      nowMs += ms;
    },
    sleep: async (ms: number) => {
      sleeps.push({ ms, postsBefore: slack.callsOf('chat.postMessage').length });
      nowMs += ms;
    },
    sleeps,
  };
}

function createDelivery(
  slack: FakeSlackApi,
  time: ReturnType<typeof createFakeTime>,
  extra: { apiUrl?: string; timeoutMs?: number; logger?: Logger } = {},
) {
  return new SlackDigestDelivery({
    apiUrl: extra.apiUrl ?? slack.apiUrl,
    botToken: TOKEN,
    logger: extra.logger ?? silentLogger,
    nowMs: time.nowMs,
    sleep: time.sleep,
    ...(extra.timeoutMs !== undefined && { timeoutMs: extra.timeoutMs }),
  });
}

const inChannel = (channel: string, id = 'abc123') =>
  buildSchedule({ id, target: { platform: 'slack', conversationId: channel, teamId: 'T1' } });

describe('SlackDigestDelivery (against the fake Slack Web API)', () => {
  let slack: FakeSlackApi;
  let time: ReturnType<typeof createFakeTime>;
  let delivery: SlackDigestDelivery;

  beforeEach(async () => {
    slack = await startFakeSlackApi();
    time = createFakeTime(slack);
    delivery = createDelivery(slack, time);
  });
  afterEach(async () => {
    await slack.close();
  });

  it('posts the Block Kit reply and its text to the channel with the bot token, as JSON', async () => {
    await delivery.deliver(inChannel('C0SUPPORT1'), REPLY);
    const message = renderSlack(REPLY);
    expect(slack.calls).toEqual([
      {
        method: 'chat.postMessage',
        args: {
          channel: 'C0SUPPORT1',
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
        },
        authorization: `Bearer ${TOKEN}`,
        contentType: 'application/json; charset=utf-8',
      },
    ]);
    expect(time.sleeps).toEqual([]);
  });

  it('paces posts to one channel at least a second apart, without holding up other channels', async () => {
    await Promise.all([
      delivery.deliver(inChannel('C1', 'aaaaaa'), { kind: 'notice', text: 'first' }),
      delivery.deliver(inChannel('C1', 'bbbbbb'), { kind: 'notice', text: 'second' }),
    ]);
    expect(slack.callsOf('chat.postMessage').map((call) => call.args.text)).toEqual(['first', 'second']);
    // The second waited a full second after the first was posted.
    expect(time.sleeps).toEqual([{ ms: 1000, postsBefore: 1 }]);

    time.advance(400);
    await delivery.deliver(inChannel('C1'), { kind: 'notice', text: 'third' });
    expect(time.sleeps.slice(1)).toEqual([{ ms: 600, postsBefore: 2 }]);

    await Promise.all([
      delivery.deliver(inChannel('C2'), { kind: 'notice', text: 'other channel' }),
      delivery.deliver(inChannel('C3'), { kind: 'notice', text: 'third channel' }),
    ]);
    expect(time.sleeps).toHaveLength(2);
    time.advance(1000);
    await delivery.deliver(inChannel('C1'), { kind: 'notice', text: 'later' });
    expect(time.sleeps).toHaveLength(2);
  });

  it('posts two digests of one channel due in the same scheduler tick a second apart', async () => {
    const store = openMemoryStore();
    const now = () => new Date('2026-10-21T06:00:30Z');
    await store.createSchedule(inChannel('C1', 'aaaaaa'));
    await store.createSchedule({ ...inChannel('C1', 'bbbbbb'), command: 'yesterday missed' });
    const scheduler = new DigestScheduler({
      store,
      delivery,
      runReport: runFakeReport,
      now,
      logger: silentLogger,
    });
    await scheduler.tick();
    expect(slack.callsOf('chat.postMessage').map((call) => call.args.text)).toEqual([
      'aaaaaa for 2026-10-21T06:00:00.000Z',
      'bbbbbb for 2026-10-21T06:00:00.000Z',
    ]);
    expect(time.sleeps).toEqual([{ ms: 1000, postsBefore: 1 }]);
    expect((await store.getLastRun('bbbbbb'))?.status).toBe('sent');
    await store.close();
  });

  it('waits for Retry-After on a 429 and posts once Slack lets it', async () => {
    slack.failHttp('chat.postMessage', 429, { retryAfterSeconds: 3 });
    await delivery.deliver(inChannel('C1'), REPLY);
    expect(slack.callsOf('chat.postMessage')).toHaveLength(2);
    expect(time.sleeps).toEqual([{ ms: 3000, postsBefore: 1 }]);
  });

  it('retries server errors with a growing pause', async () => {
    slack.failHttp('chat.postMessage', 503, { times: 2 });
    await delivery.deliver(inChannel('C1'), REPLY);
    expect(slack.callsOf('chat.postMessage')).toHaveLength(3);
    expect(time.sleeps.map((sleep) => sleep.ms)).toEqual([1000, 2000]);
  });

  it('gives up after four tries with a short reason', async () => {
    slack.failHttp('chat.postMessage', 500, { times: 10 });
    await expect(delivery.deliver(inChannel('C1'), REPLY)).rejects.toThrow(
      new Error('Slack kept failing (HTTP 500; 4 tries)'),
    );
    expect(slack.callsOf('chat.postMessage')).toHaveLength(4);
    expect(time.sleeps.map((sleep) => sleep.ms)).toEqual([1000, 2000, 4000]);
  });

  it('gives up at once when Retry-After asks for more than a minute', async () => {
    slack.failHttp('chat.postMessage', 429, { retryAfterSeconds: 120 });
    await expect(delivery.deliver(inChannel('C1'), REPLY)).rejects.toThrow(
      new Error('Slack rate limit: asked to wait 120 s'),
    );
    expect(slack.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it("does not retry Slack's refusals, and says what they mean", async () => {
    slack.failMethod('chat.postMessage', 'channel_not_found');
    await expect(delivery.deliver(inChannel('C1'), REPLY)).rejects.toThrow(
      new Error(
        'Slack said channel_not_found: the channel is gone, or it is private and the app is not in it: /invite @Calls',
      ),
    );
    slack.failMethod('chat.postMessage', 'some_new_error');
    await expect(delivery.deliver(inChannel('C1'), REPLY)).rejects.toThrow(
      new Error('Slack said some_new_error'),
    );
    slack.failHttp('chat.postMessage', 403);
    await expect(delivery.deliver(inChannel('C1'), REPLY)).rejects.toThrow(
      new Error('Slack answered HTTP 403'),
    );
    expect(slack.callsOf('chat.postMessage')).toHaveLength(3);
  });

  it('does not retry a post that timed out (Slack may have posted it)', async () => {
    const release = slack.hold('chat.postMessage');
    const slow = createDelivery(slack, time, { timeoutMs: 200 });
    await expect(slow.deliver(inChannel('C1'), REPLY)).rejects.toThrow(
      new Error('Slack did not answer within 200 ms'),
    );
    release();
    expect(slack.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('retries when Slack cannot be reached at all, then fails without naming the URL or token', async () => {
    const closedUrl = await findClosedPortUrl();
    const lines: string[] = [];
    const logger: Logger = {
      ...silentLogger,
      warn: (message, fields) => lines.push(JSON.stringify({ message, ...fields })),
    };
    const unreachable = createDelivery(slack, time, { apiUrl: closedUrl, logger });
    const failure = await unreachable.deliver(inChannel('C1'), REPLY).catch((error: Error) => error);
    expect(failure).toEqual(
      new Error('Slack kept failing (could not connect to Slack (ECONNREFUSED); 4 tries)'),
    );
    expect(lines).toHaveLength(3);
    for (const text of [...lines, String(failure)]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(closedUrl);
    }
  });
});

/** An API URL on a loopback port nothing listens on. */
async function findClosedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/api/`;
}
