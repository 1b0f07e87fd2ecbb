import type { Assumption } from '../core/report-request';
import { plainWordAt, quoteTokens } from './command-tokens';
import type { ClockTime, DaySpec } from './command-types';
import { lookupWord, WEEKDAY_WORDS } from './command-vocabulary';
import { findHoliday } from './natural/find-holiday';
import type { PeriodReading } from './natural/period-reading';
import { readDateAtom } from './natural/read-date-atom';
import type { CommandToken } from './tokenize-command';

/** A day read from the tokens (maybe with times), or words that look like a day but are not one. */
export type DayParse =
  | {
      ok: true;
      spec: DaySpec;
      next: number;
      /** Times read with the day (`nov 3 2pm-4pm`) or alone (`9am`, then `spec` is today). */
      from?: ClockTime;
      to?: ClockTime;
      /** Only a time was written; the day is today. */
      timeOnly?: boolean;
      /** A month name followed by a day number (`nov 9`). */
      monthWithDay?: boolean;
      loneMay?: boolean;
      assumptions: Assumption[];
    }
  | { ok: false; message: string; next: number };

const DAY_NUMBER = /^(\d{1,2})$/;
const ORDINAL = /^(\d{1,2})(st|nd|rd|th)$/;
const YEAR = /^\d{4}$/;
const LAST_WORDS = ['last', 'previous', 'prev'];

/**
 * Reads one day at `index`: `today`, `yesterday`, `day before yesterday`, `last monday`, `this
 * monday`, `this past monday`, a date or time read by chrono (`nov 3`, `3/11`, `9am`), a month, a
 * holiday of the asker's country, `3rd` (alone), or a bare day number (a range end). Undefined when
 * the words there are not a day at all.
 */
export function parseDaySpec(
  tokens: readonly CommandToken[],
  index: number,
  reading: PeriodReading,
): DayParse | undefined {
  const word = plainWordAt(tokens, index);
  if (word === undefined) return undefined;
  const at = (offset: number) => plainWordAt(tokens, index + offset) ?? '';
  if (word === 'today') return relative(0, index + 1);
  if (word === 'yesterday') return relative(-1, index + 1);
  if (word === 'day' && at(1) === 'before' && at(2) === 'yesterday') return relative(-2, index + 3);
  if (LAST_WORDS.includes(word)) return weekdayAfter(tokens, index + 1, { beforeToday: true });
  if (word === 'this' && at(1) === 'past') return weekdayAfter(tokens, index + 2, { beforeToday: true });
  if (word === 'this') return weekdayAfter(tokens, index + 1, { beforeToday: false, weekOffset: 0 });
  const atom = readDateAtom(tokens, index, reading);
  if (atom && !atom.ok) return atom;
  if (atom?.ok) {
    const { day, from, to, next, monthWithDay, loneMay, assumptions } = atom.atom;
    return {
      ok: true,
      spec: day ?? { kind: 'relative', offsetDays: 0 },
      next,
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(day ? {} : { timeOnly: true }),
      monthWithDay,
      loneMay,
      assumptions,
    };
  }
  const ordinal = ORDINAL.exec(word);
  if (ordinal) return checkDayNumber(tokens, index, Number(ordinal[1]), 'ordinal-day');
  const dayNumber = DAY_NUMBER.exec(word);
  if (dayNumber) return checkDayNumber(tokens, index, Number(dayNumber[1]), 'day-of-month');
  return readHoliday(tokens, index, reading);
}

function relative(offsetDays: number, next: number): DayParse {
  return { ok: true, spec: { kind: 'relative', offsetDays }, next, assumptions: [] };
}

function weekdayAfter(
  tokens: readonly CommandToken[],
  index: number,
  how: { beforeToday: boolean; weekOffset?: number },
): DayParse | undefined {
  const weekday = lookupWord(WEEKDAY_WORDS, plainWordAt(tokens, index) ?? '');
  if (weekday === undefined) return undefined;
  return { ok: true, spec: { kind: 'weekday', weekday, ...how }, next: index + 1, assumptions: [] };
}

function checkDayNumber(
  tokens: readonly CommandToken[],
  index: number,
  day: number,
  kind: 'ordinal-day' | 'day-of-month',
): DayParse | undefined {
  if (day < 1 || day > 31) {
    if (kind === 'day-of-month') return undefined;
    return {
      ok: false,
      message: `"${quoteTokens(tokens, index, index + 1)}" is not a day.`,
      next: index + 1,
    };
  }
  return { ok: true, spec: { kind, day }, next: index + 1, assumptions: [] };
}

/** `christmas`, `boxing day 2025`: by the country of the asker's locale. */
function readHoliday(
  tokens: readonly CommandToken[],
  index: number,
  reading: PeriodReading,
): DayParse | undefined {
  if (!reading.country) return undefined;
  const words: string[] = [];
  for (let at = index; at < index + 6; at++) {
    const word = plainWordAt(tokens, at);
    if (word === undefined || !/^[a-z'’.]+$/.test(word)) break;
    words.push(word);
  }
  const match = words.length > 0 ? findHoliday(words, reading.country) : undefined;
  if (!match) return undefined;
  const yearWord = plainWordAt(tokens, index + match.words) ?? '';
  const year = YEAR.test(yearWord) ? Number(yearWord) : undefined;
  const next = index + match.words + (year === undefined ? 0 : 1);
  const spec: DaySpec = { kind: 'holiday', name: match.name, country: reading.country };
  if (year !== undefined) spec.year = year;
  const assumption = {
    code: 'holiday-country',
    text: `${quoteTokens(tokens, index, index + match.words)} is ${match.name} in the holidays of ${reading.country} (from your locale ${reading.locale})`,
  };
  return { ok: true, spec, next, assumptions: [assumption] };
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
