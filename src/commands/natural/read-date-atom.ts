import type { Assumption } from '../../core/report-request';
import { plainWordAt, quoteTokens } from '../command-tokens';
import type { ClockTime, DaySpec } from '../command-types';
import {
  FULL_MONTH_NAMES,
  FULL_WEEKDAY_NAMES,
  lookupWord,
  MONTH_WORDS,
  WEEKDAY_WORDS,
} from '../command-vocabulary';
import type { CommandToken } from '../tokenize-command';
import type { PeriodReading } from './period-reading';
import { type ChronoMoment, readChronoDate } from './read-chrono-date';

/**
 * One date or time as written (`tue nov 3`, `3rd of nov 2026`, `3/11`, `nov 3 2pm-4pm`, `9am`):
 * the words that form it are found here, their text goes to chrono (`read-chrono-date.ts`) in
 * canonical spelling, and what chrono was certain of comes back as a day and times.
 */
export interface DateAtom {
  /** The day, or undefined for a time alone. */
  day?: DaySpec;
  from?: ClockTime;
  to?: ClockTime;
  next: number;
  /** A month name followed by a day number (`nov 9`): `- 15` after it is a day range. */
  monthWithDay: boolean;
  /** `may` alone, which is a month only when nothing else in the command is unread. */
  loneMay: boolean;
  assumptions: Assumption[];
}

export type AtomParse = { ok: true; atom: DateAtom } | { ok: false; message: string; next: number };

const DAY_NUMBER = /^(\d{1,2})(st|nd|rd|th)?$/;
const YEAR = /^\d{4}$/;
const NUMERIC_DATE =
  /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})|\d{1,2}\/\d{1,2}(\/(\d{2}|\d{4}))?|\d{1,2}-\d{1,2}-\d{4})$/;
/** `24-11-2026`: read as `24/11/2026`, in the locale's order (chrono reads dashes month-first always). */
const DASHED_DATE = /^\d{1,2}-\d{1,2}-\d{4}$/;
const SLASHED_TWO_PARTS = /^\d{1,2}\/\d{1,2}$/;
const TIME = /^(\d{1,2}(:\d{2})?(am|pm)|\d{1,2}:\d{2}|noon|midnight)$/;
const TIME_RANGE = /^(\d{1,2}(:\d{2})?(am|pm)?|noon|midnight)-(\d{1,2}(:\d{2})?(am|pm)?|noon|midnight)$/;

/** The date or time at `index`, or undefined when no date starts there. */
export function readDateAtom(
  tokens: readonly CommandToken[],
  index: number,
  reading: PeriodReading,
): AtomParse | undefined {
  const shape = scanShape(tokens, index);
  if (!shape) return undefined;
  const phrase = quoteTokens(tokens, index, shape.next);
  if (shape.slashed && reading.order === 'year-first' && SLASHED_TWO_PARTS.test(shape.slashed)) {
    return {
      ok: false,
      message: `"${phrase}" is not clear in your locale ${reading.locale}: write nov 3 or 2026-11-03.`,
      next: shape.next,
    };
  }
  const read = readChronoDate(shape.text, reading.order, reading.reference);
  if (!read.ok) {
    const what = shape.hasDate ? 'a date' : shape.hasTime ? 'a time' : 'a day';
    const hint =
      shape.slashed && reading.order === 'year-first'
        ? ` In your locale ${reading.locale} write the year first, e.g. 2026-11-03.`
        : '';
    return { ok: false, message: `"${phrase}" is not ${what}.${hint}`, next: shape.next };
  }
  const atom = toAtom(read.start, read.end, shape.next);
  if (atom && !keepsTypedFields(atom, shape)) {
    return { ok: false, message: `"${phrase}" is not a date.`, next: shape.next };
  }
  if (!atom) return { ok: false, message: `"${phrase}" is not a period I can read.`, next: shape.next };
  atom.monthWithDay = shape.monthWithDay;
  atom.loneMay = shape.loneMay;
  if (shape.slashed) {
    const order = reading.order === 'day-first' ? 'day-first' : 'month-first';
    atom.assumptions.push({
      code: order,
      text: `${shape.slashed} read ${order} from your locale ${reading.locale}`,
    });
  }
  return { ok: true, atom };
}

