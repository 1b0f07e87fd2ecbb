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

/** Added to a nibble of 10–15 for its letter: `a`–`f` (87) or `A`–`F` (55). */
const LOWER_LETTERS = 87;
const UPPER_LETTERS = 55;
const fromCodes = String.fromCharCode;

/**
 * The GUID text of the four words at `words[at..at+3]`, in the given case, as one flat string
 * (text joined from pieces stays a tree of pieces in V8: slower to read, and larger). One call with
 * 36 arguments: about three times faster than filling an array for `apply`, and it runs for every
 * call of a stored day.
 */
export function formatGuidWords(words: Uint32Array, at: number, letterCase: number): string {
  const a = words[at]!;
  const b = words[at + 1]!;
  const c = words[at + 2]!;
  const d = words[at + 3]!;
  const l = letterCase === GUID_UPPER ? UPPER_LETTERS : LOWER_LETTERS;
  // biome-ignore format: the GUID's 8-4-4-4-12 groups, one a line
  return fromCodes(
    hex(a, 28, l), hex(a, 24, l), hex(a, 20, l), hex(a, 16, l), hex(a, 12, l), hex(a, 8, l), hex(a, 4, l), hex(a, 0, l), 45,
    hex(b, 28, l), hex(b, 24, l), hex(b, 20, l), hex(b, 16, l), 45,
    hex(b, 12, l), hex(b, 8, l), hex(b, 4, l), hex(b, 0, l), 45,
    hex(c, 28, l), hex(c, 24, l), hex(c, 20, l), hex(c, 16, l), 45,
    hex(c, 12, l), hex(c, 8, l), hex(c, 4, l), hex(c, 0, l),
    hex(d, 28, l), hex(d, 24, l), hex(d, 20, l), hex(d, 16, l), hex(d, 12, l), hex(d, 8, l), hex(d, 4, l), hex(d, 0, l),
  );
}

/** The character code of the nibble of `word` at bit `shift`. */
function hex(word: number, shift: number, letters: number): number {
  const nibble = (word >>> shift) & 15;
  return nibble < 10 ? 48 + nibble : letters + nibble;
}
