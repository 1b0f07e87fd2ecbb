import { SlackAlertDelivery } from '../../src/adapters/slack/slack-alert-delivery';
import { silentLogger } from '../../src/core/logger';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/fake-slack-api';
import { expectWithinSlackLimits } from '../helpers/slack-block-limits';
import { blockTexts, findButtons } from '../helpers/slack-bot-harness';
import { alertSubscription, claimedAlert, postedAlert, returnedAlert } from './alert-message-fixtures';

/**
 * The Slack alert delivery against the fake Slack Web API: the post's `ts` is the alert's message
 * id, an update redraws that very message (chat.update, same ts), a reminder goes in its thread.
 */

const TOKEN = 'xoxb-alert-test-1234-abcdef';
const SUBSCRIPTION = alertSubscription();

describe('SlackAlertDelivery', () => {
  let slack: FakeSlackApi;
  let delivery: SlackAlertDelivery;

  beforeEach(async () => {
    slack = await startFakeSlackApi();
    delivery = new SlackAlertDelivery({
      apiUrl: slack.apiUrl,
      botToken: TOKEN,
      logger: silentLogger,
      sleep: async () => {},
    });
  });
  afterEach(async () => {
    await slack.close();
  });

  it('posts the alert to the channel and returns the ts and channel Slack gave it', async () => {
    const ref = await delivery.post(SUBSCRIPTION, postedAlert({ message: undefined }), false);
    const [call] = slack.callsOf('chat.postMessage');
    // The ts is the one Slack gave the message it now holds in that channel.
    expect(ref.channelId).toBe('C0SUPPORT1');
    expect(slack.message('C0SUPPORT1', ref.messageId)?.text).toBe(call?.args.text);
    expect(ref.messageId).toMatch(/^1700000000\.\d{6}$/);
    expect(call?.args.channel).toBe('C0SUPPORT1');
    expect(call?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(call?.args.unfurl_links).toBe(false);
    const posted = slack.message('C0SUPPORT1', ref.messageId);
    expect(blockTexts(posted as unknown as Record<string, unknown>)).toContain('<tel:+442079460123|Call>');
    expect(findButtons(call!.args).map((button) => button.text.text)).toEqual(["I'll call back"]);
    expectWithinSlackLimits(call!.args);
  });

  it('updates the same message in place: the claimer, then the return, then no buttons', async () => {
    const ref = await delivery.post(SUBSCRIPTION, postedAlert({ message: undefined }), false);
    await delivery.update(SUBSCRIPTION, claimedAlert({ message: ref }), false);
    const [update] = slack.callsOf('chat.update');
    expect(update?.args).toMatchObject({ channel: 'C0SUPPORT1', ts: ref.messageId });
    let message = slack.message('C0SUPPORT1', ref.messageId) as unknown as Record<string, unknown>;
    expect(blockTexts(message)).toContain('<@U0BEN00101> is calling back.');
    expect(findButtons(message).map((button) => button.text.text)).toEqual(['Release']);

    await delivery.update(SUBSCRIPTION, returnedAlert({ message: ref }), false);
    message = slack.message('C0SUPPORT1', ref.messageId) as unknown as Record<string, unknown>;
    expect(blockTexts(message)).toContain('✓ returned by Ben Okafor 12 min later');
    expect(findButtons(message)).toEqual([]);
    expect(slack.message('C0SUPPORT1', ref.messageId)?.updates).toBe(2);
    // Still one alert in the channel: updates post nothing new.
    expect(slack.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('masked: the channel sees neither the number nor a tel: link, on the post and on updates', async () => {
    const ref = await delivery.post(SUBSCRIPTION, postedAlert({ message: undefined }), true);
    await delivery.update(SUBSCRIPTION, claimedAlert({ message: ref }), true);
    for (const call of [...slack.callsOf('chat.postMessage'), ...slack.callsOf('chat.update')]) {
      const sent = JSON.stringify(call.args);
      expect(sent).not.toContain('tel:');
      expect(sent).not.toContain('7946');
      expect(sent).toContain('+44 20•• ••0123');
    }
  });

  it("reminds in the message's thread, without the number", async () => {
    const ref = await delivery.post(SUBSCRIPTION, postedAlert({ message: undefined }), false);
    await delivery.remind(SUBSCRIPTION, claimedAlert({ message: ref }));
    const replies = slack.threadReplies('C0SUPPORT1', ref.messageId);
    expect(replies.map((reply) => reply.text)).toEqual([
      'Reminder: <@U0BEN00101> took this call-back at Mon 2 Nov 10:20 and no return to Jane Caller has been seen yet. Release it if you cannot call back.',
    ]);
    expect(JSON.stringify(replies)).not.toContain('7946');
  });

  it('fails with a short reason when the message is gone, or there is none to update', async () => {
    const gone = claimedAlert({ message: { messageId: '1699999999.000001', channelId: 'C0SUPPORT1' } });
    await expect(delivery.update(SUBSCRIPTION, gone, false)).rejects.toThrow(
      new Error('Slack said message_not_found: the message was deleted'),
    );
    await expect(delivery.remind(SUBSCRIPTION, claimedAlert({ message: undefined }))).rejects.toThrow(
      'the alert has no posted message',
    );
    slack.failMethod('chat.postMessage', 'not_in_channel');
    await expect(delivery.post(SUBSCRIPTION, postedAlert(), false)).rejects.toThrow(
      'Slack said not_in_channel: invite the app to the channel: /invite @Calls',
    );
  });

  it('retries a 429 after its Retry-After, as digests do', async () => {
    const waits: number[] = [];
    const paced = new SlackAlertDelivery({
      apiUrl: slack.apiUrl,
      botToken: TOKEN,
      logger: silentLogger,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    slack.failHttp('chat.postMessage', 429, { retryAfterSeconds: 2 });
    const ref = await paced.post(SUBSCRIPTION, postedAlert(), false);
    expect(ref.messageId).toMatch(/^1700000000\./);
    expect(waits).toContain(2000);
    expect(slack.callsOf('chat.postMessage')).toHaveLength(2);
  });
});