/** The day number and year typed come back as the day and year read (chrono read `nov 45` as 2045). */
function keepsTypedFields(atom: DateAtom, shape: Shape): boolean {
  const day = atom.day;
  if (shape.dayNumber !== undefined && (day?.kind !== 'date' || day.day !== shape.dayNumber)) return false;
  if (shape.year !== undefined && (day?.kind === 'date' || day?.kind === 'month') && day.year !== shape.year)
    return false;
  if (shape.year !== undefined && day?.kind !== 'date' && day?.kind !== 'month') return false;
  return true;
}

interface Shape {
  /** The day number typed with a month name (`nov 3`, `3rd of nov`). */
  dayNumber?: number;
  /** The four-digit year typed after a month or date. */
  year?: number;
  /** Canonical text for chrono: full month and weekday names, spaces between pieces. */
  text: string;
  next: number;
  hasDate: boolean;
  hasTime: boolean;
  monthWithDay: boolean;
  loneMay: boolean;
  /** The slash date as typed, whose order came from the locale. */
  slashed?: string;
}

/**
 * Which words form one date: `[weekday [,]] [date] [[at] time]`, where a date is a numeric date,
 * `month [day] [[,] year]`, `day [of] month [[,] year]` or `month year`, and a time is `9am`,
 * `9 am`, `14:00`, `noon`, `midnight` or a range `9am-5pm`.
 */
function scanShape(tokens: readonly CommandToken[], index: number): Shape | undefined {
  const pieces: string[] = [];
  const word = (at: number) => plainWordAt(tokens, at) ?? '';
  let at = index;
  let hasDate = false;
  let monthWithDay = false;
  let slashed: string | undefined;
  let onlyMonth = '';
  let dayNumber: number | undefined;
  let year: number | undefined;
  const yearFound = (typed: number) => {
    year = typed;
    onlyMonth = '';
  };
  const weekday = lookupWord(WEEKDAY_WORDS, word(at));
  if (weekday !== undefined) {
    pieces.push(FULL_WEEKDAY_NAMES[weekday - 1]!);
    at++;
    if (word(at) === ',' && startsDate(tokens, at + 1)) at++;
  }
  if (NUMERIC_DATE.test(word(at))) {
    const dashed = DASHED_DATE.test(word(at));
    pieces.push(dashed ? word(at).replaceAll('-', '/') : word(at));
    if ((dashed || word(at).includes('/')) && !/^\d{4}/.test(word(at))) slashed = tokens[at]!.raw;
    hasDate = true;
    at++;
  } else if (lookupWord(MONTH_WORDS, word(at)) !== undefined) {
    const month = lookupWord(MONTH_WORDS, word(at))!;
    pieces.push(FULL_MONTH_NAMES[month - 1]!);
    onlyMonth = word(at);
    hasDate = true;
    at++;
    if (DAY_NUMBER.test(word(at)) && !isClockNumber(tokens, at)) {
      pieces.push(word(at));
      dayNumber = Number(DAY_NUMBER.exec(word(at))![1]);
      monthWithDay = true;
      onlyMonth = '';
      at++;
    }
    at = readYear(tokens, at, pieces, yearFound);
  } else if (DAY_NUMBER.test(word(at)) && !isClockNumber(tokens, at)) {
    const ofAt = word(at + 1) === 'of' ? at + 2 : at + 1;
    const month = lookupWord(MONTH_WORDS, word(ofAt));
    if (month !== undefined) {
      pieces.push(word(at), FULL_MONTH_NAMES[month - 1]!);
      dayNumber = Number(DAY_NUMBER.exec(word(at))![1]);
      hasDate = true;
      at = readYear(tokens, ofAt + 1, pieces, yearFound);
    }
  }
  const time = readTime(tokens, at);
  if (time) {
    pieces.push(time.text);
    at = time.next;
  }
  if (pieces.length === 0) return undefined;
  return {
    text: pieces.join(' '),
    next: at,
    hasDate,
    hasTime: time !== undefined,
    monthWithDay,
    loneMay: onlyMonth === 'may' && pieces.length === 1,
    ...(slashed === undefined ? {} : { slashed }),
    ...(dayNumber === undefined ? {} : { dayNumber }),
    ...(year === undefined ? {} : { year }),
  };
}

