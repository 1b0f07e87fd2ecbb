import { BufferedPageFeed, type PageFeed } from '../../src/threecx/page-feed';
import { readFeedsInOrder } from '../../src/threecx/read-feeds-in-order';

/** A window whose pages the test releases one at a time; it records what the feed asked for. */
class ScriptedWindow {
  readonly log: string[];
  private readonly released: string[][] = [];
  private waiting: (() => void) | undefined;
  private ended: { error?: unknown } | undefined;
  aborted = false;

  constructor(
    readonly name: string,
    log: string[],
  ) {
    this.log = log;
  }

  release(...rows: string[]): void {
    this.released.push(rows);
    this.wake();
  }

  end(error?: unknown): void {
    this.ended = error === undefined ? {} : { error };
    this.wake();
  }

  source = async function* (this: ScriptedWindow, signal: AbortSignal): AsyncGenerator<string[]> {
    this.log.push(`start ${this.name}`);
    signal.addEventListener('abort', () => {
      this.aborted = true;
      this.wake();
    });
    for (;;) {
      const page = this.released.shift();
      if (page) {
        yield page;
        continue;
      }
      if (this.aborted) throw new Error('aborted');
      if (this.ended?.error) throw this.ended.error;
      if (this.ended) return;
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
      });
    }
  };

  feed(capacity = 4): PageFeed<string> {
    return new BufferedPageFeed((signal) => this.source.call(this, signal), capacity);
  }

  private wake(): void {
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve?.();
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

function scripted(count: number) {
  const log: string[] = [];
  const windows = Array.from({ length: count }, (_, index) => new ScriptedWindow(`w${index}`, log));
  return { log, windows };
}

describe('readFeedsInOrder', () => {
  it("passes the head window's pages on as they arrive, before the window is complete", async () => {
    const { windows } = scripted(2);
    const reader = readFeedsInOrder(
      windows.map((window) => () => window.feed()),
      2,
    );
    const first = reader.next();
    windows[0]!.release('a1');
    expect(await first).toEqual({ done: false, value: ['a1'] });
    const second = reader.next();
    windows[1]!.release('b1');
    windows[1]!.end();
    await tick();
    windows[0]!.release('a2');
    expect(await second).toEqual({ done: false, value: ['a2'] });
    windows[0]!.end();
    expect(await reader.next()).toEqual({ done: false, value: ['b1'] });
    expect(await reader.next()).toEqual({ done: true, value: undefined });
  });

  it('fetches at most `concurrency` windows at a time, and lets finished ones free their slot', async () => {
    const { log, windows } = scripted(5);
    const reader = readFeedsInOrder(
      windows.map((window) => () => window.feed()),
      2,
    );
    const first = reader.next();
    await tick();
    expect(log).toEqual(['start w0', 'start w1']);
    // w1 finishes while the reader waits for w0: its fetch slot goes to w2.
    windows[1]!.release('b1');
    windows[1]!.end();
    await tick();
    expect(log).toEqual(['start w0', 'start w1', 'start w2']);
    windows[2]!.end();
    await tick();
    // Three windows are open (w0 fetching, w1 and w2 done but unread): the limit of 2 × 2 − 1.
    expect(log).toEqual(['start w0', 'start w1', 'start w2']);
    windows[0]!.release('a1');
    windows[0]!.end();
    expect(await first).toEqual({ done: false, value: ['a1'] });
    // w0 read: w3 takes the free slot; w1 and w2 are still unread, so w4 must wait.
    expect(await reader.next()).toEqual({ done: false, value: ['b1'] });
    expect(log).toEqual(['start w0', 'start w1', 'start w2', 'start w3']);
    const last = reader.next();
    await tick();
    expect(log).toEqual(['start w0', 'start w1', 'start w2', 'start w3', 'start w4']);
    for (const window of windows.slice(3)) window.end();
    expect(await last).toEqual({ done: true, value: undefined });
  });

  it('with concurrency 1 fetches strictly one window after another', async () => {
    const { log, windows } = scripted(3);
    const reader = readFeedsInOrder(
      windows.map((window) => () => window.feed()),
      1,
    );
    const first = reader.next();
    windows[0]!.release('a1');
    windows[0]!.end();
    expect(await first).toEqual({ done: false, value: ['a1'] });
    await tick();
    expect(log).toEqual(['start w0']);
    const second = reader.next();
    await tick();
    expect(log).toEqual(['start w0', 'start w1']);
    windows[1]!.end();
    windows[2]!.end();
    expect(await second).toEqual({ done: true, value: undefined });
    expect(log).toEqual(['start w0', 'start w1', 'start w2']);
  });

  it('throws a failed window’s error after the windows before it, and aborts the others', async () => {
    const { windows } = scripted(3);
    const reader = readFeedsInOrder(
      windows.map((window) => () => window.feed()),
      3,
    );
    windows[1]!.end(new Error('w1 failed'));
    windows[0]!.release('a1');
    windows[0]!.end();
    expect(await reader.next()).toEqual({ done: false, value: ['a1'] });
    await expect(reader.next()).rejects.toThrow('w1 failed');
    await tick();
    expect(windows[2]!.aborted).toBe(true);
  });

  it('aborts every open window when the reader stops early', async () => {
    const { windows } = scripted(3);
    const reader = readFeedsInOrder(
      windows.map((window) => () => window.feed()),
      3,
    );
    windows[0]!.release('a1');
    expect(await reader.next()).toEqual({ done: false, value: ['a1'] });
    await reader.return(undefined);
    await tick();
    expect(windows.map((window) => window.aborted)).toEqual([true, true, true]);
  });
});

describe('BufferedPageFeed', () => {
  it('holds at most `capacity` pages ahead of its reader', async () => {
    const pulled: number[] = [];
    const feed = new BufferedPageFeed(async function* () {
      for (let page = 1; page <= 5; page++) {
        pulled.push(page);
        yield [page];
      }
    }, 2);
    await tick();
    expect(pulled).toEqual([1, 2]);
    expect(feed.fetching).toBe(true);
    const pages = feed.pages()[Symbol.asyncIterator]();
    expect(await pages.next()).toEqual({ done: false, value: [1] });
    await tick();
    expect(pulled).toEqual([1, 2, 3]);
    const rest: number[][] = [];
    for (let next = await pages.next(); !next.done; next = await pages.next()) rest.push(next.value);
    expect(rest).toEqual([[2], [3], [4], [5]]);
    expect(feed.fetching).toBe(false);
  });
});
