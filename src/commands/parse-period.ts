import { plainWordAt, quoteTokens } from './command-tokens';
import type { DaySpec, NamedPeriod, PeriodSpec } from './command-types';
import {
  lookupWord,
  type PeriodUnit,
  RANGE_SEPARATORS,
  UNIT_WORDS,
  WEEKDAY_WORDS,
} from './command-vocabulary';
import { type DayParse, isCalendarDate, parseDaySpec } from './parse-day-spec';
import type { CommandToken } from './tokenize-command';

/** A period read from tokens `[start, next)`, or words that start a period but go wrong. */
export type PeriodParse =
  | { ok: true; spec: PeriodSpec; next: number }
  | { ok: false; message: string; next: number; replacement?: string };

const AMOUNT_WITH_UNIT = /^(\d+)([a-z]+)$/;
const LAST_WORDS = ['last', 'previous', 'prev'];

/**
 * Reads one period starting at `index` (see the period table in docs/command-language.md), or
 * undefined when the words there do not start a period.
 */
export function parsePeriod(tokens: readonly CommandToken[], index: number): PeriodParse | undefined {
  const word = plainWordAt(tokens, index);
  if (word === undefined) return undefined;
  if (word === 'this') return readThis(tokens, index);
  if (LAST_WORDS.includes(word) || word === 'past') {
    const relative = readLastOrPast(tokens, index, word === 'past');
    if (relative) return relative;
  }
  if (word === 'since') {
    const day = parseDaySpec(tokens, index + 1);
    if (!day)
      return {
        ok: false,
        message: `"since" needs a day, e.g. "since monday" or "since nov 3".`,
        next: index + 1,
      };
    return day.ok ? checkSince(tokens, index, day) : day;
  }
  if (word === 'on') {
    const day = parseDaySpec(tokens, index + 1);
    return day ? readRange(tokens, index, day, false) : undefined;
  }
  if (word === 'from' || word === 'between') {
    const day = parseDaySpec(tokens, index + 1);
    if (!day) return undefined;
    return readRange(tokens, index, day, word === 'between' ? 'between' : 'from');
  }
  const day = parseDaySpec(tokens, index);
  return day ? readRange(tokens, index, day, false) : undefined;
}

function readThis(tokens: readonly CommandToken[], index: number): PeriodParse | undefined {
  const names: Record<string, NamedPeriod> = { week: 'this-week', month: 'this-month', year: 'this-year' };
  const name = lookupWord(names, plainWordAt(tokens, index + 1) ?? '');
  return name ? { ok: true, spec: { kind: 'named', name }, next: index + 2 } : undefined;
}

/** `last week`, `last workday`, `last 7 days`, `past 24h`, `last hour`; weekdays are days. */
function readLastOrPast(
  tokens: readonly CommandToken[],
  index: number,
  isPast: boolean,
): PeriodParse | undefined {
  const next = plainWordAt(tokens, index + 1) ?? '';
  const named = isPast ? undefined : readNamedLast(tokens, index);
  if (named) return named;
  const unit = lookupWord(UNIT_WORDS, next);
  if (unit === 'hours' || unit === 'minutes') {
    return { ok: true, spec: { kind: 'back', amount: 1, unit }, next: index + 2 };
  }
  const compact = AMOUNT_WITH_UNIT.exec(next);
  if (compact && lookupWord(UNIT_WORDS, compact[2]!)) {
    return readAmount(tokens, index, compact[1]!, lookupWord(UNIT_WORDS, compact[2]!)!, index + 2);
  }
  if (!/^\d+$/.test(next)) return undefined;
  const unitWord = plainWordAt(tokens, index + 2) ?? '';
  const amountUnit = lookupWord(UNIT_WORDS, unitWord);
  if (!amountUnit) {
    const phrase = quoteTokens(tokens, index, index + 2);
    return {
      ok: false,
      message: `"${phrase}" needs a unit: days, weeks, months, hours or minutes, e.g. "${phrase} days".`,
      next: index + 2,
      replacement: `${phrase} days`,
    };
  }
  return readAmount(tokens, index, next, amountUnit, index + 3);
}

