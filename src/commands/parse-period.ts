import type { Assumption } from '../core/report-request';
import { matchWords, plainWordAt, quoteTokens } from './command-tokens';
import type { ClockTime, DaySpec, PeriodSpec } from './command-types';
import { lookupWord, PART_OF_DAY_WORDS, RANGE_SEPARATORS, WEEKDAY_WORDS } from './command-vocabulary';
import type { PeriodReading } from './natural/period-reading';
import { type DayParse, isCalendarDate, parseDaySpec } from './parse-day-spec';
import { partAssumption, readNamedPeriod } from './read-named-period';
import type { CommandToken } from './tokenize-command';

/**
 * The structure of a period (the project's grammar; dates and times inside it are chrono's, via
 * `parse-day-spec.ts`): `since X`, `after X`, `from X to Y`, `between X and Y`, `X - Y`, `X until
 * now`, `X so far`, the lone `from X`, a day with times or a part of the day, a weekday inside a
 * named week. `before X` and `until X` alone are refused (no start).
 */
export type PeriodParse =
  | { ok: true; spec: PeriodSpec; next: number; assumptions: Assumption[]; loneMay?: boolean }
  | { ok: false; message: string; next: number; replacement?: string };

/** A term: one period before any structure word joins it to another. */
type Term = {
  ok: true;
  spec: PeriodSpec;
  next: number;
  assumptions: Assumption[];
  /** The term as a day, when it is one (for ranges and times). */
  day?: DayParse & { ok: true };
  loneMay?: boolean;
};
type TermParse = Term | { ok: false; message: string; next: number; replacement?: string };

const UNTIL_NOW = [
  ['until', 'now'],
  ['till', 'now'],
  ['to', 'now'],
  ['up', 'to', 'now'],
  ['so', 'far'],
  ['to', 'date'],
];
const WEEK_QUALIFIERS: Array<[string[], number]> = [
  [['this', 'week'], 0],
  [['last', 'week'], -1],
  [['previous', 'week'], -1],
  [['the', 'week', 'before', 'last'], -2],
  [['week', 'before', 'last'], -2],
];
const BARE_HOUR = /^\d{1,2}$/;

/** Reads one period at `index`, or undefined when the words there do not start a period. */
export function parsePeriod(
  tokens: readonly CommandToken[],
  index: number,
  reading: PeriodReading,
): PeriodParse | undefined {
  const word = plainWordAt(tokens, index);
  if (word === undefined) return undefined;
  const at = (offset: number) => plainWordAt(tokens, index + offset) ?? '';
  if (word === 'since' || word === 'after') return readSince(tokens, index, reading, word === 'after');
  if (word === 'next' || word === 'upcoming' || word === 'coming')
    return refuseFuture(tokens, index, reading);
  if (word === 'before' || word === 'until' || word === 'till' || (word === 'up' && at(1) === 'to'))
    return refuseUnbounded(tokens, index, reading);
  if (word === 'so' && at(1) === 'far') {
    const term = readTerm(tokens, index + 2, reading);
    return term && finish(term);
  }
  if (word === 'from' || word === 'between') {
    const first = readTerm(tokens, index + 1, reading);
    if (!first) return undefined;
    if (!first.ok) return first;
    return readRange(tokens, index, first, reading, word);
  }
  if (word === 'on') {
    const day = readTerm(tokens, index + 1, reading);
    return day?.ok && day.day ? readRange(tokens, index, day, reading, undefined) : undefined;
  }
  const term = readTerm(tokens, index, reading);
  if (!term) return undefined;
  if (!term.ok) return term;
  return readRange(tokens, index, term, reading, undefined);
}

function finish(term: TermParse): PeriodParse {
  if (!term.ok) return term;
  return {
    ok: true,
    spec: term.spec,
    next: term.next,
    assumptions: term.assumptions,
    ...(term.loneMay ? { loneMay: true } : {}),
  };
}