function startsDate(tokens: readonly CommandToken[], at: number): boolean {
  const word = plainWordAt(tokens, at) ?? '';
  return lookupWord(MONTH_WORDS, word) !== undefined || DAY_NUMBER.test(word) || NUMERIC_DATE.test(word);
}

/** An optional year after a date, optionally after a comma: `nov 3, 2026`. */
function readYear(
  tokens: readonly CommandToken[],
  at: number,
  pieces: string[],
  found: (year: number) => void,
): number {
  const yearAt = plainWordAt(tokens, at) === ',' ? at + 1 : at;
  const word = plainWordAt(tokens, yearAt) ?? '';
  if (!YEAR.test(word)) return at;
  pieces.push(word);
  found(Number(word));
  return yearAt + 1;
}

/** `9 am`: a day number followed by am/pm is a time, not a day. */
function isClockNumber(tokens: readonly CommandToken[], at: number): boolean {
  const next = plainWordAt(tokens, at + 1);
  return next === 'am' || next === 'pm';
}

function readTime(
  tokens: readonly CommandToken[],
  start: number,
): { text: string; next: number } | undefined {
  const at = plainWordAt(tokens, start) === 'at' ? start + 1 : start;
  const word = plainWordAt(tokens, at) ?? '';
  if (TIME.test(word)) return { text: word, next: at + 1 };
  const range = TIME_RANGE.exec(word);
  if (range && /am|pm|:|noon|midnight/.test(word)) return { text: word, next: at + 1 };
  if (/^\d{1,2}(:\d{2})?$/.test(word) && isClockNumber(tokens, at)) {
    return { text: `${word}${plainWordAt(tokens, at + 1)}`, next: at + 2 };
  }
  return undefined;
}

function toAtom(start: ChronoMoment, end: ChronoMoment | undefined, next: number): DateAtom | undefined {
  const day = toDay(start);
  const atom: DateAtom = { next, monthWithDay: false, loneMay: false, assumptions: [] };
  if (day) atom.day = day;
  if (start.hour !== undefined) atom.from = { hour: start.hour, minute: start.minute ?? 0 };
  if (end) {
    if (end.hour === undefined || start.hour === undefined) return undefined;
    const endDay = toDay(end);
    atom.to = { hour: end.hour, minute: end.minute ?? 0 };
    // `nov 20 10pm-2am`: chrono puts an end before the start on the next day, as the clock
    // range does (`to` at or before `from`); any other day of its own is not one range of times.
    const overnight = atom.to.hour * 60 + atom.to.minute <= atom.from!.hour * 60 + atom.from!.minute;
    if (endDay && !sameDay(endDay, day) && !(overnight && isDayAfter(endDay, day))) return undefined;
  }
  return atom.day || atom.from ? atom : undefined;
}

function sameDay(a: DaySpec | undefined, b: DaySpec | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `end` is the calendar date after `day` (chrono gives the end a year and weekday of its own). */
function isDayAfter(end: DaySpec, day: DaySpec | undefined): boolean {
  if (end.kind !== 'date' || day?.kind !== 'date') return false;
  const next = new Date(Date.UTC(day.year ?? end.year ?? 2001, day.month - 1, day.day + 1));
  return (
    end.month === next.getUTCMonth() + 1 &&
    end.day === next.getUTCDate() &&
    (day.year === undefined || end.year === next.getUTCFullYear())
  );
}

function toDay(moment: ChronoMoment): DaySpec | undefined {
  const { year, month, day, weekday } = moment;
  if (month !== undefined && day !== undefined) {
    return {
      kind: 'date',
      month,
      day,
      ...(year === undefined ? {} : { year }),
      ...(weekday === undefined ? {} : { weekday }),
    };
  }
  if (month !== undefined)
    return year === undefined ? { kind: 'month', month } : { kind: 'month', month, year };
  if (weekday !== undefined) return { kind: 'weekday', weekday, beforeToday: false };
  return undefined;
}
