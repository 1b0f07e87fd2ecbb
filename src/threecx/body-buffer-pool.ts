/** A body read into a pooled buffer: `bytes` is valid until `release()`, which gives the buffer back. */
export interface PooledBody {
  bytes: Uint8Array;
  release(): void;
}

const INITIAL_BYTES = 256 * 1024;

/** A body grew past the limit `read` was given; reading stopped (and the stream was destroyed). */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the body is larger than ${limitBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

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

  /**
   * Reads the whole body, at most `maxBytes` of it: past that it stops with `BodyTooLargeError`
   * (leaving the loop destroys the stream, which closes the connection), so an answer that never
   * ends costs `maxBytes` of memory, not all there is. On failure (too large, a cut connection, an
   * abort) the buffer goes back and the error passes on.
   */
  async read(body: AsyncIterable<Uint8Array>, maxBytes = Number.POSITIVE_INFINITY): Promise<PooledBody> {
    let buffer = this.free.pop() ?? Buffer.allocUnsafe(INITIAL_BYTES);
    let length = 0;
    try {
      for await (const chunk of body) {
        if (length + chunk.byteLength > maxBytes) throw new BodyTooLargeError(maxBytes);
        if (length + chunk.byteLength > buffer.byteLength) {
          const wanted = Math.max(buffer.byteLength * 2, length + chunk.byteLength);
          const larger = Buffer.allocUnsafe(Math.min(wanted, maxBytes));
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
