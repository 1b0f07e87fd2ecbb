import type { Assumption } from '../core/report-request';
import { matchWords, plainWordAt, quoteTokens } from './command-tokens';
import type { NamedPeriod, PartOfDay, PeriodSpec } from './command-types';
import {
  lookupWord,
  MONTH_WORDS,
  type PeriodUnit,
  SINGULAR_UNIT_WORDS,
  UNIT_WORDS,
  WEEKDAY_WORDS,
} from './command-vocabulary';
import type { CommandToken } from './tokenize-command';

/**
 * Periods that are not one day: `this week`, `last quarter`, `last 7 days`, `past week`, `3 days
 * ago`, `q3 2025`, `h1`, `week 48`, `2025`, `ytd`, `last weekend`, `the week before last`, `this
 * morning`, `last night`. Weekdays and dates are `parse-day-spec.ts`'s.
 */
export type NamedParse =
  | { ok: true; spec: PeriodSpec; next: number; assumptions: Assumption[] }
  | { ok: false; message: string; next: number; replacement?: string };

const LAST_WORDS = ['last', 'previous', 'prev'];
const THIS_WORDS = ['this', 'current'];
const AMOUNT_WITH_UNIT = /^(\d+)([a-z]+)$/;
const YEAR = /^\d{4}$/;
const QUARTER = /^q([1-4])$/;
const HALF = /^h([12])$/;
const PARTS: Readonly<Record<string, PartOfDay>> = {
  morning: 'morning',
  afternoon: 'afternoon',
  evening: 'evening',
  night: 'night',
};
const TO_DATE: Readonly<Record<string, NamedPeriod>> = {
  'week-to-date': 'this-week',
  'month-to-date': 'this-month',
  'quarter-to-date': 'this-quarter',
  'year-to-date': 'this-year',
  wtd: 'this-week',
  mtd: 'this-month',
  qtd: 'this-quarter',
  ytd: 'this-year',
};
const VAGUE_WORDS = ['few', 'couple', 'several', 'some'];
/** `3 days ago`, `3 days back`. */
const AGO_WORDS = ['ago', 'back'];

/** The period at `index`, or undefined when none of these words start there. */
export function readNamedPeriod(tokens: readonly CommandToken[], index: number): NamedParse | undefined {
  const word = plainWordAt(tokens, index);
  if (word === undefined) return undefined;
  const at = (offset: number) => plainWordAt(tokens, index + offset) ?? '';
  const ok = (spec: PeriodSpec, next: number, assumptions: Assumption[] = []): NamedParse => ({
    ok: true,
    spec,
    next,
    assumptions,
  });
  if (THIS_WORDS.includes(word)) return readThis(tokens, index);
  if (LAST_WORDS.includes(word) || word === 'past') return readLastOrPast(tokens, index, word === 'past');
  const toDate = lookupWord(TO_DATE, word);
  if (toDate) return ok({ kind: 'named', name: toDate }, index + 1);
  const unitToDate = lookupWord(UNIT_TO_NAMED_THIS, word);
  if (unitToDate && at(1) === 'to' && at(2) === 'date')
    return ok({ kind: 'named', name: unitToDate }, index + 3);
  if ((word === 'week' || word === 'month') && at(1) === 'before' && at(2) === 'last') {
    const spec: PeriodSpec =
      word === 'week'
        ? { kind: 'week', offset: -2 }
        : { kind: 'ago', amount: 2, unit: 'months', wholeUnit: true };
    return ok(spec, index + 3);
  }
  const before = readUnitBefore(tokens, index);
  if (before) return before;
  if (word === 'week' || word === 'wk') return readIsoWeek(tokens, index);
  if (word === 'weekend' && at(1) === 'before' && at(2) === 'last')
    return ok({ kind: 'weekend', offset: -2 }, index + 3);
  if (word === 'weekend') return ok({ kind: 'weekend' }, index + 1);
  if (word === 'earlier' && at(1) === 'today') return ok(today(), index + 2);
  if (word === 'tonight') return ok({ kind: 'part', day: todaySpec(), part: 'night' }, index + 1);
  const part = lookupWord(PARTS, word);
  if (part) return ok({ kind: 'part', day: todaySpec(), part }, index + 1, [partAssumption(part)]);
  if (word === 'same' && at(1) === 'day' && LAST_WORDS.includes(at(2))) {
    const unit = lookupWord(UNIT_WORDS, at(3));
    if (unit === 'weeks' || unit === 'months' || unit === 'years')
      return ok({ kind: 'ago', amount: 1, unit, wholeUnit: false }, index + 4);
  }
  const calendar = readCalendarUnit(tokens, index);
  if (calendar) return calendar;
  if (VAGUE_WORDS.includes(word) || ((word === 'a' || word === 'an') && VAGUE_WORDS.includes(at(1))))
    return refuseVague(tokens, index);
  if (word === 'a' || word === 'an') return readAgo(tokens, index, 1, index + 1, false);
  const amount = amountOf(word);
  if (amount !== undefined && lookupWord(UNIT_WORDS, at(1)) && AGO_WORDS.includes(at(2)))
    return readAgo(tokens, index, amount, index + 1, true);
  return undefined;
}

