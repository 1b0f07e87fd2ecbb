import * as zlib from 'node:zlib';

/**
 * Byte-level pieces of the day-legs format (`day-legs-layout.ts`): a growing byte buffer, a bounded
 * reader, unsigned varints up to 2^53 (every safe integer), zigzag, and CRC-32.
 */

/** Thrown for a blob that is not a day's legs this build can read: corrupt, truncated or of another version. */
export class DayLegsFormatError extends Error {
  constructor(message: string) {
    super(`Stored day legs cannot be read: ${message}`);
    this.name = 'DayLegsFormatError';
  }
}

export const TWO_POW_32 = 4_294_967_296;
const TWO_POW_31 = 2_147_483_648;

/** A growing byte buffer. */
export class ByteWriter {
  private bytes = new Uint8Array(256);
  private view = new DataView(this.bytes.buffer);
  length = 0;

  private ensure(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < needed) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  byte(value: number): void {
    this.ensure(1);
    this.bytes[this.length++] = value;
  }

  /** An unsigned integer `0 <= value <= 2^53 - 1`, 7 bits a byte, low bits first. */
  varint(value: number): void {
    this.ensure(8);
    const bytes = this.bytes;
    let rest = value;
    if (rest >= TWO_POW_31) {
      while (rest >= TWO_POW_31) {
        bytes[this.length++] = (rest % 128) | 128;
        rest = Math.floor(rest / 128);
      }
    }
    while (rest >= 128) {
      bytes[this.length++] = (rest & 127) | 128;
      rest >>>= 7;
    }
    bytes[this.length++] = rest;
  }

  float64(value: number): void {
    this.ensure(8);
    this.view.setFloat64(this.length, value, true);
    this.length += 8;
  }

  /** Four 32-bit words, big-endian (a GUID's bytes in its written order). */
  words(words: Uint32Array, at: number, count: number): void {
    this.ensure(count * 4);
    for (let index = 0; index < count; index++) {
      this.view.setUint32(this.length, words[at + index]!, false);
      this.length += 4;
    }
  }

  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** The bytes written (a view: copy it before writing more). */
  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** Reads `bytes[position..end)`; every read past `end` throws. */
export class ByteReader {
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    public position: number,
    readonly end: number,
    private readonly what: string,
  ) {
    if (position < 0 || end > bytes.length || position > end)
      throw new DayLegsFormatError(`${what} out of bounds`);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get done(): boolean {
    return this.position === this.end;
  }

  byte(): number {
    if (this.position >= this.end) throw this.truncated();
    return this.bytes[this.position++]!;
  }

  /** The inverse of `ByteWriter.varint`; more than 8 bytes or a value above 2^53 - 1 is corrupt. */
  varint(): number {
    const bytes = this.bytes;
    const end = this.end;
    let position = this.position;
    if (position >= end) throw this.truncated();
    let byte = bytes[position++]!;
    if (byte < 128) {
      this.position = position;
      return byte;
    }
    let value = byte & 127;
    let shift = 7;
    for (;;) {
      if (position >= end) throw this.truncated();
      byte = bytes[position++]!;
      if (shift < 28) value |= (byte & 127) << shift;
      else value += (byte & 127) * 2 ** shift;
      if (byte < 128) break;
      shift += 7;
      if (shift > 49) throw new DayLegsFormatError(`${this.what}: a number is too long`);
    }
    if (value > Number.MAX_SAFE_INTEGER) throw new DayLegsFormatError(`${this.what}: a number is too large`);
    this.position = position;
    return value;
  }

  /** `count` varints into `out[at..]`, one-byte ones without a call. */
  varints(out: Float64Array, at: number, count: number): void {
    const bytes = this.bytes;
    const end = this.end;
    let position = this.position;
    for (let index = 0; index < count; index++) {
      const byte = position < end ? bytes[position]! : 128;
      if (byte < 128) {
        out[at + index] = byte;
        position++;
      } else {
        this.position = position;
        out[at + index] = this.varint();
        position = this.position;
      }
    }
    this.position = position;
  }

  float64(): number {
    if (this.position + 8 > this.end) throw this.truncated();
    const value = this.view.getFloat64(this.position, true);
    this.position += 8;
    return value;
  }

  /** `count` big-endian 32-bit words into `words[at..]` (the inverse of `ByteWriter.words`). */
  words(words: Uint32Array, at: number, count: number): void {
    let position = this.position;
    if (position + count * 4 > this.end) throw this.truncated();
    const bytes = this.bytes;
    for (let index = 0; index < count; index++) {
      words[at + index] =
        (bytes[position]! << 24) |
        (bytes[position + 1]! << 16) |
        (bytes[position + 2]! << 8) |
        bytes[position + 3]!;
      position += 4;
    }
    this.position = position;
  }

  /** The next `count` bytes as a view. */
  take(count: number): Uint8Array {
    if (count > this.end - this.position) throw this.truncated();
    const slice = this.bytes.subarray(this.position, this.position + count);
    this.position += count;
    return slice;
  }

  /** Throws unless every byte was read. */
  expectEnd(): void {
    if (this.position !== this.end)
      throw new DayLegsFormatError(`${this.what}: unexpected bytes after the data`);
  }

  private truncated(): DayLegsFormatError {
    return new DayLegsFormatError(`${this.what} is truncated`);
  }
}

let crcTable: Int32Array | undefined;

/** CRC-32 (as zlib and gzip), by table where `zlib.crc32` (Node 20.15 on) is missing. */
function crc32ByTable(bytes: Uint8Array): number {
  if (crcTable === undefined) {
    crcTable = new Int32Array(256);
    for (let index = 0; index < 256; index++) {
      let crc = index;
      for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
      crcTable[index] = crc;
    }
  }
  const table = crcTable;
  let crc = -1;
  for (let index = 0; index < bytes.length; index++) crc = table[(crc ^ bytes[index]!) & 255]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export function crc32(bytes: Uint8Array): number {
  return typeof nativeCrc32 === 'function' ? nativeCrc32(bytes) >>> 0 : crc32ByTable(bytes);
}

/** For tests: the table version, which must agree with zlib's. */
export const crc32ForTests = crc32ByTable;
