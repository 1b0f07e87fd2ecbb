import { DateTime } from 'luxon';
import type { Assumption } from '../core/report-request';
import type { PeriodSpec } from './command-types';
import { type PeriodUnit, SINGULAR_UNIT_WORDS } from './command-vocabulary';
import {
  agoSpan,
  type CalendarClock,
  calendarSpan,
  namedSpan,
  partSpan,
  weekendSpan,
} from './resolve-calendar-span';
import {
  type DaySpan,
  type DaySpanResult,
  resolveDayFrom,
  resolveLatestDay,
  weekStartAt,
  weekStartOf,
} from './resolve-day-span';
import { wallClockOn } from './wall-clock-time';

/** The asker's clock: `now` and the start of their local day, both in their zone. */
export interface PeriodClock extends CalendarClock {
  maxPeriodDays: number;
  /** Where resolving notes what it assumed (`nov 30` read as last year's). */
  assumptions?: Assumption[];
}

/**
 * A resolved window `[from, to)` in the asker's zone, or why there is none. `runsToNow`: the
 * period runs until now, by its meaning (`today`, `this week`, `since monday`, `from=…` without
 * `to=`) or cut there (`nov 15 - nov 30`), as opposed to a whole period (`last week`, `past 3 hours`).
 */
export type WindowResult =
  | { ok: true; from: DateTime; to: DateTime; runsToNow?: true }
  | { ok: false; message: string; replacement?: string };

type SpanResult = DaySpanResult | { ok: false; message: string; replacement?: string };

const ISO_INSTANT =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** A time followed by `Z` or `±hh[:mm]`. */
const WITH_OFFSET = /T[\d:.]+(?:Z|[+-]\d{2}(?::?\d{2})?)$/;
const DAYS_PER_UNIT: Record<PeriodUnit, number> = {
  days: 1,
  weeks: 7,
  months: 28,
  years: 365,
  hours: 1 / 24,
  minutes: 1 / 1440,
};

/**
 * Turns a period into instants in the asker's zone: calendar days start and end at local midnight
 * (23 or 25 hours across a daylight-saving change); a window ending in the future is cut at now;
 * one starting in the future, or longer than `maxPeriodDays` calendar days, is refused.
 * `phrase` is the period as typed, for messages.
 */
export function resolvePeriod(spec: PeriodSpec, phrase: string, clock: PeriodClock): WindowResult {
  if (spec.kind === 'instants') return resolveInstants(spec, phrase, clock);
  if (spec.kind === 'back' && spec.amount * DAYS_PER_UNIT[spec.unit] > clock.maxPeriodDays)
    return tooLong(phrase, clock);
  const span = toSpan(spec, phrase, clock);
  if (!span.ok) return span;
  if (span.span.end > clock.now && span.span.start < clock.now && spec.kind !== 'since' && !endsNow(spec))
    clock.assumptions?.push({ code: 'cut-at-now', text: `"${phrase}" ends in the future: cut at now` });
  const window = limitWindow(span.span, phrase, clock);
  // `past 3 hours` ends now too, but is a whole span of its own.
  const runsToNow = spec.kind === 'since' || (span.span.end >= clock.now && spec.kind !== 'back');
  return window.ok && runsToNow ? { ...window, runsToNow: true } : window;
}

/** Periods that run until now by their meaning (`today`, `this week`), not by being cut. */
function endsNow(spec: PeriodSpec): boolean {
  if (spec.kind === 'named') return spec.name.startsWith('this-');
  if (spec.kind === 'back') return spec.unit === 'hours' || spec.unit === 'minutes';
  if (spec.kind === 'days') return !spec.last && ['relative', 'month', 'weekday'].includes(spec.first.kind);
  return spec.kind === 'calendar' || spec.kind === 'part';
}