const UNITS_BEFORE: Readonly<Record<string, 'days' | 'weeks' | 'months' | 'years'>> = {
  day: 'days',
  week: 'weeks',
  month: 'months',
  year: 'years',
};
/** Words after `the week before` that make it a different phrase (`the day before yesterday`). */
const NOT_BEFORE_OTHER = ['last', 'yesterday', 'today', 'this'];

/** `the week before` with nothing it is before: the other side of a comparison, moved back a week. */
function readUnitBefore(tokens: readonly CommandToken[], index: number): NamedParse | undefined {
  const unit = lookupWord(UNITS_BEFORE, plainWordAt(tokens, index) ?? '');
  const after = plainWordAt(tokens, index + 2) ?? '';
  if (!unit || plainWordAt(tokens, index + 1) !== 'before') return undefined;
  if (NOT_BEFORE_OTHER.includes(after) || /^\d/.test(after)) return undefined;
  if (lookupWord(MONTH_WORDS, after) !== undefined || lookupWord(WEEKDAY_WORDS, after) !== undefined)
    return undefined;
  return { ok: true, spec: { kind: 'unit-before', unit }, next: index + 2, assumptions: [] };
}

/** `a few days ago`, `a couple of weeks`: no number, so no window. */
function refuseVague(tokens: readonly CommandToken[], index: number): NamedParse {
  let next = index + 1;
  const vagueTail = ['a', 'an', 'of', ...AGO_WORDS, ...VAGUE_WORDS];
  while (next < tokens.length) {
    const word = plainWordAt(tokens, next) ?? '';
    if (!vagueTail.includes(word) && !lookupWord(UNIT_WORDS, word)) break;
    next++;
  }
  return {
    ok: false,
    message: `"${quoteTokens(tokens, index, next)}" is vague: give a number, e.g. "3 days ago" or "last 3 days".`,
    next,
    replacement: 'last 3 days',
  };
}

const UNIT_TO_NAMED_THIS: Readonly<Record<string, NamedPeriod>> = {
  week: 'this-week',
  month: 'this-month',
  quarter: 'this-quarter',
  qtr: 'this-quarter',
  year: 'this-year',
};

function todaySpec() {
  return { kind: 'relative' as const, offsetDays: 0 };
}

function today(): PeriodSpec {
  return { kind: 'days', first: todaySpec() };
}

export function partAssumption(part: PartOfDay): Assumption {
  const hours: Record<PartOfDay, string> = {
    morning: '00:00–12:00',
    afternoon: '12:00–18:00',
    evening: '18:00–24:00',
    night: '18:00–06:00 the next morning',
  };
  return { code: 'part-of-day', text: `${part} read as ${hours[part]}` };
}

