import type { DateTime } from 'luxon';
import type { DaySpec } from './command-types';

/** Whole local days `[start, end)`: one day, or a month for a month name. */
export interface DaySpan {
  start: DateTime;
  end: DateTime;
}

/** A span, or why the words do not name one. */
export type DaySpanResult = { ok: true; span: DaySpan } | { ok: false; message: string };

const YEARS_TO_SEARCH = 8;

/**
 * Places a day on the calendar as the most recent one that is not in the future (`today` is the
 * start of the asker's current local day, in their zone).
 */
export function resolveLatestDay(spec: DaySpec, today: DateTime, phrase: string): DaySpanResult {
  switch (spec.kind) {
    case 'relative':
      return dayAt(today.plus({ days: spec.offsetDays }));
    case 'weekday': {
      const back = (today.weekday - spec.weekday + 7) % 7;
      return dayAt(today.minus({ days: back === 0 && spec.beforeToday ? 7 : back }));
    }
    case 'date': {
      if (spec.year !== undefined) return dateIn(spec.year, spec.month, spec.day, today, phrase);
      for (let year = today.year; year > today.year - YEARS_TO_SEARCH; year--) {
        const candidate = today.set({ year, month: spec.month, day: 1 }).set({ day: spec.day });
        if (candidate.month === spec.month && candidate.day === spec.day && candidate <= today)
          return dayAt(candidate);
      }
      return { ok: false, message: `"${phrase}" is not a date in the last ${YEARS_TO_SEARCH} years.` };
    }
    case 'month': {
      const thisYear = today.set({ month: spec.month, day: 1 });
      const year = spec.year ?? (thisYear <= today ? today.year : today.year - 1);
      return monthAt(today.set({ year, month: spec.month, day: 1 }));
    }
    case 'day-of-month':
      return { ok: false, message: `"${phrase}" needs a month, e.g. "nov ${spec.day}".` };
  }
}

/**
 * Places the end of a range: the first such day on or after the range's start (`dec 20 - jan 5`
 * crosses the year; `monday - wednesday` is the Wednesday after that Monday).
 */
export function resolveDayFrom(
  spec: DaySpec,
  anchor: DateTime,
  today: DateTime,
  phrase: string,
): DaySpanResult {
  switch (spec.kind) {
    case 'weekday':
      if (spec.beforeToday) return resolveLatestDay(spec, today, phrase);
      return dayAt(anchor.plus({ days: (spec.weekday - anchor.weekday + 7) % 7 }));
    case 'date': {
      const year = spec.year ?? (spec.month < anchor.month ? anchor.year + 1 : anchor.year);
      return dateIn(year, spec.month, spec.day, today, phrase);
    }
    case 'month': {
      const year = spec.year ?? (spec.month < anchor.month ? anchor.year + 1 : anchor.year);
      return monthAt(anchor.set({ year, month: spec.month, day: 1 }));
    }
    default:
      return resolveLatestDay(spec, today, phrase);
  }
}

function dateIn(year: number, month: number, day: number, today: DateTime, phrase: string): DaySpanResult {
  const candidate = today.set({ year, month, day: 1 }).set({ day });
  if (!candidate.isValid || candidate.month !== month || candidate.day !== day) {
    return { ok: false, message: `"${phrase}" is not a date in ${year}.` };
  }
  return dayAt(candidate);
}

function dayAt(day: DateTime): DaySpanResult {
  const start = day.startOf('day');
  return { ok: true, span: { start, end: start.plus({ days: 1 }).startOf('day') } };
}

function monthAt(first: DateTime): DaySpanResult {
  const start = first.startOf('month');
  return { ok: true, span: { start, end: start.plus({ months: 1 }).startOf('day') } };
}