function toSpan(spec: PeriodSpec, phrase: string, clock: PeriodClock): SpanResult {
  const { today, now } = clock;
  switch (spec.kind) {
    case 'named':
      return { ok: true, span: namedSpan(spec.name, clock) };
    case 'back':
      if (spec.unit === 'hours' || spec.unit === 'minutes') {
        const millis = spec.amount * (spec.unit === 'hours' ? 3_600_000 : 60_000);
        return {
          ok: true,
          span: { start: DateTime.fromMillis(now.toMillis() - millis, { zone: now.zone }), end: now },
        };
      }
      return {
        ok: true,
        span: { start: today.minus({ [spec.unit]: spec.amount }).startOf('day'), end: today },
      };
    case 'since': {
      const from = toSpan(spec.from, phrase, clock);
      if (!from.ok) return from;
      return { ok: true, span: { start: spec.after ? from.span.end : from.span.start, end: now } };
    }
    case 'days': {
      const first = resolveLatestDay(spec.first, clock, phrase);
      if (!first.ok || !spec.last) return first;
      const last = resolveDayFrom(spec.last, first.span.start, clock, phrase);
      if (!last.ok) return last;
      // "last monday to friday" on a Wednesday: a range ending on a weekday that has not come yet
      // was probably meant in an earlier week; which one is a guess, so it is refused.
      if (spec.last.kind === 'weekday' && last.span.start > clock.today) return endInFuture(phrase);
      return ordered(first.span.start, last.span.end, phrase, first.span.end, last.span.start);
    }
    case 'ago':
      return { ok: true, span: agoSpan(spec, clock) };
    case 'calendar': {
      const span = calendarSpan(spec, clock);
      return span ? { ok: true, span } : { ok: false, message: `"${phrase}" is not on the calendar.` };
    }
    case 'weekend':
      return { ok: true, span: weekendSpan(spec.offset, clock) };
    case 'week': {
      const start = weekStartAt(spec.offset, clock);
      return { ok: true, span: { start, end: start.plus({ weeks: 1 }).startOf('day') } };
    }
    case 'clock': {
      const day = resolveLatestDay(spec.day, clock, phrase);
      if (!day.ok) return day;
      const start = wallClockOn(day.span.start, spec.from.hour, spec.from.minute);
      if (!start.ok) return { ok: false, message: `"${phrase}": ${start.message}` };
      if (!spec.to) return { ok: true, span: { start: start.at, end: start.at } };
      // An end at or before the start on the clock is on the next day (`10pm-2am`).
      const endsNextDay = minutesOf(spec.to) <= minutesOf(spec.from);
      const end = wallClockOn(day.span.start, spec.to.hour + (endsNextDay ? 24 : 0), spec.to.minute);
      if (!end.ok) return { ok: false, message: `"${phrase}": ${end.message}` };
      return { ok: true, span: { start: start.at, end: end.at } };
    }
    case 'part': {
      const day = resolveLatestDay(spec.day, clock, phrase);
      return day.ok ? { ok: true, span: partSpan(day.span, spec.part) } : day;
    }
    case 'edge': {
      const of = toSpan(spec.of, phrase, clock);
      if (!of.ok) return of;
      const wholeEnd =
        of.span.end.hour === 0 && of.span.end.minute === 0
          ? of.span.end
          : of.span.end.plus({ days: 1 }).startOf('day');
      const day = spec.edge === 'start' ? of.span.start : wholeEnd.minus({ days: 1 }).startOf('day');
      return { ok: true, span: { start: day, end: day.plus({ days: 1 }).startOf('day') } };
    }
    case 'unit-before':
      return {
        ok: false,
        message: `"${phrase}" is before another period: compare it with one, e.g. "compare this week to the week before".`,
        replacement: `last ${SINGULAR_UNIT_WORDS[spec.unit]}`,
      };
    case 'week-of': {
      // Notes on the day (`nov 30 read as …`) name the day, not the week around it.
      const dayPhrase = phrase.replace(/^(?:the\s+)?(?:week|wk)\s+of\s+/i, '');
      const day = resolveLatestDay(spec.day, clock, dayPhrase);
      if (!day.ok) return day;
      const start = weekStartOf(day.span.start, clock.weekStart);
      return { ok: true, span: { start, end: start.plus({ weeks: 1 }).startOf('day') } };
    }
    case 'month-week': {
      const month = resolveLatestDay(spec.month, clock, phrase);
      if (!month.ok) return month;
      const start =
        spec.which === 'last'
          ? month.span.end.minus({ days: 7 }).startOf('day')
          : month.span.start.plus({ days: (spec.which - 1) * 7 }).startOf('day');
      return { ok: true, span: { start, end: start.plus({ days: 7 }).startOf('day') } };
    }
    case 'range': {
      const first = toSpan(spec.first, phrase, clock);
      if (!first.ok) return first;
      const last = toSpan(spec.last, phrase, clock);
      if (!last.ok) return last;
      return ordered(first.span.start, last.span.end, phrase, first.span.end, last.span.start);
    }
    case 'instants':
      return { ok: false, message: `"${phrase}" is not a period.` };
  }
}

/** `[start, end)` when the end comes after the start, else an error whose example is the days reversed. */
function ordered(
  start: DateTime,
  end: DateTime,
  phrase: string,
  firstEnd: DateTime,
  lastStart: DateTime,
): SpanResult {
  if (end <= start) {
    const from = lastStart.toISODate();
    const to = firstEnd.minus({ days: 1 }).toISODate();
    return { ok: false, message: `"${phrase}" ends before it starts.`, replacement: `${from}..${to}` };
  }
  return { ok: true, span: { start, end } };
}