/** `this week`, `this quarter`, `this weekend`, `this morning`. */
function readThis(tokens: readonly CommandToken[], index: number): NamedParse | undefined {
  const next = plainWordAt(tokens, index + 1) ?? '';
  // `this weeks calls`: "this week's" with its apostrophe lost (it has no other reading).
  const name = lookupWord(UNIT_TO_NAMED_THIS, next) ?? lookupWord(UNIT_TO_NAMED_THIS, next.replace(/s$/, ''));
  if (name) return { ok: true, spec: { kind: 'named', name }, next: index + 2, assumptions: [] };
  if (next === 'weekend')
    return { ok: true, spec: { kind: 'weekend', offset: 0 }, next: index + 2, assumptions: [] };
  // `this past weekend`: the last one over, as `last weekend`.
  if (next === 'past' && plainWordAt(tokens, index + 2) === 'weekend')
    return { ok: true, spec: { kind: 'weekend', offset: -1 }, next: index + 3, assumptions: [] };
  const part = lookupWord(PARTS, next);
  if (part)
    return {
      ok: true,
      spec: { kind: 'part', day: todaySpec(), part },
      next: index + 2,
      assumptions: [partAssumption(part)],
    };
  return undefined;
}

/** `last week`, `last workday`, `last 7 days`, `past 24h`, `last hour`, `past week`; weekdays are days. */
function readLastOrPast(
  tokens: readonly CommandToken[],
  index: number,
  isPast: boolean,
): NamedParse | undefined {
  // `last full week`, `last calendar month`, `last 7 full days`: whole periods are what these
  // already are, so the qualifier is read past.
  const qualified = withoutQualifier(tokens, index);
  if (qualified) {
    const inner = readLastOrPast(qualified, index, isPast);
    return inner && { ...inner, next: inner.next + 1 };
  }
  const next = plainWordAt(tokens, index + 1) ?? '';
  if (lookupWord(WEEKDAY_WORDS, next) !== undefined) return undefined;
  const named = isPast ? undefined : readNamedLast(tokens, index);
  if (named) return named;
  if (next === 'fortnight')
    return { ok: true, spec: { kind: 'back', amount: 2, unit: 'weeks' }, next: index + 2, assumptions: [] };
  const halfHourEnd = matchWords(tokens, index + 1, HALF_HOUR);
  if (halfHourEnd !== undefined)
    return {
      ok: true,
      spec: { kind: 'back', amount: 30, unit: 'minutes' },
      next: halfHourEnd,
      assumptions: [],
    };
  const unit = lookupWord(UNIT_WORDS, next);
  if (unit && PLURAL_UNIT_WORDS.includes(next)) return refuseUncounted(tokens, index, unit);
  if (unit) return { ok: true, spec: { kind: 'back', amount: 1, unit }, next: index + 2, assumptions: [] };
  const compact = AMOUNT_WITH_UNIT.exec(next);
  const compactUnit = compact ? lookupWord(UNIT_WORDS, compact[2]!) : undefined;
  if (compact && compactUnit) return readAmount(tokens, index, compact[1]!, compactUnit, index + 2);
  if (amountOf(next) === undefined) return undefined;
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
  return readAmount(tokens, index, String(amountOf(next)), amountUnit, index + 3);
}

const QUALIFIERS = ['full', 'complete', 'calendar', 'whole', 'entire'];

/**
 * The tokens without a qualifier right after `last` (or after its number) when a unit follows
 * it, or undefined when there is none. Messages then quote the words without it.
 */
