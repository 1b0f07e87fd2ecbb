import type { AlertDelivery } from '../../alerts/alert-delivery';
import type { AlertSubscription, PostedAlert, PostedMessageRef } from '../../alerts/alert-store';
import { describeAlertReminder } from '../../render/alert-sentences';
import { renderAlertNoteSlack, renderAlertSlack } from '../../render/alert-slack';
import { SLACK_ALERT_STYLE } from '../../render/alert-text-style';
import { toAlertView } from '../../render/alert-view';
import {
  callSlackChat,
  type SlackBotPostOptions,
  type SlackChatMethod,
  type SlackPostSettings,
  toSlackPostSetup,
} from './post-slack-message';
import type { SlackChannelLanes } from './slack-channel-lanes';

/**
 * Live missed-call alerts in Slack: `chat.postMessage` to the subscription's channel (its `ts` is
 * the alert's message id), `chat.update` of that message to redraw it, and the claim's reminder
 * as a reply in its thread (`thread_ts`). Paced per channel and retried as digests are (pass the
 * digests' `lanes` to share one pace per channel); failures throw a short reason.
 */
export class SlackAlertDelivery implements AlertDelivery {
  private readonly lanes: SlackChannelLanes;
  private readonly settings: SlackPostSettings;

  constructor(options: SlackBotPostOptions) {
    ({ lanes: this.lanes, settings: this.settings } = toSlackPostSetup(options));
  }

  async post(
    subscription: AlertSubscription,
    alert: PostedAlert,
    masked: boolean,
  ): Promise<PostedMessageRef> {
    const channel = subscription.target.conversationId;
    const message = renderAlertSlack(toAlertView(subscription, alert, masked));
    const answer = await this.call('chat.postMessage', channel, {
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
    if (answer.ts === undefined) throw new Error('Slack accepted the alert but sent no message ts');
    return { messageId: answer.ts, channelId: answer.channel ?? channel };
  }

  async update(subscription: AlertSubscription, alert: PostedAlert, masked: boolean): Promise<void> {
    const { channel, ts } = messageOf(subscription, alert);
    const message = renderAlertSlack(toAlertView(subscription, alert, masked));
    await this.call('chat.update', channel, { ts, text: message.text, blocks: message.blocks });
  }

  async remind(subscription: AlertSubscription, alert: PostedAlert): Promise<void> {
    const { channel, ts } = messageOf(subscription, alert);
    const note = renderAlertNoteSlack(describeAlertReminder(subscription, alert, SLACK_ALERT_STYLE));
    await this.call('chat.postMessage', channel, { thread_ts: ts, text: note.text, blocks: note.blocks });
  }

  private call(method: SlackChatMethod, channel: string, args: Record<string, unknown>) {
    return this.lanes.inLane(channel, () =>
      callSlackChat(this.settings, method, { channel, ...args }, () => this.lanes.pace(channel)),
    );
  }
}

/** Where the alert's message is: the channel Slack named when it took the post, and its `ts`. */
function messageOf(subscription: AlertSubscription, alert: PostedAlert): { channel: string; ts: string } {
  if (!alert.message) throw new Error('the alert has no posted message');
  return {
    channel: alert.message.channelId ?? subscription.target.conversationId,
    ts: alert.message.messageId,
  };
}