/** `since monday`, `since 9am`, `since last week`; `after nov 20` starts when nov 20 ends. */
function readSince(
  tokens: readonly CommandToken[],
  index: number,
  reading: PeriodReading,
  after: boolean,
): PeriodParse {
  const word = tokens[index]!.raw;
  const term = readTerm(tokens, index + 1, reading);
  if (!term || (term.ok && term.day?.spec.kind === 'day-of-month')) {
    return {
      ok: false,
      message: `"${word}" needs a day, e.g. "${word.toLowerCase()} monday" or "${word.toLowerCase()} nov 3".`,
      next: term?.next ?? index + 1,
    };
  }
  if (!term.ok) return term;
  const spec: PeriodSpec = after
    ? { kind: 'since', from: term.spec, after: true }
    : { kind: 'since', from: term.spec };
  return { ok: true, spec, next: term.next, assumptions: term.assumptions };
}

/** `next friday`, `next week`: calls of the future do not exist yet. */
function refuseFuture(
  tokens: readonly CommandToken[],
  index: number,
  reading: PeriodReading,
): PeriodParse | undefined {
  const term = readTerm(tokens, index + 1, reading);
  const unit = plainWordAt(tokens, index + 1) ?? '';
  const next =
    term?.next ?? (['week', 'month', 'year', 'quarter', 'weekend'].includes(unit) ? index + 2 : undefined);
  if (next === undefined) return undefined;
  return {
    ok: false,
    message: `"${quoteTokens(tokens, index, next)}" is in the future: there are no calls yet.`,
    next,
    replacement: 'today',
  };
}

/** `before nov 3`, `until yesterday`: a window needs a start. */
function refuseUnbounded(
  tokens: readonly CommandToken[],
  index: number,
  reading: PeriodReading,
): PeriodParse {
  const start = plainWordAt(tokens, index) === 'up' ? index + 2 : index + 1;
  const term = readTerm(tokens, start, reading);
  const next = term?.next ?? start;
  const phrase = quoteTokens(tokens, index, next);
  return {
    ok: false,
    message: `"${phrase}" has no start: say where it begins, e.g. "from nov 1 to nov 3" or "last 7 days".`,
    next,
  };
}

/**
 * After a first term: a range end (`- nov 15`, `to friday`, `and nov 15`), `until now`, else the
 * term alone. `opener` is the structure word before the first term (`from`, `between`).
 */
function readRange(
  tokens: readonly CommandToken[],
  start: number,
  first: Term,
  reading: PeriodReading,
  opener: 'from' | 'between' | undefined,
): PeriodParse | undefined {
  const untilNow = matchWords(tokens, first.next, opener === 'between' ? [['and', 'now']] : UNTIL_NOW);
  if (untilNow) {
    return {
      ok: true,
      spec: { kind: 'since', from: first.spec },
      next: untilNow,
      assumptions: first.assumptions,
    };
  }
  const separator = plainWordAt(tokens, first.next) ?? '';
  const isSeparator = opener === 'between' ? separator === 'and' : RANGE_SEPARATORS.includes(separator);
  const last = isSeparator ? readTerm(tokens, first.next + 1, reading, first) : undefined;
  if (!last) {
    if (opener === 'between') {
      return {
        ok: false,
        message: `"${quoteTokens(tokens, start, first.next)}" needs an end, e.g. "between nov 1 and nov 15".`,
        next: first.next,
      };
    }
    return readAlone(tokens, start, first, opener);
  }
  if (!last.ok) return last;
  const joined = joinRange(first, last);
  if (!joined && isBareNumber(first) && isBareNumber(last)) return bareNumbersRange(tokens, start, last.next);
  if (!joined) return notAPeriod(tokens, start, last.next);
  if (joined === 'not-dates') {
    return {
      ok: false,
      message: `"${quoteTokens(tokens, start, last.next)}" is not a range of dates.`,
      next: last.next,
    };
  }
  const next = applyWeekQualifier(tokens, last.next, joined);
  const onDay = first.day?.timeOnly ? dayAfterTimes(tokens, next.next, next.spec, reading) : undefined;
  const spec = onDay?.spec ?? next.spec;
  const assumptions = [...first.assumptions, ...last.assumptions, ...(onDay?.assumptions ?? [])];
  return { ok: true, spec, next: onDay?.next ?? next.next, assumptions };
}

