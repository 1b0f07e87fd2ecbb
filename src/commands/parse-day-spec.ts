import { plainWordAt, quoteTokens } from './command-tokens';
import type { DaySpec } from './command-types';
import { lookupWord, MONTH_WORDS, WEEKDAY_WORDS } from './command-vocabulary';
import type { CommandToken } from './tokenize-command';

/** A day read from the tokens, or words that look like a day but are not one (`feb 30`, `3/11`). */
export type DayParse =
  | { ok: true; spec: DaySpec; next: number }
  | { ok: false; message: string; next: number };

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASHED_YEAR_FIRST = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const SLASHED_AMBIGUOUS = /^\d{1,2}\/\d{1,2}(?:\/\d{2,4})?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const DAY_NUMBER = /^(\d{1,2})(?:st|nd|rd|th)?$/;
const YEAR = /^\d{4}$/;
const LAST_WORDS = ['last', 'previous', 'prev'];

/**
 * Reads one day at `index`: `today`, `yesterday`, `monday`, `last monday`, `nov 3`, `3rd of nov`,
 * `nov 3, 2026`, `2026-11-03`, `2026/11/03`, `3.11.2026`, a month (`november`, `nov 2025`) or a
 * bare day number. Undefined when the words there are not a day at all.
 */
export function parseDaySpec(tokens: readonly CommandToken[], index: number): DayParse | undefined {
  const word = plainWordAt(tokens, index);
  if (word === undefined) return undefined;
  if (word === 'today') return { ok: true, spec: { kind: 'relative', offsetDays: 0 }, next: index + 1 };
  if (word === 'yesterday') return { ok: true, spec: { kind: 'relative', offsetDays: -1 }, next: index + 1 };
  const weekday = lookupWord(WEEKDAY_WORDS, word);
  if (weekday !== undefined)
    return { ok: true, spec: { kind: 'weekday', weekday, beforeToday: false }, next: index + 1 };
  if (LAST_WORDS.includes(word)) {
    const lastWeekday = lookupWord(WEEKDAY_WORDS, plainWordAt(tokens, index + 1) ?? '');
    if (lastWeekday === undefined) return undefined;
    return { ok: true, spec: { kind: 'weekday', weekday: lastWeekday, beforeToday: true }, next: index + 2 };
  }
  const numeric = ISO_DATE.exec(word) ?? SLASHED_YEAR_FIRST.exec(word);
  if (numeric)
    return checkDate(tokens, index, index + 1, Number(numeric[2]), Number(numeric[3]), Number(numeric[1]));
  const dotted = DOTTED.exec(word);
  if (dotted)
    return checkDate(tokens, index, index + 1, Number(dotted[2]), Number(dotted[1]), Number(dotted[3]));
  if (SLASHED_AMBIGUOUS.test(word)) {
    return {
      ok: false,
      message: `"${quoteTokens(tokens, index, index + 1)}" could be read day-first or month-first: write the month's name, e.g. "nov 3", or the ISO date, e.g. "2026-11-03".`,
      next: index + 1,
    };
  }
  const month = lookupWord(MONTH_WORDS, word);
  if (month !== undefined) return readAfterMonth(tokens, index, month);
  const dayMatch = DAY_NUMBER.exec(word);
  if (dayMatch) return readAfterDayNumber(tokens, index, Number(dayMatch[1]));
  return undefined;
}

/** `nov 3`, `nov 3rd, 2026`, `nov 2026`, `nov`. */
function readAfterMonth(tokens: readonly CommandToken[], index: number, month: number): DayParse {
  const next = plainWordAt(tokens, index + 1) ?? '';
  const dayMatch = DAY_NUMBER.exec(next);
  if (dayMatch) {
    const year = readYear(tokens, index + 2);
    return checkDate(tokens, index, year.next, month, Number(dayMatch[1]), year.year);
  }
  if (YEAR.test(next)) return checkMonth(tokens, index, index + 2, month, Number(next));
  return { ok: true, spec: { kind: 'month', month }, next: index + 1 };
}

/** `3 nov`, `3rd of november 2026`, or a bare `15`. */
function readAfterDayNumber(
  tokens: readonly CommandToken[],
  index: number,
  day: number,
): DayParse | undefined {
  const ofSkipped = plainWordAt(tokens, index + 1) === 'of' ? index + 2 : index + 1;
  const month = lookupWord(MONTH_WORDS, plainWordAt(tokens, ofSkipped) ?? '');
  if (month !== undefined) {
    const year = readYear(tokens, ofSkipped + 1);
    return checkDate(tokens, index, year.next, month, day, year.year);
  }
  if (day < 1 || day > 31) return undefined;
  return { ok: true, spec: { kind: 'day-of-month', day }, next: index + 1 };
}

/** An optional year after a day, optionally after a comma: `nov 3, 2026`. */
function readYear(tokens: readonly CommandToken[], index: number): { year?: number; next: number } {
  const yearAt = plainWordAt(tokens, index) === ',' ? index + 1 : index;
  const word = plainWordAt(tokens, yearAt) ?? '';
  return YEAR.test(word) ? { year: Number(word), next: yearAt + 1 } : { next: index };
}

function checkDate(
  tokens: readonly CommandToken[],
  start: number,
  next: number,
  month: number,
  day: number,
  year: number | undefined,
): DayParse {
  if (!isCalendarDate(month, day, year)) {
    return { ok: false, message: `"${quoteTokens(tokens, start, next)}" is not a date.`, next };
  }
  const spec: DaySpec =
    year === undefined ? { kind: 'date', month, day } : { kind: 'date', month, day, year };
  return { ok: true, spec, next };
}

function checkMonth(
  tokens: readonly CommandToken[],
  start: number,
  next: number,
  month: number,
  year: number,
): DayParse {
  if (year < 1) return { ok: false, message: `"${quoteTokens(tokens, start, next)}" is not a month.`, next };
  return { ok: true, spec: { kind: 'month', month, year }, next };
}

/** True when the day exists in that month (of that year; without a year Feb 29 exists). */
export function isCalendarDate(month: number, day: number, year: number | undefined): boolean {
  if (year !== undefined && year < 1) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(month, year);
}

function daysInMonth(month: number, year: number | undefined): number {
  if (month === 2) {
    if (year === undefined) return 29;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