function withoutQualifier(tokens: readonly CommandToken[], index: number): CommandToken[] | undefined {
  const at = amountOf(plainWordAt(tokens, index + 1) ?? '') === undefined ? index + 1 : index + 2;
  const word = plainWordAt(tokens, at) ?? '';
  const unit = plainWordAt(tokens, at + 1) ?? '';
  if (!QUALIFIERS.includes(word) || (!lookupWord(UNIT_WORDS, unit) && unit !== 'quarter')) return undefined;
  return [...tokens.slice(0, at), ...tokens.slice(at + 1)];
}

const HALF_HOUR = [
  ['half', 'hour'],
  ['half', 'an', 'hour'],
];
/** Units in the plural: after `last`/`past` without a number they say neither one nor how many. */
const PLURAL_UNIT_WORDS = [
  'days',
  'weeks',
  'wks',
  'months',
  'years',
  'yrs',
  'hours',
  'hrs',
  'minutes',
  'mins',
];

/**
 * `last weeks calls`: "last week's" with its apostrophe lost, or some weeks? Refused with both
 * (`last week` is the calendar week before this one, `last 3 weeks` the 21 days before today).
 */
function refuseUncounted(tokens: readonly CommandToken[], index: number, unit: PeriodUnit): NamedParse {
  const phrase = quoteTokens(tokens, index, index + 2);
  const word = plainWordAt(tokens, index)!;
  return {
    ok: false,
    message: `"${phrase}" has no number: say "${word} ${SINGULAR_UNIT_WORDS[unit]}", or how many, e.g. "${word} 3 ${unit}".`,
    next: index + 2,
    replacement: `${word} ${SINGULAR_UNIT_WORDS[unit]}`,
  };
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  twenty: 20,
  thirty: 30,
};

/** `7` or `seven`. */
function amountOf(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  return lookupWord(NUMBER_WORDS, word);
}

function readNamedLast(tokens: readonly CommandToken[], index: number): NamedParse | undefined {
  const next = plainWordAt(tokens, index + 1) ?? '';
  const names: Record<string, NamedPeriod> = {
    week: 'last-week',
    month: 'last-month',
    year: 'last-year',
    quarter: 'last-quarter',
    qtr: 'last-quarter',
    workday: 'last-workday',
    weekday: 'last-workday',
    businessday: 'last-workday',
  };
  if (next === 'week' && plainWordAt(tokens, index + 2) === 'of') return undefined;
  const unit = lookupWord(UNIT_WORDS, next);
  const singular = ['week', 'wk', 'month', 'mo', 'year', 'yr'].includes(next) ? unit : undefined;
  const name =
    lookupWord(names, next) ??
    (singular === 'weeks'
      ? 'last-week'
      : singular === 'months'
        ? 'last-month'
        : singular === 'years'
          ? 'last-year'
          : undefined);
  if (name) return { ok: true, spec: { kind: 'named', name }, next: index + 2, assumptions: [] };
  if (next === 'weekend')
    return { ok: true, spec: { kind: 'weekend', offset: -1 }, next: index + 2, assumptions: [] };
  if (next === 'night' || next === 'evening') {
    const spec: PeriodSpec = { kind: 'part', day: { kind: 'relative', offsetDays: -1 }, part: next };
    return { ok: true, spec, next: index + 2, assumptions: [partAssumption(next)] };
  }
  const dayWord = plainWordAt(tokens, index + 2);
  if (['working', 'business', 'work'].includes(next) && dayWord === 'day') {
    return { ok: true, spec: { kind: 'named', name: 'last-workday' }, next: index + 3, assumptions: [] };
  }
  return undefined;
}

function readAmount(
  tokens: readonly CommandToken[],
  index: number,
  digits: string,
  unit: PeriodUnit,
  next: number,
): NamedParse {
  const amount = Number(digits);
  if (amount < 1) {
    return { ok: false, message: `"${quoteTokens(tokens, index, next)}" is empty: count at least 1.`, next };
  }
  return { ok: true, spec: { kind: 'back', amount, unit }, next, assumptions: [] };
}

