/** How a GUID's hex letters were written: GUID_LOWER or GUID_UPPER; NOT_A_GUID for anything else (mixed case too). */
export const NOT_A_GUID = 0;
export const GUID_LOWER = 1;
export const GUID_UPPER = 2;
const GUID_LENGTH = 36;
const HEX_LOWER = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const HEX_UPPER = HEX_LOWER.map((pair) => pair.toUpperCase());

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

/** The GUID text of the four words at `words[at..at+3]`, in the given case. */
export function formatGuidWords(words: Uint32Array, at: number, letterCase: number): string {
  const hex = letterCase === GUID_UPPER ? HEX_UPPER : HEX_LOWER;
  const w0 = words[at]!;
  const w1 = words[at + 1]!;
  const w2 = words[at + 2]!;
  const w3 = words[at + 3]!;
  return (
    hex[w0 >>> 24]! +
    hex[(w0 >>> 16) & 255]! +
    hex[(w0 >>> 8) & 255]! +
    hex[w0 & 255]! +
    '-' +
    hex[w1 >>> 24]! +
    hex[(w1 >>> 16) & 255]! +
    '-' +
    hex[(w1 >>> 8) & 255]! +
    hex[w1 & 255]! +
    '-' +
    hex[w2 >>> 24]! +
    hex[(w2 >>> 16) & 255]! +
    '-' +
    hex[(w2 >>> 8) & 255]! +
    hex[w2 & 255]! +
    hex[w3 >>> 24]! +
    hex[(w3 >>> 16) & 255]! +
    hex[(w3 >>> 8) & 255]! +
    hex[w3 & 255]!
  );
}