function readNamedLast(tokens: readonly CommandToken[], index: number): PeriodParse | undefined {
  const next = plainWordAt(tokens, index + 1) ?? '';
  const names: Record<string, NamedPeriod> = {
    week: 'last-week',
    month: 'last-month',
    year: 'last-year',
    workday: 'last-workday',
    weekday: 'last-workday',
    businessday: 'last-workday',
  };
  const name = lookupWord(names, next);
  if (name) return { ok: true, spec: { kind: 'named', name }, next: index + 2 };
  const dayWord = plainWordAt(tokens, index + 2);
  if (['working', 'business', 'work'].includes(next) && dayWord === 'day') {
    return { ok: true, spec: { kind: 'named', name: 'last-workday' }, next: index + 3 };
  }
  if (lookupWord(WEEKDAY_WORDS, next) !== undefined) {
    const day = parseDaySpec(tokens, index);
    return day ? readRange(tokens, index, day, false) : undefined;
  }
  return undefined;
}

function readAmount(
  tokens: readonly CommandToken[],
  index: number,
  digits: string,
  unit: PeriodUnit,
  next: number,
): PeriodParse {
  const amount = Number(digits);
  if (amount < 1) {
    return { ok: false, message: `"${quoteTokens(tokens, index, next)}" is empty: count at least 1.`, next };
  }
  return { ok: true, spec: { kind: 'back', amount, unit }, next };
}

function checkSince(
  tokens: readonly CommandToken[],
  index: number,
  day: DayParse & { ok: true },
): PeriodParse {
  if (day.spec.kind === 'day-of-month') return notAPeriod(tokens, index, day.next);
  return { ok: true, spec: { kind: 'since', first: day.spec }, next: day.next };
}

/** After a first day: a range end (`- nov 15`, `to friday`, `and nov 15`), else that day alone. */
function readRange(
  tokens: readonly CommandToken[],
  start: number,
  first: DayParse,
  opener: 'from' | 'between' | false,
): PeriodParse | undefined {
  if (!first.ok) return first;
  const separator = plainWordAt(tokens, first.next) ?? '';
  const isSeparator = opener === 'between' ? separator === 'and' : RANGE_SEPARATORS.includes(separator);
  const last = isSeparator ? parseDaySpec(tokens, first.next + 1) : undefined;
  if (!last) {
    if (opener === 'between') {
      return {
        ok: false,
        message: `"${quoteTokens(tokens, start, first.next)}" needs an end, e.g. "between nov 1 and nov 15".`,
        next: first.next,
      };
    }
    if (first.spec.kind === 'day-of-month') return opener ? notAPeriod(tokens, start, first.next) : undefined;
    if (opener === 'from') return { ok: true, spec: { kind: 'since', first: first.spec }, next: first.next };
    return { ok: true, spec: { kind: 'days', first: first.spec }, next: first.next };
  }
  if (!last.ok) return last;
  const ends = borrowMonth(first.spec, last.spec);
  if (!ends) return notAPeriod(tokens, start, last.next);
  if (!isCalendarDay(ends[0]) || !isCalendarDay(ends[1])) {
    return {
      ok: false,
      message: `"${quoteTokens(tokens, start, last.next)}" is not a range of dates.`,
      next: last.next,
    };
  }
  return { ok: true, spec: { kind: 'days', first: ends[0], last: ends[1] }, next: last.next };
}

/** `nov 1 - 15` and `1 - 15 nov`: a bare day number takes the month (and year) of the other end. */
function borrowMonth(first: DaySpec, last: DaySpec): [DaySpec, DaySpec] | undefined {
  if (first.kind === 'day-of-month' && last.kind === 'day-of-month') return undefined;
  if (first.kind === 'day-of-month') {
    if (last.kind !== 'date') return undefined;
    return [{ ...last, day: first.day }, last];
  }
  if (last.kind === 'day-of-month') {
    if (first.kind !== 'date') return undefined;
    return [first, { ...first, day: last.day }];
  }
  return [first, last];
}

function isCalendarDay(spec: DaySpec): boolean {
  return spec.kind !== 'date' || isCalendarDate(spec.month, spec.day, spec.year);
}

function notAPeriod(tokens: readonly CommandToken[], start: number, next: number): PeriodParse {
  return {
    ok: false,
    message: `"${quoteTokens(tokens, start, next)}" is not a period I know, e.g. "nov 1 - nov 15".`,
    next,
  };
}