/** `2pm to 4pm yesterday`: the day after a range of times. */
function dayAfterTimes(
  tokens: readonly CommandToken[],
  index: number,
  spec: PeriodSpec,
  reading: PeriodReading,
): { spec: PeriodSpec; next: number; assumptions: Assumption[] } | undefined {
  if (spec.kind !== 'clock') return undefined;
  const day = parseDaySpec(tokens, plainWordAt(tokens, index) === 'on' ? index + 1 : index, reading);
  if (!day?.ok || day.timeOnly || day.from || !isSingleDay(day.spec)) return undefined;
  return { spec: { ...spec, day: day.spec }, next: day.next, assumptions: day.assumptions };
}

/** A term with no end: itself; after a lone `from`, that period (or since that time). */
function readAlone(
  tokens: readonly CommandToken[],
  start: number,
  first: Term,
  opener: 'from' | undefined,
): PeriodParse | undefined {
  const day = first.day;
  if (day?.spec.kind === 'day-of-month') return opener ? notAPeriod(tokens, start, first.next) : undefined;
  const isMoment = first.spec.kind === 'clock' && first.spec.to === undefined;
  // `from the start of the month`: a point to run from, as a time of day is, not that one day.
  const isStart = first.spec.kind === 'edge' && first.spec.edge === 'start';
  if (isMoment || (isStart && opener === 'from')) {
    if (opener === 'from')
      return {
        ok: true,
        spec: { kind: 'since', from: first.spec },
        next: first.next,
        assumptions: first.assumptions,
      };
    const phrase = quoteTokens(tokens, start, first.next);
    return {
      ok: false,
      message: `"${phrase}" is a moment, not a period: say "since ${phrase}" or give a range, e.g. "9am-5pm".`,
      next: first.next,
      replacement: `since ${phrase}`,
    };
  }
  const assumptions = [...first.assumptions];
  if (opener === 'from') {
    const words = quoteTokens(tokens, start + 1, first.next);
    assumptions.push({
      code: 'lone-from',
      text: `"from ${words}" read as ${words} itself; for everything since, say "since ${words}"`,
    });
  }
  return {
    ok: true,
    spec: first.spec,
    next: first.next,
    assumptions,
    ...(first.loneMay && !opener ? { loneMay: true } : {}),
  };
}

/** Two ends into one period: days, times on one day, or any two periods in order. */
function joinRange(first: Term, last: Term): PeriodSpec | 'not-dates' | undefined {
  const a = first.day;
  const b = last.day;
  if (a && b && !hasClock(first.spec) && !hasClock(last.spec)) {
    const ends = borrowMonth(a.spec, b.spec);
    if (!ends) return undefined;
    if (!isCalendarDay(ends[0]) || !isCalendarDay(ends[1])) return 'not-dates';
    return { kind: 'days', first: ends[0], last: ends[1] };
  }
  if (first.spec.kind === 'clock' && last.spec.kind === 'clock' && last.spec.to === undefined) {
    if (last.day?.timeOnly)
      return { kind: 'clock', day: first.spec.day, from: first.spec.from, to: last.spec.from };
    // `2pm to 4pm yesterday`: the day written after the times.
    if (first.day?.timeOnly)
      return { kind: 'clock', day: last.spec.day, from: first.spec.from, to: last.spec.from };
  }
  if (a?.spec.kind === 'day-of-month' || b?.spec.kind === 'day-of-month') return undefined;
  return { kind: 'range', first: first.spec, last: last.spec };
}

function hasClock(spec: PeriodSpec): boolean {
  return spec.kind === 'clock';
}

/** `nov 1 - 15` and `1 - 15 nov`: a bare day number takes the month (and year) of the other end. */
function borrowMonth(first: DaySpec, last: DaySpec): [DaySpec, DaySpec] | undefined {
  const bare = (spec: DaySpec) => spec.kind === 'day-of-month' || spec.kind === 'ordinal-day';
  if (bare(first) && bare(last)) return undefined;
  if (bare(first)) {
    if (last.kind !== 'date') return undefined;
    return [{ ...last, day: (first as { day: number }).day }, last];
  }
  if (bare(last)) {
    if (first.kind !== 'date') return undefined;
    return [first, { ...first, day: (last as { day: number }).day }];
  }
  return [first, last];
}

function isCalendarDay(spec: DaySpec): boolean {
  return spec.kind !== 'date' || isCalendarDate(spec.month, spec.day, spec.year);
}

