/**
 * One call-log window being fetched, as its reader sees it: its pages in order, and whether
 * requests are still being made for it. `readFeedsInOrder` opens several and reads them in turn.
 */
export interface PageFeed<T> {
  /** False once this feed will make no more requests (done, failed or cancelled). */
  readonly fetching: boolean;
  /** Calls `listener` once, when `fetching` turns false (at once if it already is). */
  onSettled(listener: () => void): void;
  /** The pages in order; throws the fetch's error after the pages before it. Read once. */
  pages(): AsyncIterable<T[]>;
  /** The reader lost interest: stop fetching (unless another reader shares the fetch) and drop what is held. */
  cancel(): void;
}

/** A one-shot wake-up: `wait()` resolves at the next `wake()`. */
export class Wakeup {
  private resolveWaiter: (() => void) | undefined;

  wait(): Promise<void> {
    return new Promise((resolve) => {
      this.resolveWaiter = resolve;
    });
  }

  wake(): void {
    const resolve = this.resolveWaiter;
    this.resolveWaiter = undefined;
    resolve?.();
  }
}

/** Listeners called once when something settles; late listeners are called at once. */
export class SettledListeners {
  private listeners: Array<() => void> | undefined = [];

  get settled(): boolean {
    return this.listeners === undefined;
  }

  add(listener: () => void): void {
    if (this.listeners) this.listeners.push(listener);
    else listener();
  }

  settle(): void {
    const listeners = this.listeners;
    this.listeners = undefined;
    for (const listener of listeners ?? []) listener();
  }
}

/**
 * Fetches pages ahead of its single reader into a buffer of at most `capacity` pages, then waits
 * for the reader: memory is `capacity` pages, whatever the window's size. A feed paused on a full
 * buffer still counts as fetching (it holds its place among the concurrent fetches).
 */
export class BufferedPageFeed<T> implements PageFeed<T> {
  private readonly buffer: T[][] = [];
  private readonly abort = new AbortController();
  private readonly settledListeners = new SettledListeners();
  private readonly readerWakeup = new Wakeup();
  private readonly pumpWakeup = new Wakeup();
  private stopped = false;
  private failure: { error: unknown } | undefined;

  /** Starts fetching at once; `source` gets the signal that `cancel()` aborts. */
  constructor(
    source: (signal: AbortSignal) => AsyncIterable<T[]>,
    private readonly capacity: number,
  ) {
    void this.pump(source);
  }

  get fetching(): boolean {
    return !this.settledListeners.settled;
  }

  onSettled(listener: () => void): void {
    this.settledListeners.add(listener);
  }

  async *pages(): AsyncGenerator<T[]> {
    try {
      for (;;) {
        const page = this.buffer.shift();
        if (page !== undefined) {
          this.pumpWakeup.wake();
          yield page;
        } else if (this.failure) {
          throw this.failure.error;
        } else if (this.settledListeners.settled) {
          return;
        } else {
          await this.readerWakeup.wait();
        }
      }
    } finally {
      this.cancel();
    }
  }

  cancel(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.buffer.length = 0;
    this.abort.abort();
    this.pumpWakeup.wake();
  }

  /** Never rejects: a failure is kept for the reader, and ignored once the reader left. */
  private async pump(source: (signal: AbortSignal) => AsyncIterable<T[]>): Promise<void> {
    try {
      for await (const page of source(this.abort.signal)) {
        if (this.stopped) break;
        this.buffer.push(page);
        this.readerWakeup.wake();
        while (this.buffer.length >= this.capacity && !this.stopped) await this.pumpWakeup.wait();
        if (this.stopped) break;
      }
    } catch (error) {
      if (!this.stopped) this.failure = { error };
    } finally {
      this.settledListeners.settle();
      this.readerWakeup.wake();
    }
  }
}