function resolveInstants(
  spec: PeriodSpec & { kind: 'instants' },
  phrase: string,
  clock: PeriodClock,
): WindowResult {
  const from = parseInstant('from', spec.from, clock);
  if (!from.ok) return from;
  const to =
    spec.to === undefined ? { ok: true as const, at: clock.now } : parseInstant('to', spec.to, clock);
  if (!to.ok) return to;
  return instantsWindow(spec, phrase, clock, from.at, to.at);
}

function instantsWindow(
  spec: PeriodSpec & { kind: 'instants' },
  phrase: string,
  clock: PeriodClock,
  from: DateTime,
  to: DateTime,
): WindowResult {
  if (to <= from) return { ok: false, message: `"from=${spec.from}" must be before "to=${spec.to}".` };
  const window = limitWindow({ start: from, end: to }, phrase, clock);
  const runsToNow = spec.to === undefined || to > clock.now;
  return window.ok && runsToNow ? { ...window, runsToNow: true } : window;
}

/**
 * An ISO date or date-time; without an offset it is in the asker's zone, where a time the clocks
 * skipped or passed twice that night is refused (`wallClockOn`).
 */
function parseInstant(
  key: 'from' | 'to',
  text: string,
  clock: PeriodClock,
): { ok: true; at: DateTime } | { ok: false; message: string } {
  const zone = clock.now.zone;
  const iso = text.replace(' ', 'T').toUpperCase();
  // Read in UTC first: the fields as typed, before any zone moves a skipped time.
  const typed = ISO_INSTANT.test(text) ? DateTime.fromISO(iso, { zone: 'utc' }) : undefined;
  if (!typed?.isValid) {
    return {
      ok: false,
      message: `"${key}=${text}" is not valid: ${key} must be an ISO date-time such as ${key}=2026-11-01T08:00 (in your time zone) or ${key}=2026-11-01T07:00Z.`,
    };
  }
  if (WITH_OFFSET.test(iso)) return { ok: true, at: DateTime.fromISO(iso, { zone }) };
  const midnight = DateTime.fromObject(
    { year: typed.year, month: typed.month, day: typed.day },
    { zone },
  ).startOf('day');
  if (!iso.includes('T')) return { ok: true, at: midnight };
  const wall = wallClockOn(midnight, typed.hour, typed.minute);
  if (!wall.ok) return { ok: false, message: `"${key}=${text}": ${wall.message}` };
  return { ok: true, at: wall.at.set({ second: typed.second, millisecond: typed.millisecond }) };
}

function limitWindow(span: DaySpan, phrase: string, clock: PeriodClock): WindowResult {
  const { now } = clock;
  if (span.start > now) {
    return {
      ok: false,
      message: `"${phrase}" is in the future: it is now ${now.toFormat('ccc d LLL yyyy HH:mm', { locale: 'en-US' })} (${now.zoneName}).`,
    };
  }
  const to = DateTime.min(span.end, now);
  if (span.start >= to)
    return { ok: false, message: `"${phrase}" is empty: it begins right now.`, replacement: 'yesterday' };
  if (calendarDays(span.start, to) > clock.maxPeriodDays) return tooLong(phrase, clock);
  return { ok: true, from: span.start, to };
}

/**
 * Days between two instants counted on the asker's wall clock (a 25-hour day is one day). A start
 * of day counts as its date's midnight even where the clocks skip midnight (America/Santiago's
 * days begin at 01:00 after its change), so such a day is one day too, not 25 hours of wall clock.
 */
function calendarDays(from: DateTime, to: DateTime): number {
  const wallMillis = (instant: DateTime) =>
    instant.equals(instant.startOf('day'))
      ? Date.UTC(instant.year, instant.month - 1, instant.day)
      : instant.toMillis() + instant.offset * 60_000;
  return (wallMillis(to) - wallMillis(from)) / 86_400_000;
}

function tooLong(phrase: string, clock: PeriodClock): WindowResult {
  const max = clock.maxPeriodDays;
  return {
    ok: false,
    message: `"${phrase}" is too long: a period may cover at most ${max} days.`,
    replacement: `last ${max} days`,
  };
}

function endInFuture(phrase: string): { ok: false; message: string; replacement: string } {
  return {
    ok: false,
    message: `"${phrase}" ends on a day that has not come yet, so I can't tell which week you mean.`,
    replacement: 'mon-fri last week',
  };
}

function minutesOf(time: { hour: number; minute: number }): number {
  return time.hour * 60 + time.minute;
}
