/** How posts to Slack channels are spaced; every field has a default. */
export interface SlackChannelLanesOptions {
  /** The clock for pacing, in milliseconds; default `Date.now`. */
  nowMs?: () => number;
  /** Waits between posts and retries; default a timer. Tests pass one that moves their clock. */
  sleep?: (ms: number) => Promise<void>;
  /** The least time between two posts to one channel (Slack allows about one a second); default 1000. */
  channelIntervalMs?: number;
}

const DEFAULT_CHANNEL_INTERVAL_MS = 1000;

/**
 * Slack's per-channel pacing, shared by whatever posts on the bot's own (digests, live alerts):
 * work for one channel runs one after another (`inLane`), and each request to it waits until
 * `channelIntervalMs` have passed since the previous one (`pace`, before every attempt). Other
 * channels are not held up.
 */
export class SlackChannelLanes {
  readonly sleep: (ms: number) => Promise<void>;
  private readonly lanes = new Map<string, Promise<unknown>>();
  private readonly lastPostMs = new Map<string, number>();
  private readonly nowMs: () => number;
  private readonly intervalMs: number;

  constructor(options: SlackChannelLanesOptions = {}) {
    this.nowMs = options.nowMs ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.intervalMs = options.channelIntervalMs ?? DEFAULT_CHANNEL_INTERVAL_MS;
  }

  /** Runs `work` after every earlier piece of work for `channel` has finished (succeeded or not). */
  inLane<T>(channel: string, work: () => Promise<T>): Promise<T> {
    const previous = this.lanes.get(channel) ?? Promise.resolve();
    const run = previous.then(work);
    const tail = run.catch(() => undefined);
    this.lanes.set(channel, tail);
    void tail.then(() => {
      if (this.lanes.get(channel) === tail) this.lanes.delete(channel);
    });
    return run;
  }

  /** Waits until `channel` may get its next request, and counts that request as made now. */
  async pace(channel: string): Promise<void> {
    this.forgetQuietChannels();
    const last = this.lastPostMs.get(channel);
    const waitMs = last === undefined ? 0 : last + this.intervalMs - this.nowMs();
    if (waitMs > 0) await this.sleep(waitMs);
    this.lastPostMs.set(channel, this.nowMs());
  }

  /** Channels not posted to for longer than the interval need no pacing: drop them. */
  private forgetQuietChannels(): void {
    const now = this.nowMs();
    for (const [channel, last] of this.lastPostMs) {
      if (now - last >= this.intervalMs && !this.lanes.has(channel)) this.lastPostMs.delete(channel);
    }
  }
}
