/** A body read into a pooled buffer: `bytes` is valid until `release()`, which gives the buffer back. */
export interface PooledBody {
  bytes: Uint8Array;
  release(): void;
}

const INITIAL_BYTES = 256 * 1024;

/**
 * Reusable buffers for response bodies. A call-log page is close to a megabyte: read the usual way
 * (chunks kept until the end, then copied into one new buffer) every page leaves a megabyte or two
 * of buffers behind, and as pages keep arriving while others are parsed, many of them outlive a
 * young-generation collection and wait for a full one: tens of megabytes at any time. Here each
 * chunk is copied into a buffer that is used again for the next body, so chunks die young and
 * bodies allocate nothing once the pool is warm. At most `keepBuffers` buffers of at most
 * `keepBytes` each stay in the pool between bodies; larger ones are dropped after use.
 */
export class BodyBufferPool {
  private readonly free: Buffer[] = [];

  constructor(
    private readonly keepBuffers = 4,
    private readonly keepBytes = 4 * 1024 * 1024,
  ) {}

  /** Reads the whole body; on failure (a cut connection, an abort) the buffer goes back and the error passes on. */
  async read(body: AsyncIterable<Uint8Array>): Promise<PooledBody> {
    let buffer = this.free.pop() ?? Buffer.allocUnsafe(INITIAL_BYTES);
    let length = 0;
    try {
      for await (const chunk of body) {
        if (length + chunk.byteLength > buffer.byteLength) {
          const larger = Buffer.allocUnsafe(Math.max(buffer.byteLength * 2, length + chunk.byteLength));
          buffer.copy(larger, 0, 0, length);
          buffer = larger; // the smaller one is left to the collector: the pool keeps the sizes bodies need
        }
        buffer.set(chunk, length);
        length += chunk.byteLength;
      }
    } catch (error) {
      this.giveBack(buffer);
      throw error;
    }
    let released = false;
    return {
      bytes: buffer.subarray(0, length),
      release: () => {
        if (released) return;
        released = true;
        this.giveBack(buffer);
      },
    };
  }

  private giveBack(buffer: Buffer): void {
    if (this.free.length < this.keepBuffers && buffer.byteLength <= this.keepBytes) this.free.push(buffer);
  }
}
