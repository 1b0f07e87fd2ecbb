import type { ChartImages } from '../../chart/chart-images';
import type { Reply } from '../../core/reply';
import type { SlackMessage } from '../../render/slack-blocks';
import type { DigestDelivery } from '../../schedule/digest-delivery';
import type { DigestSchedule } from '../../schedule/digest-schedule';
import {
  postSlackMessage,
  type SlackBotPostOptions,
  type SlackPostSettings,
  SlackRefusal,
  toSlackPostSetup,
} from './post-slack-message';
import { renderSlackReply } from './render-slack-reply';
import type { SlackChannelLanes } from './slack-channel-lanes';

export interface SlackDigestDeliveryOptions extends SlackBotPostOptions {
  /** Report charts as images at PUBLIC_URL; without it, text bars. */
  charts?: ChartImages;
}

/**
 * Scheduled digests to Slack: `chat.postMessage` to the digest's channel with the reply's Block
 * Kit blocks and fallback text. Posts to one channel go one after another, at least
 * `channelIntervalMs` apart (Slack's per-channel limit); other channels are not held up. 429s wait
 * for Retry-After and 5xx answers back off, a few times; what still fails throws a short reason.
 */
export class SlackDigestDelivery implements DigestDelivery {
  private readonly lanes: SlackChannelLanes;
  private readonly settings: SlackPostSettings;

  constructor(private readonly options: SlackDigestDeliveryOptions) {
    ({ lanes: this.lanes, settings: this.settings } = toSlackPostSetup(options));
  }

  deliver(schedule: DigestSchedule, reply: Reply): Promise<void> {
    const channel = schedule.target.conversationId;
    const { message, withoutImage } = renderSlackReply(reply, this.options.charts);
    return this.lanes.inLane(channel, async () => {
      try {
        await this.postPaced(channel, message);
      } catch (error) {
        // Slack refuses the whole message when it cannot fetch the chart image: post the text bars.
        if (!withoutImage || !(error instanceof SlackRefusal && error.code === 'invalid_blocks')) throw error;
        this.options.logger.warn('Slack refused the digest with its chart image; posting the text bars', {
          channel,
          error: error.message,
        });
        await this.postPaced(channel, withoutImage);
      }
    });
  }

  private async postPaced(channel: string, message: SlackMessage): Promise<void> {
    await postSlackMessage(this.settings, { channel, text: message.text, blocks: message.blocks }, () =>
      this.lanes.pace(channel),
    );
  }
}
