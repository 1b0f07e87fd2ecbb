import { lookupWord, MONTH_WORDS, WEEKDAY_WORDS } from './command-vocabulary';

/** One word of a command, with what it looked like, so errors can quote it and rebuild a fix. */
export interface CommandToken {
  /** The text as typed (quotes kept). */
  raw: string;
  /** Lower-case text without surrounding quotes, for matching. */
  word: string;
  /** No space before it: `101,102` becomes `101` `,` `102`, the last two attached. */
  attached: boolean;
  /** The token was one quoted string, e.g. `"+44 20 7123"`. */
  quoted: boolean;
  /** A `key=value` option; `key` lower-case without a leading `$`, `value` unquoted. */
  option?: { key: string; value: string };
  /** A quote was opened and never closed (the token runs to the end of the text). */
  unclosedQuote?: boolean;
  /** The word was written with a possessive `'s` (`ben's`), now removed. */
  possessive?: boolean;
}

const OPTION_KEY = /^\$?[a-z][a-z0-9_-]*$/i;
const ISO_DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;
const ISO_DATE_RANGE = /^(\d{4}-\d{1,2}-\d{1,2})-(\d{4}-\d{1,2}-\d{1,2})$/;
const DAY_RANGE = /^(\d{1,2}(?:st|nd|rd|th)?)-(\d{1,2}(?:st|nd|rd|th)?)$/i;
const WORD_RANGE = /^([a-z0-9]+)-([a-z0-9]+)$/i;

/**
 * Splits command text into tokens: whitespace separates; quotes (at a token's start or right
 * after `=`) keep spaces and `=` inside a value; commas, `..` and range dashes become tokens.
 */
export function tokenizeCommand(text: string): CommandToken[] {
  const tokens: CommandToken[] = [];
  let index = 0;
  while (index < text.length) {
    if (isSpace(text[index])) {
      index++;
      continue;
    }
    const chunk = joinSpacedOption(text, readChunk(text, index));
    index = chunk.end;
    tokens.push(...toTokens(chunk.raw, chunk.value, chunk.quoteAt, chunk.unclosed));
  }
  return tokens;
}

/** `top = 10`, `top =10` and `top= 10` read as `top=10`. */
function joinSpacedOption(text: string, first: Chunk): Chunk & { raw: string } {
  const joined = { ...first, raw: text.slice(first.start, first.end) };
  if (first.quoteAt >= 0) return joined;
  const append = (chunk: Chunk) => {
    if (joined.quoteAt < 0) joined.quoteAt = shift(chunk.quoteAt, joined.raw.length);
    joined.raw += text.slice(chunk.start, chunk.end);
    joined.value += chunk.value;
    joined.end = chunk.end;
    joined.unclosed = chunk.unclosed;
  };
  const equalsAt = skipSpaces(text, joined.end);
  if (OPTION_KEY.test(joined.raw) && equalsAt > joined.end && text[equalsAt] === '=')
    append(readChunk(text, equalsAt));
  const valueAt = skipSpaces(text, joined.end);
  if (
    joined.quoteAt < 0 &&
    joined.raw.endsWith('=') &&
    OPTION_KEY.test(joined.raw.slice(0, -1)) &&
    valueAt < text.length
  ) {
    const value = readChunk(text, valueAt);
    if (value.quoteAt === 0 || !text.slice(value.start, value.end).includes('=')) append(value);
  }
  return joined;
}

function shift(quoteAt: number, by: number): number {
  return quoteAt < 0 ? quoteAt : quoteAt + by;
}

function skipSpaces(text: string, from: number): number {
  let index = from;
  while (index < text.length && isSpace(text[index])) index++;
  return index;
}

interface Chunk {
  start: number;
  end: number;
  /** The text with the quotes of a quoted part removed. */
  value: string;
  /** Index in `value`'s source where a quote opened, or -1. */
  quoteAt: number;
  unclosed: boolean;
}

function readChunk(text: string, start: number): Chunk {
  let index = start;
  let value = '';
  let quoteAt = -1;
  let unclosed = false;
  while (index < text.length && !isSpace(text[index])) {
    const char = text[index]!;
    const opensQuote =
      (char === '"' || char === "'") && quoteAt < 0 && (index === start || text[index - 1] === '=');
    if (!opensQuote) {
      value += char;
      index++;
      continue;
    }
    quoteAt = index - start;
    const close = findClosingQuote(text, index + 1, char);
    if (close < 0) {
      unclosed = true;
      value += text.slice(index + 1);
      index = text.length;
      break;
    }
    value += text.slice(index + 1, close);
    index = close + 1;
  }
  return { start, end: index, value, quoteAt, unclosed };
}

/** The closing quote is the first matching one followed by a space or the end, else the first at all. */
function findClosingQuote(text: string, from: number, quote: string): number {
  for (let index = from; index < text.length; index++) {
    if (text[index] === quote && (index + 1 === text.length || isSpace(text[index + 1]))) return index;
  }
  return text.indexOf(quote, from);
}

function toTokens(raw: string, value: string, quoteAt: number, unclosed: boolean): CommandToken[] {
  const equalsAt = raw.indexOf('=');
  const key = equalsAt > 0 ? raw.slice(0, equalsAt) : '';
  if (equalsAt > 0 && (quoteAt < 0 || quoteAt > equalsAt) && OPTION_KEY.test(key)) {
    const option = { key: key.replace(/^\$/, '').toLowerCase(), value: value.slice(equalsAt + 1) };
    return [
      { raw, word: raw.toLowerCase(), attached: false, quoted: false, option, unclosedQuote: unclosed },
    ];
  }
  if (quoteAt >= 0) {
    return [
      { raw, word: value.toLowerCase(), attached: false, quoted: quoteAt === 0, unclosedQuote: unclosed },
    ];
  }
  return splitWord(raw).map((piece, position) => ({
    raw: piece,
    word: piece.toLowerCase(),
    attached: position > 0,
    quoted: false,
  }));
}

/** `101,102` -> `101 , 102`; `2026-11-01..2026-11-15` -> `… .. …`; `monday-friday` -> `monday - friday`. */
function splitWord(raw: string): string[] {
  const pieces = raw.split(/(,|\.\.|–|—)/).filter((piece) => piece !== '');
  return pieces.flatMap(splitHyphen);
}

function splitHyphen(piece: string): string[] {
  if (piece === '-' || !piece.includes('-') || ISO_DATE.test(piece)) return [piece];
  const match = ISO_DATE_RANGE.exec(piece) ?? DAY_RANGE.exec(piece) ?? matchWordRange(piece);
  if (match) return [match[1]!, '-', match[2]!];
  if (/^-[^-]+$/.test(piece)) return ['-', piece.slice(1)];
  if (/^[^-]+-$/.test(piece)) return [piece.slice(0, -1), '-'];
  return [piece];
}

function matchWordRange(piece: string): RegExpExecArray | null {
  const match = WORD_RANGE.exec(piece);
  if (!match) return null;
  return isDateWord(match[1]!) || isDateWord(match[2]!) ? match : null;
}

function isDateWord(word: string): boolean {
  const lower = word.toLowerCase();
  return (
    lookupWord(MONTH_WORDS, lower) !== undefined ||
    lookupWord(WEEKDAY_WORDS, lower) !== undefined ||
    lower === 'today' ||
    lower === 'yesterday'
  );
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}