/**
 * One term: a named period (`last week`, `q3`), or a day with what may follow it: times
 * (`yesterday 9am-5pm`, `yesterday 9-5`, `yesterday between 2pm and 4pm`), a part of the day
 * (`monday morning`), a named week (`tuesday last week`); or times followed by a day (`9am-5pm
 * yesterday`). `rangeStart` is the term before a range separator, whose day times borrow.
 */
function readTerm(
  tokens: readonly CommandToken[],
  index: number,
  reading: PeriodReading,
  rangeStart?: Term,
): TermParse | undefined {
  const word = plainWordAt(tokens, index);
  if (word === 'the' || word === 'over' || word === 'within')
    return readTerm(tokens, index + 1, reading, rangeStart);
  const edge =
    readEdge(tokens, index, reading) ??
    readWeekOf(tokens, index, reading) ??
    readMonthOf(tokens, index, reading);
  if (edge) return edge;
  const named = readNamedPeriod(tokens, index);
  if (named) {
    if (!named.ok) return named;
    const term: Term = { ok: true, spec: named.spec, next: named.next, assumptions: named.assumptions };
    return withWeekdaysInWeek(tokens, term);
  }
  const day = parseDaySpec(tokens, index, reading);
  if (!day) return undefined;
  if (!day.ok) return day;
  if (day.timeOnly) return readTimeThenDay(tokens, index, day, reading, rangeStart);
  const dayTerm: Term = {
    ok: true,
    spec: day.from ? clockSpec(day.spec, day.from, day.to) : { kind: 'days', first: day.spec },
    next: day.next,
    assumptions: day.assumptions,
    day,
    ...(day.loneMay ? { loneMay: true } : {}),
  };
  if (day.from) return dayTerm;
  return readAfterDay(tokens, dayTerm, reading);
}

const EDGES: Readonly<Record<string, 'start' | 'end'>> = { start: 'start', beginning: 'start', end: 'end' };
const THIS_UNITS: Readonly<Record<string, PeriodSpec>> = {
  week: { kind: 'named', name: 'this-week' },
  month: { kind: 'named', name: 'this-month' },
  quarter: { kind: 'named', name: 'this-quarter' },
  year: { kind: 'named', name: 'this-year' },
};
const WEEK_ORDINALS: Readonly<Record<string, number | 'last'>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  last: 'last',
};

/** `week of nov 16`: the week (by WEEK_START) that holds that day. */
function readWeekOf(
  tokens: readonly CommandToken[],
  index: number,
  reading: PeriodReading,
): TermParse | undefined {
  const word = plainWordAt(tokens, index);
  if ((word !== 'week' && word !== 'wk') || plainWordAt(tokens, index + 1) !== 'of') return undefined;
  const inner = readTerm(tokens, index + 2, reading);
  if (!inner?.ok) return inner;
  const day = inner.day?.spec;
  if (inner.spec.kind !== 'days' || day === undefined || !isSingleDay(day)) {
    return {
      ok: false,
      message: `"${quoteTokens(tokens, index, inner.next)}" needs one day, e.g. "week of nov 16".`,
      next: inner.next,
    };
  }
  return { ok: true, spec: { kind: 'week-of', day }, next: inner.next, assumptions: inner.assumptions };
}

/** `the month of october`: that month, as `october`. */
function readMonthOf(
  tokens: readonly CommandToken[],
  index: number,
  reading: PeriodReading,
): TermParse | undefined {
  if (plainWordAt(tokens, index) !== 'month' || plainWordAt(tokens, index + 1) !== 'of') return undefined;
  const inner = readTerm(tokens, index + 2, reading);
  return inner?.ok && inner.day?.spec.kind === 'month' ? inner : undefined;
}

