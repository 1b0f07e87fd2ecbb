import type { ChartImages } from '../../chart/chart-images';
import type { Logger } from '../../core/logger';
import type { Reply } from '../../core/reply';
import type { SlackMessage } from '../../render/slack-blocks';
import type { DigestDelivery } from '../../schedule/digest-delivery';
import type { DigestSchedule } from '../../schedule/digest-schedule';
import { postSlackMessage, type SlackPostSettings, SlackRefusal } from './post-slack-message';
import { renderSlackReply } from './render-slack-reply';

export interface SlackDigestDeliveryOptions {
  /** SLACK_API_URL with its trailing slash, e.g. `https://slack.com/api/`. */
  apiUrl: string;
  botToken: string;
  logger: Logger;
  /** The clock for pacing, in milliseconds; default `Date.now`. */
  nowMs?: () => number;
  /** Waits between posts and retries; default a timer. Tests pass one that moves their clock. */
  sleep?: (ms: number) => Promise<void>;
  /** The least time between two posts to one channel (Slack allows about one a second); default 1000. */
  channelIntervalMs?: number;
  /** Tries per message, the first included; default 4. */
  maxAttempts?: number;
  /** How long one request may take; default 15 s. A timed-out post is not retried (it may have posted). */
  timeoutMs?: number;
  /** The longest Retry-After a 429 may ask for before the post gives up; default 60 s. */
  maxRetryAfterMs?: number;
  /** Report charts as images at PUBLIC_URL; without it, text bars. */
  charts?: ChartImages;
}

const DEFAULT_CHANNEL_INTERVAL_MS = 1000;

/**
 * Scheduled digests to Slack: `chat.postMessage` to the digest's channel with the reply's Block
 * Kit blocks and fallback text. Posts to one channel go one after another, at least
 * `channelIntervalMs` apart (Slack's per-channel limit); other channels are not held up. 429s wait
 * for Retry-After and 5xx answers back off, a few times; what still fails throws a short reason.
 */
export class SlackDigestDelivery implements DigestDelivery {
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly lastPostMs = new Map<string, number>();
  private readonly nowMs: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly settings: SlackPostSettings;

  constructor(private readonly options: SlackDigestDeliveryOptions) {
    this.nowMs = options.nowMs ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.settings = {
      apiUrl: options.apiUrl,
      botToken: options.botToken,
      logger: options.logger,
      sleep: this.sleep,
      maxAttempts: options.maxAttempts ?? 4,
      timeoutMs: options.timeoutMs ?? 15_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    };
  }

  deliver(schedule: DigestSchedule, reply: Reply): Promise<void> {
    const channel = schedule.target.conversationId;
    const { message, withoutImage } = renderSlackReply(reply, this.options.charts);
    return this.inLane(channel, async () => {
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

  /** Runs `work` after every earlier post to `channel` has finished (succeeded or not). */
  private inLane(channel: string, work: () => Promise<void>): Promise<void> {
    const previous = this.lanes.get(channel) ?? Promise.resolve();
    const run = previous.then(work);
    const tail = run.catch(() => undefined);
    this.lanes.set(channel, tail);
    void tail.then(() => {
      if (this.lanes.get(channel) === tail) this.lanes.delete(channel);
    });
    return run;
  }

  private async postPaced(channel: string, message: SlackMessage): Promise<void> {
    const intervalMs = this.options.channelIntervalMs ?? DEFAULT_CHANNEL_INTERVAL_MS;
    this.forgetQuietChannels(intervalMs);
    await postSlackMessage(
      this.settings,
      { channel, text: message.text, blocks: message.blocks },
      async () => {
        const last = this.lastPostMs.get(channel);
        const waitMs = last === undefined ? 0 : last + intervalMs - this.nowMs();
        if (waitMs > 0) await this.sleep(waitMs);
        this.lastPostMs.set(channel, this.nowMs());
      },
    );
  }

  /** Channels not posted to for longer than the interval need no pacing: drop them. */
  private forgetQuietChannels(intervalMs: number): void {
    const now = this.nowMs();
    for (const [channel, last] of this.lastPostMs) {
      if (now - last >= intervalMs && !this.lanes.has(channel)) this.lastPostMs.delete(channel);
    }
  }
}
