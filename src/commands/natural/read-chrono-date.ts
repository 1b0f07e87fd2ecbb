import type { ParsedComponents } from 'chrono-node';
// English only: chrono-node's main module loads every locale (~270 modules, ~0.15 s, 7 MB).
import * as chrono from 'chrono-node/en';
import type { DateOrder } from './date-order';

/**
 * The one place that talks to chrono-node. chrono reads the text of one date or time (`november 3
 * 2026`, `9am-5pm`, `3/11`) and this module keeps only what chrono was *certain* of, under the
 * guards of the product contract: one result that covers the whole text, at least one certain
 * component, the digits typed coming back unchanged, no vague amounts, `forwardDate` off. chrono's
 * own Date is never used: the caller rebuilds the window with luxon in the asker's IANA zone.
 */

/** What chrono was certain of for one end of the reading (luxon weekday numbers, 1 = Monday). */
export interface ChronoMoment {
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  hour?: number;
  minute?: number;
}

export type ChronoReading =
  | { ok: true; start: ChronoMoment; end?: ChronoMoment }
  | { ok: false; reason: 'unread' | 'partial' | 'changed' | 'vague' };

const VAGUE = /\b(few|couple|several|some|recently|other)\b/;
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;
const SLASHED_DATE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/;
const YEAR_FIRST_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

/**
 * Reads `text` (one date, time, date with time, or time range) with chrono. `order` decides how a
 * numeric slash date is read (dotted dates are always day-first, year-first ones always Y-M-D);
 * chrono's UK parser is used only for numeric day-first dates (it reads `nov 30` as 2030).
 */
export function readChronoDate(text: string, order: DateOrder, reference: Date): ChronoReading {
  // The texts come from read-date-atom.ts: dates, weekdays and times without relative words, so
  // what chrono is certain of does not depend on the reference; a small cache saves re-reading.
  const key = `${order}|${text}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const reading = readUncached(text, order, reference);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, reading);
  return reading;
}

const CACHE_SIZE = 500;
const cache = new Map<string, ChronoReading>();

function readUncached(text: string, order: DateOrder, reference: Date): ChronoReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'unread' };
  if (VAGUE.test(trimmed)) return { ok: false, reason: 'vague' };
  const numeric = numericFields(trimmed, order);
  if (numeric === 'invalid') return { ok: false, reason: 'changed' };
  const parser = numeric?.dayFirst ? chrono.GB : chrono.casual;
  let results = parser.parse(trimmed, reference, { forwardDate: false });
  // chrono checks a yearless day against the reference's year: `feb 29` needs a leap year to exist.
  if (results.length === 0 && !/\d{4}/.test(trimmed))
    results = parser.parse(trimmed, leapYearBefore(reference), { forwardDate: false });
  if (results.length === 0) return { ok: false, reason: 'unread' };
  const [result] = results;
  if (results.length > 1 || !result || result.index !== 0 || result.text.length !== trimmed.length)
    return { ok: false, reason: 'partial' };
  const start = certainParts(result.start);
  const end = result.end ? certainParts(result.end) : undefined;
  if (Object.keys(start).length === 0) return { ok: false, reason: 'unread' };
  if (numeric && !sameNumbers(start, numeric.fields)) return { ok: false, reason: 'changed' };
  if (!digitsAccountedFor(trimmed, start, end)) return { ok: false, reason: 'changed' };
  return end ? { ok: true, start, end } : { ok: true, start };
}

/** Only the components chrono was certain of; relative words (`today`) are not passed to it. */
function certainParts(components: ParsedComponents): ChronoMoment {
  const parts: ChronoMoment = {};
  const take = (name: 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'minute') => {
    const value = components.get(name);
    if (components.isCertain(name) && value !== null) parts[name] = value;
  };
  take('year');
  take('month');
  take('day');
  take('weekday');
  take('hour');
  take('minute');
  // chrono numbers Sunday 0; luxon (and the rest of the parser) 7.
  if (parts.weekday === 0) parts.weekday = 7;
  return parts;
}

interface NumericFields {
  dayFirst: boolean;
  fields: { year?: number; month: number; day: number };
}

/** The fields a numeric date names in its written order, or 'invalid' when the order forbids it. */
function numericFields(text: string, order: DateOrder): NumericFields | 'invalid' | undefined {
  const yearFirst = YEAR_FIRST_DATE.exec(text);
  if (yearFirst) {
    return { dayFirst: false, fields: { year: +yearFirst[1]!, month: +yearFirst[2]!, day: +yearFirst[3]! } };
  }
  const dotted = DOTTED_DATE.exec(text);
  if (dotted) {
    return { dayFirst: true, fields: { day: +dotted[1]!, month: +dotted[2]!, year: fullYear(dotted[3]!) } };
  }
  const slashed = SLASHED_DATE.exec(text);
  if (!slashed) return undefined;
  if (order === 'year-first') return 'invalid';
  const [first, second] = [+slashed[1]!, +slashed[2]!];
  const year = slashed[3] === undefined ? undefined : fullYear(slashed[3]);
  const dayFirst = order === 'day-first';
  const fields = dayFirst ? { day: first, month: second } : { month: first, day: second };
  return { dayFirst, fields: year === undefined ? fields : { ...fields, year } };
}

function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

function sameNumbers(parts: ChronoMoment, fields: NumericFields['fields']): boolean {
  if (parts.month !== fields.month || parts.day !== fields.day) return false;
  return fields.year === undefined ? parts.year === undefined : parts.year === fields.year;
}

/** Every number typed is one of the components read (a rolled-over `nov 31` is not). */
function digitsAccountedFor(text: string, start: ChronoMoment, end: ChronoMoment | undefined): boolean {
  const typed = text.match(/\d+/g) ?? [];
  const values = new Set<number>();
  for (const moment of [start, end]) {
    if (!moment) continue;
    for (const value of [moment.year, moment.month, moment.day, moment.minute]) {
      if (value !== undefined) values.add(value);
    }
    if (moment.year !== undefined) values.add(moment.year % 100);
    if (moment.hour !== undefined) {
      values.add(moment.hour);
      values.add(moment.hour % 12 === 0 ? 12 : moment.hour % 12);
    }
  }
  return typed.every((digits) => values.has(Number(digits)));
}

/** 1 July of the latest leap year not after the reference's year. */
function leapYearBefore(reference: Date): Date {
  let year = reference.getUTCFullYear();
  while (!((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) year--;
  return new Date(Date.UTC(year, 6, 1));
}
