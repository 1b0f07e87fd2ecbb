import type { CallLeg } from '../core/call-leg';

/**
 * Pages whose first is asked for at once; breaking off (or `abandon`) returns the source.
 * A failure before the pages are read waits for the reader (never unhandled).
 */
export class EagerPages implements AsyncIterable<readonly CallLeg[]> {
  private readonly iterator: AsyncIterator<readonly CallLeg[]>;
  private first: Promise<IteratorResult<readonly CallLeg[]>> | undefined;
  private done = false;

  constructor(pages: AsyncIterable<readonly CallLeg[]>) {
    this.iterator = pages[Symbol.asyncIterator]();
    this.first = this.iterator.next();
    this.first.catch(() => {});
  }

  abandon(): void {
    if (this.done) return;
    this.done = true;
    this.iterator.return?.(undefined)?.catch(() => {});
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<readonly CallLeg[]> {
    try {
      for (;;) {
        const first = this.first;
        this.first = undefined;
        const result = await (first ?? this.iterator.next());
        if (result.done) {
          this.done = true;
          return;
        }
        yield result.value;
      }
    } catch (error) {
      this.done = true;
      throw error;
    }
  }
}