/** `start of the month`, `end of last month` (one day); `first week of november`, `last week of october`. */
function readEdge(
  tokens: readonly CommandToken[],
  index: number,
  reading: PeriodReading,
): TermParse | undefined {
  const word = plainWordAt(tokens, index) ?? '';
  const edge = lookupWord(EDGES, word);
  const which = lookupWord(WEEK_ORDINALS, word);
  const ofAt = edge
    ? index + 1
    : which !== undefined && plainWordAt(tokens, index + 1) === 'week'
      ? index + 2
      : -1;
  if (ofAt < 0 || plainWordAt(tokens, ofAt) !== 'of') return undefined;
  const start = plainWordAt(tokens, ofAt + 1) === 'the' ? ofAt + 2 : ofAt + 1;
  const unit = lookupWord(THIS_UNITS, plainWordAt(tokens, start) ?? '');
  const inner: TermParse | undefined = unit
    ? { ok: true, spec: unit, next: start + 1, assumptions: [] }
    : readTerm(tokens, start, reading);
  if (!inner?.ok) return inner;
  if (edge) {
    return {
      ok: true,
      spec: { kind: 'edge', edge, of: inner.spec },
      next: inner.next,
      assumptions: inner.assumptions,
    };
  }
  const monthSpec = inner.day?.spec;
  if (monthSpec?.kind !== 'month') return undefined;
  return {
    ok: true,
    spec: { kind: 'month-week', which: which!, month: monthSpec },
    next: inner.next,
    assumptions: [
      ...inner.assumptions,
      {
        code: 'month-week',
        text: `${quoteTokens(tokens, index, inner.next)} read as days ${which === 'last' ? 'the last 7 days of the month' : `${(which! - 1) * 7 + 1}–${which! * 7}`}`,
      },
    ],
  };
}

function clockSpec(day: DaySpec, from: ClockTime, to?: ClockTime): PeriodSpec {
  return to ? { kind: 'clock', day, from, to } : { kind: 'clock', day, from };
}

/** `9am-5pm yesterday`: times, then maybe the day they are on (else today, or the range's day). */
function readTimeThenDay(
  tokens: readonly CommandToken[],
  index: number,
  time: DayParse & { ok: true },
  reading: PeriodReading,
  rangeStart: Term | undefined,
): TermParse {
  const from = time.from!;
  const startDay = dayOfRangeStart(rangeStart);
  const after = parseDaySpec(tokens, time.next, reading);
  if (after?.ok && !after.timeOnly && !after.from && isSingleDay(after.spec)) {
    return {
      ok: true,
      spec: clockSpec(after.spec, from, time.to),
      next: after.next,
      assumptions: [...time.assumptions, ...after.assumptions],
      day: { ...after, from, ...(time.to ? { to: time.to } : {}) },
    };
  }
  // `monday until 5pm`: 5pm on Monday, though 5pm today would make a range too; the reply says so.
  const onStartDay = rangeStart?.spec.kind === 'days' && startDay !== undefined && !isToday(startDay);
  return {
    ok: true,
    spec: clockSpec(startDay ?? time.spec, from, time.to),
    next: time.next,
    assumptions: onStartDay
      ? [...time.assumptions, timeOnStartDay(quoteTokens(tokens, index, time.next))]
      : time.assumptions,
    day: time,
  };
}

function timeOnStartDay(time: string): Assumption {
  return {
    code: 'time-on-start-day',
    text: `${time} read as on the day the range starts; for today's, say "today ${time}"`,
  };
}

function isToday(day: DaySpec): boolean {
  return day.kind === 'relative' && day.offsetDays === 0;
}

/**
 * The one day a range starts on (`yesterday 9am - 5pm`, `yesterday until 5pm`, `monday to 3pm`):
 * a bare time ending the range is on that day, not today.
 */
function dayOfRangeStart(start: Term | undefined): DaySpec | undefined {
  if (start?.spec.kind === 'clock') return start.spec.day;
  if (start?.spec.kind === 'days' && start.spec.last === undefined && isSingleDay(start.spec.first))
    return start.spec.first;
  return undefined;
}