/** `3 days ago` (that day), `2 weeks ago` (that week), `a week ago` (the day a week back). */
function readAgo(
  tokens: readonly CommandToken[],
  index: number,
  amount: number,
  unitAt: number,
  counted: boolean,
): NamedParse | undefined {
  const unit = lookupWord(UNIT_WORDS, plainWordAt(tokens, unitAt) ?? '');
  if (!unit || !AGO_WORDS.includes(plainWordAt(tokens, unitAt + 1) ?? '')) return undefined;
  const next = unitAt + 2;
  const phrase = quoteTokens(tokens, index, next);
  if (unit === 'hours' || unit === 'minutes') {
    const past = counted && amount !== 1 ? `past ${amount} ${unit}` : `past ${SINGULAR_UNIT_WORDS[unit]}`;
    return {
      ok: false,
      message: `"${phrase}" is a moment, not a period: say "${past}".`,
      next,
      replacement: past,
    };
  }
  if (amount < 1)
    return { ok: false, message: `"${phrase}" is today: say "today".`, next, replacement: 'today' };
  const spec: PeriodSpec = { kind: 'ago', amount, unit, wholeUnit: counted && unit !== 'days' };
  const assumptions: Assumption[] =
    spec.wholeUnit || unit === 'days'
      ? []
      : [
          {
            code: 'a-unit-ago',
            text: `${phrase} read as the one day ${phrase} (say "last ${unit.slice(0, -1)}" for the whole ${unit.slice(0, -1)})`,
          },
        ];
  return { ok: true, spec, next, assumptions };
}

/** `q3`, `q3 2025`, `h1 2026`, `2025`. */
function readCalendarUnit(tokens: readonly CommandToken[], index: number): NamedParse | undefined {
  const word = plainWordAt(tokens, index) ?? '';
  const yearWord = plainWordAt(tokens, index + 1) ?? '';
  const year = YEAR.test(yearWord) ? Number(yearWord) : undefined;
  const next = index + (year === undefined ? 1 : 2);
  const quarter = QUARTER.exec(word);
  const half = HALF.exec(word);
  const unit = quarter ? 'quarter' : half ? 'half' : undefined;
  if (unit) {
    const number = Number((quarter ?? half)![1]);
    const spec: PeriodSpec = { kind: 'calendar', unit, number, ...(year === undefined ? {} : { year }) };
    return { ok: true, spec, next, assumptions: [] };
  }
  if (YEAR.test(word) && Number(word) >= 1970 && Number(word) < 2100)
    return {
      ok: true,
      spec: { kind: 'calendar', unit: 'year', number: Number(word) },
      next: index + 1,
      assumptions: [],
    };
  return undefined;
}

/** `week 48`, `wk 48 2025`: ISO 8601 weeks, Monday to Sunday, whatever WEEK_START says. */
function readIsoWeek(tokens: readonly CommandToken[], index: number): NamedParse | undefined {
  const number = plainWordAt(tokens, index + 1) ?? '';
  if (!/^\d{1,2}$/.test(number)) return undefined;
  const week = Number(number);
  const yearWord = plainWordAt(tokens, index + 2) ?? '';
  const year = YEAR.test(yearWord) ? Number(yearWord) : undefined;
  const next = index + (year === undefined ? 2 : 3);
  if (week < 1 || week > 53) {
    return {
      ok: false,
      message: `"${quoteTokens(tokens, index, next)}" is not a week: weeks are 1 to 53.`,
      next,
    };
  }
  const spec: PeriodSpec = {
    kind: 'calendar',
    unit: 'iso-week',
    number: week,
    ...(year === undefined ? {} : { year }),
  };
  const assumption = {
    code: 'iso-week',
    text: `${quoteTokens(tokens, index, next)} is ISO week ${week}, Monday to Sunday (whatever WEEK_START is)`,
  };
  return { ok: true, spec, next, assumptions: [assumption] };
}
