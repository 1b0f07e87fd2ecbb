import { addUnique, type CommandDraft } from './command-draft';
import { plainWordAt, quoteTokens } from './command-tokens';
import { type FilterKind, isKnownWord, lookupWord, MONTH_WORDS } from './command-vocabulary';
import type { CommandToken } from './tokenize-command';

const DN = /^\d{1,15}$/;
const PHONE_PIECE = /^\+?[\d().-]*\d[\d().-]*$/;
const QUOTED_PHONE = /^\+?[\d ().-]*\d[\d ().-]*$/;
const DATE_LIKE = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4})$/;
const LIST_JOINERS = [',', 'or', 'and'];
const EXAMPLE_FILTERS: Record<FilterKind, string> = {
  extension: 'ext 101',
  queue: 'queue 800',
  number: 'number 4420',
};

/**
 * Reads the values after `ext`, `queue` or `number` at `index` into the draft and returns the
 * index after them. Extensions and queues: numbers separated by commas, spaces, `or`, `and`.
 * Phone numbers: pieces separated by spaces or dashes join into one number (`+44 20 7123 4567`);
 * commas, `or`, `and` or a new `+` start the next; digits only are kept, 3 or more.
 */
export function readFilterValues(
  tokens: readonly CommandToken[],
  index: number,
  kind: FilterKind,
  draft: CommandDraft,
): number {
  const read = kind === 'number' ? readPhoneNumbers(tokens, index + 1) : readDns(tokens, index + 1);
  const keyword = tokens[index]!.raw;
  if (read.values.length === 0) {
    const next = plainWordAt(tokens, index + 1) ?? '';
    const end = /^[a-z][\w-]*$/.test(next) && !isKnownWord(next) ? index + 2 : index + 1;
    const quoted = end > index + 1 ? `"${quoteTokens(tokens, index, end)}": ` : '';
    draft.issues.push({
      message: `${quoted}${describeMissingValue(kind, keyword)}`,
      edits: [{ start: index, end, text: EXAMPLE_FILTERS[kind] }],
    });
    return end;
  }
  if (kind === 'number') {
    const short = read.values.filter((value) => value.replace(/\D/g, '').length < 3);
    if (short.length > 0) {
      draft.issues.push({
        message: `"${quoteTokens(tokens, index, read.next)}" is too short: a number filter needs 3 or more digits, e.g. "number 4420".`,
        edits: [{ start: index, end: read.next, text: EXAMPLE_FILTERS.number }],
      });
      return read.next;
    }
    addUnique(
      draft.filters.numbers,
      read.values.map((value) => value.replace(/\D/g, '')),
    );
  } else {
    addDns(kind, read.values, draft);
  }
  return read.next;
}

function addDns(kind: 'extension' | 'queue', values: readonly string[], draft: CommandDraft): void {
  addUnique(kind === 'extension' ? draft.filters.extensions : draft.filters.queues, values);
}

/** A bare number that may be a year (`ext 101 vs 2024`): not taken for a DN without its word. */
const YEAR_LIKE = /^(19|20)\d\d$/;

/**
 * `ext 101 vs 102`: side B's leading numbers, written without their word, as side A's `kind`
 * (extension or queue); the index after them, or `start` when there are none or one may be a year.
 */
export function readBareDnsAs(
  tokens: readonly CommandToken[],
  start: number,
  kind: 'extension' | 'queue',
  draft: CommandDraft,
): number {
  const read = readDns(tokens, start);
  if (read.values.length === 0 || read.values.some((value) => YEAR_LIKE.test(value))) return start;
  addDns(kind, read.values, draft);
  return read.next;
}

function describeMissingValue(kind: FilterKind, keyword: string): string {
  if (kind === 'extension') return `"${keyword}" needs an extension number, e.g. "ext 101" or "ext 101,102".`;
  if (kind === 'queue') return `"${keyword}" needs a queue number, e.g. "queue 800".`;
  return `"${keyword}" needs a phone number (3 or more digits), e.g. "number +442071234567".`;
}

function readDns(tokens: readonly CommandToken[], start: number): { values: string[]; next: number } {
  const values: string[] = [];
  let index = start;
  while (index < tokens.length) {
    const word = plainWordAt(tokens, index) ?? '';
    if (DN.test(word) && !isDayOfDate(tokens, index)) {
      values.push(word);
      index++;
    } else if (
      LIST_JOINERS.includes(word) &&
      values.length > 0 &&
      DN.test(plainWordAt(tokens, index + 1) ?? '')
    ) {
      index++;
    } else if (word === ',' && values.length > 0) {
      index++;
    } else {
      break;
    }
  }
  return { values, next: index };
}

function readPhoneNumbers(
  tokens: readonly CommandToken[],
  start: number,
): { values: string[]; next: number } {
  const values: string[] = [];
  let current = '';
  let index = start;
  const finish = () => {
    if (current !== '') values.push(current);
    current = '';
  };
  while (index < tokens.length) {
    const token = tokens[index]!;
    const word = token.quoted ? token.word : (plainWordAt(tokens, index) ?? '');
    if (isPhonePiece(tokens, index)) {
      if (word.startsWith('+')) finish();
      current += word;
      index++;
    } else if (word === '-' && current !== '' && PHONE_PIECE.test(plainWordAt(tokens, index + 1) ?? '')) {
      index++;
    } else if (
      word === ',' ||
      (LIST_JOINERS.includes(word) && current !== '' && isPhonePiece(tokens, index + 1))
    ) {
      finish();
      index++;
    } else {
      break;
    }
  }
  finish();
  return { values, next: index };
}

function isPhonePiece(tokens: readonly CommandToken[], index: number): boolean {
  const token = tokens[index];
  if (!token || token.option) return false;
  if (token.quoted) return QUOTED_PHONE.test(token.word);
  return PHONE_PIECE.test(token.word) && !DATE_LIKE.test(token.word) && !isDayOfDate(tokens, index);
}

/** A one- or two-digit number followed by a month name is a date (`ext 101 3 nov`), not a value. */
export function isDayOfDate(tokens: readonly CommandToken[], index: number): boolean {
  const word = plainWordAt(tokens, index) ?? '';
  if (!/^\d{1,2}$/.test(word)) return false;
  const next = plainWordAt(tokens, index + 1) === 'of' ? index + 2 : index + 1;
  return lookupWord(MONTH_WORDS, plainWordAt(tokens, next) ?? '') !== undefined;
}
