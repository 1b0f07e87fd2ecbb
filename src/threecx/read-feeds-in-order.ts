import type { PageFeed } from './page-feed';

/**
 * Reads windows' pages in window order while later windows are fetched ahead: the head window's
 * pages go to the consumer as they arrive, and at most `concurrency` feeds are fetching at any
 * time. A window that finished before the consumer reached it keeps its pages and frees its fetch
 * slot for the next window, up to `2 × concurrency − 1` windows opened and not yet read (so with
 * `concurrency` 1 windows are fetched strictly one after another). New windows open only while
 * the consumer reads or waits, so a consumer that stopped (e.g. `top` reached) starts nothing
 * new; when it stops, every open feed is cancelled.
 */
export async function* readFeedsInOrder<T>(
  openers: ReadonlyArray<() => PageFeed<T>>,
  concurrency: number,
): AsyncGenerator<T[]> {
  const limit = Math.max(1, Math.floor(concurrency));
  const maxOpen = 2 * limit - 1;
  const open: Array<PageFeed<T>> = [];
  let nextOpener = 0;
  let waitingOn: PageFeed<T> | undefined;
  let stopped = false;

  const fetchingCount = () => open.reduce((count, feed) => count + (feed.fetching ? 1 : 0), 0);
  const fill = () => {
    while (!stopped && nextOpener < openers.length && open.length < maxOpen && fetchingCount() < limit) {
      const feed = openers[nextOpener++]!();
      open.push(feed);
      // A window other than the awaited one finished early: its slot can fetch the next window now.
      feed.onSettled(() => {
        if (waitingOn !== undefined && waitingOn !== feed) fill();
      });
    }
  };

  try {
    fill();
    while (open.length > 0) {
      const head = open[0]!;
      const pages = head.pages()[Symbol.asyncIterator]();
      for (;;) {
        fill();
        waitingOn = head;
        const result = await pages.next();
        waitingOn = undefined;
        if (result.done) break;
        yield result.value;
      }
      open.shift();
      fill();
    }
  } finally {
    stopped = true;
    for (const feed of open) feed.cancel();
  }
}
