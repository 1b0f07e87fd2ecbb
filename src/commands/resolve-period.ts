import { DateTime } from 'luxon';
import type { NamedPeriod, PeriodSpec } from './command-types';
import type { PeriodUnit } from './command-vocabulary';
import { type DaySpan, type DaySpanResult, resolveDayFrom, resolveLatestDay } from './resolve-day-span';

/** The asker's clock: `now` and the start of their local day, both in their zone. */
export interface PeriodClock {
  now: DateTime;
  today: DateTime;
  weekStart: 'monday' | 'sunday';
  maxPeriodDays: number;
}

/** A resolved window `[from, to)` in the asker's zone, or why there is none. */
export type WindowResult =
  | { ok: true; from: DateTime; to: DateTime }
  | { ok: false; message: string; replacement?: string };

const ISO_INSTANT =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DAYS_PER_UNIT: Record<PeriodUnit, number> = {
  days: 1,
  weeks: 7,
  months: 28,
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
  return span.ok ? limitWindow(span.span, phrase, clock) : span;
}

function toSpan(
  spec: PeriodSpec,
  phrase: string,
  clock: PeriodClock,
): DaySpanResult | { ok: false; message: string; replacement: string } {
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
      const first = resolveLatestDay(spec.first, today, phrase);
      return first.ok ? { ok: true, span: { start: first.span.start, end: now } } : first;
    }
    case 'days': {
      const first = resolveLatestDay(spec.first, today, phrase);
      if (!first.ok || !spec.last) return first;
      const last = resolveDayFrom(spec.last, first.span.start, today, phrase);
      if (!last.ok) return last;
      if (last.span.end <= first.span.start) {
        // The example is the same days the right way round.
        const from = last.span.start.toISODate();
        const to = first.span.end.minus({ days: 1 }).toISODate();
        return { ok: false, message: `"${phrase}" ends before it starts.`, replacement: `${from}..${to}` };
      }
      return { ok: true, span: { start: first.span.start, end: last.span.end } };
    }
    case 'instants':
      return { ok: false, message: `"${phrase}" is not a period.` };
  }
}

function namedSpan(name: NamedPeriod, clock: PeriodClock): DaySpan {
  const { today } = clock;
  const weekOffset = clock.weekStart === 'sunday' ? today.weekday % 7 : today.weekday - 1;
  const week = today.minus({ days: weekOffset }).startOf('day');
  const month = today.startOf('month');
  const year = today.startOf('year');
  switch (name) {
    case 'last-workday': {
      let day = today.minus({ days: 1 }).startOf('day');
      while (day.weekday > 5) day = day.minus({ days: 1 }).startOf('day');
      return { start: day, end: day.plus({ days: 1 }).startOf('day') };
    }
    case 'this-week':
      return { start: week, end: clock.now };
    case 'last-week':
      return { start: week.minus({ weeks: 1 }).startOf('day'), end: week };
    case 'this-month':
      return { start: month, end: clock.now };
    case 'last-month':
      return { start: month.minus({ months: 1 }).startOf('day'), end: month };
    case 'this-year':
      return { start: year, end: clock.now };
    case 'last-year':
      return { start: year.minus({ years: 1 }).startOf('day'), end: year };
  }
}

function resolveInstants(
  spec: PeriodSpec & { kind: 'instants' },
  phrase: string,
  clock: PeriodClock,
): WindowResult {
  const from = parseInstant(spec.from, clock);
  if (!from) return badInstant('from', spec.from);
  const to = spec.to === undefined ? clock.now : parseInstant(spec.to, clock);
  if (!to) return badInstant('to', spec.to ?? '');
  if (to <= from) return { ok: false, message: `"from=${spec.from}" must be before "to=${spec.to}".` };
  return limitWindow({ start: from, end: to }, phrase, clock);
}

/** An ISO date or date-time; without an offset it is in the asker's zone. */
function parseInstant(text: string, clock: PeriodClock): DateTime | undefined {
  if (!ISO_INSTANT.test(text)) return undefined;
  const parsed = DateTime.fromISO(text.replace(' ', 'T').toUpperCase(), { zone: clock.now.zone });
  return parsed.isValid ? parsed : undefined;
}

function badInstant(key: 'from' | 'to', value: string): WindowResult {
  return {
    ok: false,
    message: `"${key}=${value}" is not valid: ${key} must be an ISO date-time such as ${key}=2026-11-01T08:00 (in your time zone) or ${key}=2026-11-01T07:00Z.`,
  };
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
  if (to.diff(span.start, 'days').days > clock.maxPeriodDays) return tooLong(phrase, clock);
  return { ok: true, from: span.start, to };
}

function tooLong(phrase: string, clock: PeriodClock): WindowResult {
  const max = clock.maxPeriodDays;
  return {
    ok: false,
    message: `"${phrase}" is too long: a period may cover at most ${max} days.`,
    replacement: `last ${max} days`,
  };
}
