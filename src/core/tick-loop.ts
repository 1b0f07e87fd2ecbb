/**
 * Runs `runTick` one call after another and, once started, again and again until stopped: after
 * each tick it waits `waitMs(startedMs)` (`startedMs`: when that tick began, by `Date.now()`),
 * cut short by `stop()`. What the missed-call poller and the digest scheduler share.
 */
export class TickLoop<T> {
  private queue: Promise<unknown> = Promise.resolve();
  private running = false;
  private loop: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly runTick: () => Promise<T>,
    private readonly waitMs: (startedMs: number) => number,
  ) {}

  /** One tick now (after one in progress); rejects only when `runTick` does. */
  tick(): Promise<T> {
    const tick = this.queue.then(() => this.runTick());
    this.queue = tick;
    return tick;
  }

  /** Ticks now, then after each `waitMs`, until `stop()`. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.runLoop();
  }

  /** Stops the timer and waits for a tick in progress. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    await this.loop;
    await this.queue;
  }

  private async runLoop(): Promise<void> {
    while (this.running) {
      const startedMs = Date.now();
      await this.tick();
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, this.waitMs(startedMs));
      });
    }
  }
}
