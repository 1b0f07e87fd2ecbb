import { Readable } from 'node:stream';
import { BodyBufferPool } from '../../src/threecx/body-buffer-pool';

function bodyOf(...chunks: string[]): Readable {
  return Readable.from(chunks.map((chunk) => Buffer.from(chunk)));
}

describe('BodyBufferPool', () => {
  it('reads every chunk of a body, in order, into one buffer', async () => {
    const pool = new BodyBufferPool();
    const body = await pool.read(bodyOf('{"value":', '[1,2,', '3]}'));
    expect(Buffer.from(body.bytes).toString()).toBe('{"value":[1,2,3]}');
  });

  it('grows for a body larger than its buffer, and hands a released buffer to the next body', async () => {
    const pool = new BodyBufferPool(1);
    const big = 'x'.repeat(300 * 1024);
    const first = await pool.read(bodyOf(big, 'y'.repeat(300 * 1024)));
    expect(first.bytes.byteLength).toBe(600 * 1024);
    expect(first.bytes[0]).toBe(0x78);
    expect(first.bytes[600 * 1024 - 1]).toBe(0x79);
    const firstBuffer = first.bytes.buffer;
    first.release();
    first.release();
    const second = await pool.read(bodyOf('small'));
    expect(second.bytes.buffer).toBe(firstBuffer);
    expect(Buffer.from(second.bytes).toString()).toBe('small');
    // Not released: the next body gets a buffer of its own.
    const third = await pool.read(bodyOf('other'));
    expect(third.bytes.buffer).not.toBe(firstBuffer);
    expect(Buffer.from(second.bytes).toString()).toBe('small');
  });

  it('keeps no buffer larger than it was told to', async () => {
    const pool = new BodyBufferPool(4, 512 * 1024);
    const large = await pool.read(bodyOf('z'.repeat(700 * 1024)));
    const largeBuffer = large.bytes.buffer;
    large.release();
    const next = await pool.read(bodyOf('a'));
    expect(next.bytes.buffer).not.toBe(largeBuffer);
  });

  it('passes a failure of the body on, and its buffer goes back to the pool', async () => {
    const pool = new BodyBufferPool(1);
    const failing = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('socket hang up'));
      },
    });
    await expect(pool.read(failing)).rejects.toThrow('socket hang up');
    const next = await pool.read(bodyOf('whole'));
    expect(Buffer.from(next.bytes).toString()).toBe('whole');
  });
});
