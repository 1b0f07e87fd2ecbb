import { type ByteReader, type ByteWriter, DayLegsFormatError, TWO_POW_32 } from './day-legs-bytes';

/**
 * Lossless compact numbers for the day-legs format. Every number decodes to exactly the double
 * that was encoded (`Object.is`-equal: -0, NaN and infinities too); the compact forms are used
 * only when the encoder has checked that they give that double back, else the 8 bytes of the
 * double are kept.
 *
 * Durations (3CX: up to 6 decimals): one unsigned varint `zigzag(n) * 16 + tag`, where
 * - tag 0: the value is `n / 1000` (whole milliseconds);
 * - tag 1: the value is `n / 1e6` (whole microseconds);
 * - tags 3–8: the value is `n / 1e6` moved by -3…-1, +1…+3 units in the last place (a duration
 *   summed from its parts, `60 + 12.577027`, can be a bit or two away from `72.577027`);
 * - tag 2: the value is the next double of the float column (n is 0).
 *
 * Integers (start times, segment ids): `zigzag(value - previous) * 2`, or 1 for the next double
 * of the float column (not a safe integer, -0, or too far from the previous one).
 */

const TAG_BITS = 16;
const TAG_MS = 0;
const TAG_US = 1;
export const TAG_FLOAT = 2;
const TAG_LAST = 8;
/** Scaled values stay below this, so `zigzag(n) * 16` stays a safe integer. */
const MAX_SCALED = 2 ** 47;
/** Integer deltas stay below this, so `zigzag(delta) * 2` stays a safe integer. */
const MAX_DELTA = 2 ** 51;

/** A signed safe integer as an unsigned one: 0, -1, 1, -2, … → 0, 1, 2, 3, … (no 32-bit limit). */
function zigzag(value: number): number {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}

/**
 * The inverse of `zigzag`. Kept here (not imported) because it runs for every leg: under tsx each
 * use of an imported name calls CommonJS export getters (docs/performance.md, "Imported names in
 * per-row code").
 */
function unzigzag(value: number): number {
  return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
}

/** `unzigzag` of a value below 2^30, in integer operations. */
function unzigzagSmall(value: number): number {
  return (value >>> 1) ^ -(value & 1);
}

const TWO_POW_31 = 2 ** 31;
const DOUBLE = new Float64Array(1);
const DOUBLE_WORDS = new Uint32Array(DOUBLE.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LOW = LITTLE_ENDIAN ? 0 : 1;
const HIGH = 1 - LOW;

/** How many units in the last place `x` lies above `y` (their bit patterns' difference). */
function ulpDistance(x: number, y: number): number {
  DOUBLE[0] = x;
  const xLow = DOUBLE_WORDS[LOW]!;
  const xHigh = DOUBLE_WORDS[HIGH]!;
  DOUBLE[0] = y;
  return (xHigh - DOUBLE_WORDS[HIGH]!) * TWO_POW_32 + (xLow - DOUBLE_WORDS[LOW]!);
}

/** `y` with `units` added to its bit pattern (|units| small). */
function moveUlps(y: number, units: number): number {
  DOUBLE[0] = y;
  let low = DOUBLE_WORDS[LOW]! + units;
  let high = DOUBLE_WORDS[HIGH]!;
  if (low < 0) {
    low += TWO_POW_32;
    high -= 1;
  } else if (low >= TWO_POW_32) {
    low -= TWO_POW_32;
    high += 1;
  }
  DOUBLE_WORDS[LOW] = low;
  DOUBLE_WORDS[HIGH] = high >>> 0;
  return DOUBLE[0];
}

function scaledValue(n: number, tag: number): number {
  if (tag === TAG_MS) return n / 1000;
  const micro = n / 1e6;
  if (tag === TAG_US) return micro;
  return moveUlps(micro, tag < 6 ? tag - 6 : tag - 5);
}

/** The varint for a duration; writes the double to `floats` when no compact form gives it back. */
export function encodeDuration(value: number, floats: ByteWriter): number {
  if (Number.isFinite(value)) {
    // `+ 0` turns -0 into 0, so that -0 itself never takes a compact form (it would come back as 0).
    const milli = Math.round(value * 1000) + 0;
    if (Math.abs(milli) < MAX_SCALED && milli / 1000 === value && !Object.is(value, -0)) {
      return zigzag(milli) * TAG_BITS + TAG_MS;
    }
    const micro = Math.round(value * 1e6) + 0;
    if (Math.abs(micro) < MAX_SCALED && !Object.is(value, -0)) {
      if (micro / 1e6 === value) return zigzag(micro) * TAG_BITS + TAG_US;
      const units = ulpDistance(value, micro / 1e6);
      if (units >= -3 && units <= 3) {
        const tag = units < 0 ? units + 6 : units + 5;
        if (Object.is(scaledValue(micro, tag), value)) return zigzag(micro) * TAG_BITS + tag;
      }
    }
  }
  floats.float64(value);
  return TAG_FLOAT;
}

export function decodeDuration(code: number, floats: ByteReader): number {
  // Most codes fit 31 bits: integer operations then (the same values as the general path below).
  if (code < TWO_POW_31) {
    const smallTag = code & (TAG_BITS - 1);
    if (smallTag === TAG_MS) return unzigzagSmall(code >>> 4) / 1000;
    if (smallTag === TAG_US) return unzigzagSmall(code >>> 4) / 1e6;
  }
  const tag = code % TAG_BITS;
  if (tag === TAG_FLOAT) {
    if (code !== TAG_FLOAT) throw new DayLegsFormatError('a duration is malformed');
    return floats.float64();
  }
  if (tag > TAG_LAST) throw new DayLegsFormatError('a duration has an unknown form');
  return scaledValue(unzigzag((code - tag) / TAG_BITS), tag);
}

/** The varint for an integer after `previous` (a safe integer), or 1: the double goes to `floats`. */
export function encodeIntegerAfter(value: number, previous: number, floats: ByteWriter): number {
  if (Number.isSafeInteger(value) && !Object.is(value, -0)) {
    const delta = value - previous;
    if (delta < MAX_DELTA && delta > -MAX_DELTA) return zigzag(delta) * 2;
  }
  floats.float64(value);
  return 1;
}

/** Whether the varint of `encodeIntegerAfter` was an integer (the next `previous`). */
export function isIntegerCode(code: number): boolean {
  return code % 2 === 0;
}

export function decodeIntegerAfter(code: number, previous: number, floats: ByteReader): number {
  if (code < TWO_POW_31 && (code & 1) === 0) return previous + unzigzagSmall(code >>> 1);
  if (code % 2 === 0) return previous + unzigzag(code / 2);
  if (code !== 1) throw new DayLegsFormatError('a number is malformed');
  return floats.float64();
}