/** What may follow a day: times, a part of the day, or a named week for a weekday. */
function readAfterDay(tokens: readonly CommandToken[], term: Term, reading: PeriodReading): Term | TermParse {
  const day = term.day!;
  const word = plainWordAt(tokens, term.next) ?? '';
  const part = lookupWord(PART_OF_DAY_WORDS, word);
  if (part && isSingleDay(day.spec)) {
    return {
      ok: true,
      spec: { kind: 'part', day: day.spec, part },
      next: term.next + 1,
      assumptions: [...term.assumptions, partAssumption(part)],
    };
  }
  if (!isSingleDay(day.spec)) return applyWeekdayQualifier(tokens, term);
  const times = readTimesAfter(tokens, term.next, reading);
  if (times === 'refused') {
    const phrase = quoteTokens(tokens, term.next, term.next + 3);
    return {
      ok: false,
      message: `"${phrase}" could be morning or afternoon hours: write them with am/pm or as 24-hour times, e.g. "9am-5pm" or "13:00-16:00".`,
      next: term.next + 3,
    };
  }
  if (times) {
    return {
      ok: true,
      spec: clockSpec(day.spec, times.from, times.to),
      next: times.next,
      assumptions: [...term.assumptions, ...times.assumptions],
      day,
    };
  }
  return applyWeekdayQualifier(tokens, term);
}

function isSingleDay(spec: DaySpec): boolean {
  return (
    spec.kind === 'relative' ||
    spec.kind === 'weekday' ||
    spec.kind === 'date' ||
    spec.kind === 'holiday' ||
    spec.kind === 'ordinal-day'
  );
}

/** Times after a day: `9am-5pm`, `14:00-16:00`, `between 2pm and 4pm`, `9am to noon`, bare `9-5`. */
function readTimesAfter(
  tokens: readonly CommandToken[],
  index: number,
  reading: PeriodReading,
): { from: ClockTime; to?: ClockTime; next: number; assumptions: Assumption[] } | 'refused' | undefined {
  const word = plainWordAt(tokens, index) ?? '';
  const opener = word === 'between' || word === 'from' ? index + 1 : index;
  const first = parseDaySpec(tokens, opener, reading);
  if (first?.ok && first.timeOnly) {
    const joiner = plainWordAt(tokens, first.next) ?? '';
    const joins = word === 'between' ? joiner === 'and' : RANGE_SEPARATORS.includes(joiner);
    const second = joins ? parseDaySpec(tokens, first.next + 1, reading) : undefined;
    if (second?.ok && second.timeOnly && first.to === undefined) {
      return { from: first.from!, to: second.from!, next: second.next, assumptions: [] };
    }
    if (word === 'between') return undefined;
    return first.to
      ? { from: first.from!, to: first.to, next: first.next, assumptions: [] }
      : { from: first.from!, next: first.next, assumptions: [] };
  }
  return readBareHours(tokens, index);
}

/**
 * `9-5` right after a single day: 09:00-17:00. Without am/pm an end before the start is in the
 * afternoon; a start before 7 could be either, so it is refused, as is an end before a start
 * after noon (`17-9`).
 */
function readBareHours(
  tokens: readonly CommandToken[],
  index: number,
): { from: ClockTime; to: ClockTime; next: number; assumptions: Assumption[] } | 'refused' | undefined {
  const a = plainWordAt(tokens, index) ?? '';
  const dash = plainWordAt(tokens, index + 1) ?? '';
  const b = plainWordAt(tokens, index + 2) ?? '';
  if (!BARE_HOUR.test(a) || !BARE_HOUR.test(b) || !['-', 'to', '–', '—'].includes(dash)) return undefined;
  const from = Number(a);
  let to = Number(b);
  if (from > 23 || to > 24 || from < 7) return 'refused';
  // `17-9`: the start is on the 24-hour clock, so 9 may be 09:00 the next day or 21:00.
  if (to <= from && from > 12) return 'refused';
  if (to <= from) to += 12;
  if (to <= from || to > 24) return 'refused';
  const text = `${a}-${b} read as ${pad(from)}:00–${pad(to)}:00`;
  return {
    from: { hour: from, minute: 0 },
    to: { hour: to, minute: 0 },
    next: index + 3,
    assumptions: to !== Number(b) ? [{ code: 'afternoon-hours', text }] : [],
  };
}

function pad(hour: number): string {
  return String(hour).padStart(2, '0');
}

