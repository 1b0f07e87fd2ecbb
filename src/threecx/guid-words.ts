/** How a GUID's hex letters were written: GUID_LOWER or GUID_UPPER; NOT_A_GUID for anything else (mixed case too). */
export const NOT_A_GUID = 0;
export const GUID_LOWER = 1;
export const GUID_UPPER = 2;
const GUID_LENGTH = 36;

/**
 * Reads a GUID (8-4-4-4-12 hex digits, one letter case) into four 32-bit words at `words[at..at+3]`;
 * returns its case, or NOT_A_GUID (the words are then meaningless).
 */
export function readGuidWords(text: string, words: Uint32Array, at: number): number {
  if (text.length !== GUID_LENGTH) return NOT_A_GUID;
  let letterCase = 0;
  let word = 0;
  let digits = 0;
  for (let position = 0; position < GUID_LENGTH; position++) {
    const code = text.charCodeAt(position);
    if (position === 8 || position === 13 || position === 18 || position === 23) {
      if (code !== 45) return NOT_A_GUID; // '-'
      continue;
    }
    let value: number;
    if (code >= 48 && code <= 57) value = code - 48;
    else if (code >= 97 && code <= 102) {
      value = code - 87;
      letterCase |= GUID_LOWER;
    } else if (code >= 65 && code <= 70) {
      value = code - 55;
      letterCase |= GUID_UPPER;
    } else return NOT_A_GUID;
    word = (word << 4) | value;
    digits++;
    if ((digits & 7) === 0) words[at + (digits >>> 3) - 1] = word;
  }
  if (letterCase === (GUID_LOWER | GUID_UPPER)) return NOT_A_GUID;
  return letterCase === GUID_UPPER ? GUID_UPPER : GUID_LOWER;
}

const GUID_CODES = new Array<number>(GUID_LENGTH).fill(0);

/**
 * The GUID text of the four words at `words[at..at+3]`, in the given case, as one flat string
 * (text joined from pieces stays a tree of pieces in V8: slower to read, and larger).
 */
export function formatGuidWords(words: Uint32Array, at: number, letterCase: number): string {
  const letterBase = letterCase === GUID_UPPER ? 55 : 87;
  let position = 0;
  for (let digit = 0; digit < 32; digit++) {
    if (digit === 8 || digit === 12 || digit === 16 || digit === 20) GUID_CODES[position++] = 45; // '-'
    const nibble = (words[at + (digit >>> 3)]! >>> (28 - 4 * (digit & 7))) & 15;
    GUID_CODES[position++] = nibble < 10 ? 48 + nibble : letterBase + nibble;
  }
  return String.fromCharCode.apply(null, GUID_CODES);
}
