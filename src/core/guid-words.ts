/** How a GUID's hex letters were written: GUID_LOWER or GUID_UPPER; NOT_A_GUID for anything else (mixed case too). */
export const NOT_A_GUID = 0;
export const GUID_LOWER = 1;
export const GUID_UPPER = 2;
const GUID_LENGTH = 36;

/** Per character code below 128: its hex value, plus 16 for a-f and 32 for A-F; -1 when not a hex digit. */
const HEX = new Int8Array(128).fill(-1);
for (let digit = 0; digit < 10; digit++) HEX[48 + digit] = digit;
for (let letter = 0; letter < 6; letter++) {
  HEX[97 + letter] = 10 + letter + 16;
  HEX[65 + letter] = 10 + letter + 32;
}
const LOWER_BIT = 16;
const UPPER_BIT = 32;

/**
 * Reads a GUID (8-4-4-4-12 hex digits) into four 32-bit words at `words[at..at+3]`; returns the
 * letter cases it used (LOWER_BIT | UPPER_BIT, 0 for digits only), or -1 when `text` is not a
 * GUID (the words are then meaningless). Four digits at a time through a table: this runs for
 * every leg, twice.
 */
function readWords(text: string, words: Uint32Array, at: number): number {
  if (
    text.length !== GUID_LENGTH ||
    text.charCodeAt(8) !== 45 ||
    text.charCodeAt(13) !== 45 ||
    text.charCodeAt(18) !== 45 ||
    text.charCodeAt(23) !== 45
  ) {
    return -1;
  }
  const q0 = readQuad(text, 0);
  const q1 = readQuad(text, 4);
  const q2 = readQuad(text, 9);
  const q3 = readQuad(text, 14);
  const q4 = readQuad(text, 19);
  const q5 = readQuad(text, 24);
  const q6 = readQuad(text, 28);
  const q7 = readQuad(text, 32);
  if ((q0 | q1 | q2 | q3 | q4 | q5 | q6 | q7) < 0) return -1;
  words[at] = ((q0 & 0xffff) << 16) | (q1 & 0xffff);
  words[at + 1] = ((q2 & 0xffff) << 16) | (q3 & 0xffff);
  words[at + 2] = ((q4 & 0xffff) << 16) | (q5 & 0xffff);
  words[at + 3] = ((q6 & 0xffff) << 16) | (q7 & 0xffff);
  return (q0 | q1 | q2 | q3 | q4 | q5 | q6 | q7) >>> 16;
}

/** Four hex digits at `text[at..at+3]`: their value in the low 16 bits, their letter-case bits above; negative when one is not a digit. */
function readQuad(text: string, at: number): number {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  const d = text.charCodeAt(at + 3);
  if ((a | b | c | d) > 127) return -1;
  const va = HEX[a]!;
  const vb = HEX[b]!;
  const vc = HEX[c]!;
  const vd = HEX[d]!;
  if ((va | vb | vc | vd) < 0) return -1;
  const cases = (va | vb | vc | vd) & (LOWER_BIT | UPPER_BIT);
  return (cases << 16) | ((va & 15) << 12) | ((vb & 15) << 8) | ((vc & 15) << 4) | (vd & 15);
}

/**
 * Reads a GUID (8-4-4-4-12 hex digits, one letter case) into four 32-bit words at `words[at..at+3]`;
 * returns its case, or NOT_A_GUID (the words are then meaningless).
 */
export function readGuidWords(text: string, words: Uint32Array, at: number): number {
  const cases = readWords(text, words, at);
  if (cases < 0 || cases === (LOWER_BIT | UPPER_BIT)) return NOT_A_GUID;
  return cases === UPPER_BIT ? GUID_UPPER : GUID_LOWER;
}

/** Reads a GUID in any letter case (mixed too) into four words at `words[at..at+3]`; false when `text` is not one. */
export function readGuidWordsAnyCase(text: string, words: Uint32Array, at: number): boolean {
  return readWords(text, words, at) >= 0;
}

/** Per byte value, its two hex digits' character codes: the high digit at `2 * byte`, the low at `2 * byte + 1`. */
function hexPairs(digits: string): Uint8Array {
  const pairs = new Uint8Array(512);
  for (let byte = 0; byte < 256; byte++) {
    pairs[2 * byte] = digits.charCodeAt(byte >>> 4);
    pairs[2 * byte + 1] = digits.charCodeAt(byte & 15);
  }
  return pairs;
}
const LOWER_PAIRS = hexPairs('0123456789abcdef');
const UPPER_PAIRS = hexPairs('0123456789ABCDEF');
/** The GUID being written, its dashes in place; read out as Latin-1 text. */
const scratch = Buffer.alloc(GUID_LENGTH);
for (const dash of [8, 13, 18, 23]) scratch[dash] = 45;
/**
 * `buffer.toString('latin1', start, end)` without its argument handling (a third of this path's
 * time): Node's own Latin-1 slice, which every Buffer has though its types do not declare it;
 * `toString` should a Node ever lack it.
 */
type Latin1Slice = (this: Buffer, start: number, end: number) => string;
const nativeLatin1Slice = (Buffer.prototype as unknown as { latin1Slice?: Latin1Slice }).latin1Slice;
const latin1Text: Latin1Slice =
  typeof nativeLatin1Slice === 'function'
    ? nativeLatin1Slice
    : function (this: Buffer, start, end) {
        return this.toString('latin1', start, end);
      };

/**
 * The GUID text of the four words at `words[at..at+3]`, in the given case. It runs for every call
 * of a stored day: its characters are written as bytes into one buffer, read out as a flat
 * one-byte string by one native call, about three times faster than `String.fromCharCode` with
 * 36 arguments (and text joined from pieces stays a tree of pieces in V8: slower to read, larger).
 */
export function formatGuidWords(words: Uint32Array, at: number, letterCase: number): string {
  const pairs = letterCase === GUID_UPPER ? UPPER_PAIRS : LOWER_PAIRS;
  const a = words[at]!;
  const b = words[at + 1]!;
  const c = words[at + 2]!;
  const d = words[at + 3]!;
  // 8-4-4-4-12 digits, the dashes (at 8, 13, 18 and 23) already in place.
  putQuad(pairs, a >>> 16, 0);
  putQuad(pairs, a, 4);
  putQuad(pairs, b >>> 16, 9);
  putQuad(pairs, b, 14);
  putQuad(pairs, c >>> 16, 19);
  putQuad(pairs, c, 24);
  putQuad(pairs, d >>> 16, 28);
  putQuad(pairs, d, 32);
  return latin1Text.call(scratch, 0, GUID_LENGTH);
}

/** The low 16 bits of `value` as four hex digits at `scratch[at..at+3]`. */
function putQuad(pairs: Uint8Array, value: number, at: number): void {
  const high = 2 * ((value >>> 8) & 255);
  const low = 2 * (value & 255);
  scratch[at] = pairs[high]!;
  scratch[at + 1] = pairs[high + 1]!;
  scratch[at + 2] = pairs[low]!;
  scratch[at + 3] = pairs[low + 1]!;
}