/** `monday last week`, `tuesday of last week`. */
function applyWeekdayQualifier(tokens: readonly CommandToken[], term: Term): Term {
  const day = term.day?.spec;
  if (day?.kind !== 'weekday' || day.beforeToday || day.weekOffset !== undefined) return term;
  const start = plainWordAt(tokens, term.next) === 'of' ? term.next + 1 : term.next;
  for (const [words, offset] of WEEK_QUALIFIERS) {
    const next = matchWords(tokens, start, [words]);
    if (next) {
      const spec: DaySpec = { ...day, weekOffset: offset };
      return { ...term, spec: { kind: 'days', first: spec }, next, day: { ...term.day!, spec } };
    }
  }
  return term;
}

/** After a range of weekdays: `mon-fri last week`. */
function applyWeekQualifier(
  tokens: readonly CommandToken[],
  index: number,
  spec: PeriodSpec,
): { spec: PeriodSpec; next: number } {
  if (spec.kind !== 'days' || spec.first.kind !== 'weekday' || spec.last?.kind !== 'weekday')
    return { spec, next: index };
  if (spec.first.beforeToday || spec.last.beforeToday) return { spec, next: index };
  if (spec.last.weekOffset !== undefined && spec.first.weekOffset === undefined)
    return { spec: { ...spec, first: { ...spec.first, weekOffset: spec.last.weekOffset } }, next: index };
  if (spec.first.weekOffset !== undefined) return { spec, next: index };
  const start = plainWordAt(tokens, index) === 'of' ? index + 1 : index;
  for (const [words, offset] of WEEK_QUALIFIERS) {
    const next = matchWords(tokens, start, [words]);
    if (next) {
      return {
        spec: {
          kind: 'days',
          first: { ...spec.first, weekOffset: offset },
          last: { ...spec.last, weekOffset: offset },
        },
        next,
      };
    }
  }
  return { spec, next: index };
}

/** `last week monday to wednesday`: weekdays after a named week are days of that week. */
function withWeekdaysInWeek(tokens: readonly CommandToken[], term: Term): Term | TermParse {
  const offset = weekOffsetOf(term.spec);
  if (offset === undefined) return term;
  const firstDay = lookupWord(WEEKDAY_WORDS, plainWordAt(tokens, term.next) ?? '');
  if (firstDay === undefined) return term;
  const first: DaySpec = { kind: 'weekday', weekday: firstDay, beforeToday: false, weekOffset: offset };
  const separator = plainWordAt(tokens, term.next + 1) ?? '';
  const lastDay = RANGE_SEPARATORS.includes(separator)
    ? lookupWord(WEEKDAY_WORDS, plainWordAt(tokens, term.next + 2) ?? '')
    : undefined;
  if (lastDay === undefined) {
    const day: DayParse & { ok: true } = { ok: true, spec: first, next: term.next + 1, assumptions: [] };
    return {
      ok: true,
      spec: { kind: 'days', first },
      next: term.next + 1,
      assumptions: term.assumptions,
      day,
    };
  }
  const last: DaySpec = { kind: 'weekday', weekday: lastDay, beforeToday: false, weekOffset: offset };
  return {
    ok: true,
    spec: { kind: 'days', first, last },
    next: term.next + 3,
    assumptions: term.assumptions,
  };
}

function weekOffsetOf(spec: PeriodSpec): number | undefined {
  if (spec.kind === 'named' && spec.name === 'this-week') return 0;
  if (spec.kind === 'named' && spec.name === 'last-week') return -1;
  if (spec.kind === 'week') return spec.offset;
  return undefined;
}

/** A term that is a number alone (`9`): a day of no month, or an hour without am/pm. */
function isBareNumber(term: Term): boolean {
  return term.day?.spec.kind === 'day-of-month';
}

/** `between 9 and 5`, `9 - 17`: hours or days? Both readings are shown, not guessed. */
function bareNumbersRange(tokens: readonly CommandToken[], start: number, next: number): PeriodParse {
  return {
    ok: false,
    message: `"${quoteTokens(tokens, start, next)}" is not a period I know: for hours of a day write "yesterday 9am-5pm" or "yesterday between 9:00 and 17:00"; for days name the month, "nov 9 - nov 15".`,
    next,
  };
}

function notAPeriod(tokens: readonly CommandToken[], start: number, next: number): PeriodParse {
  return {
    ok: false,
    message: `"${quoteTokens(tokens, start, next)}" is not a period I know, e.g. "nov 1 - nov 15".`,
    next,
  };
}
