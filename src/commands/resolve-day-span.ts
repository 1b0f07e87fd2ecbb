import { DateTime } from 'luxon';
import type { Assumption } from '../core/report-request';
import type { DaySpec } from './command-types';
import { holidayDate } from './natural/find-holiday';

/** Whole local days `[start, end)`: one day, or a month for a month name. */
export interface DaySpan {
  start: DateTime;
  end: DateTime;
}

/** A span, or why the words do not name one. */
export type DaySpanResult = { ok: true; span: DaySpan } | { ok: false; message: string };

/** What placing a day needs: the start of the asker's day, their week, and where to note assumptions. */
export interface DayClock {
  today: DateTime;
  weekStart: 'monday' | 'sunday';
  assumptions?: Assumption[];
}

const YEARS_TO_SEARCH = 8;
const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Places a day on the calendar as the most recent one that is not in the future (`today` is the
 * start of the asker's current local day, in their zone).
 */
export function resolveLatestDay(spec: DaySpec, clock: DayClock, phrase: string): DaySpanResult {
  const { today } = clock;
  switch (spec.kind) {
    case 'relative':
      return dayAt(today.plus({ days: spec.offsetDays }));
    case 'weekday': {
      if (spec.weekOffset !== undefined) return dayAt(weekdayInWeek(spec.weekday, spec.weekOffset, clock));
      const back = (today.weekday - spec.weekday + 7) % 7;
      const day = today.minus({ days: back === 0 && spec.beforeToday ? 7 : back });
      if (!spec.beforeToday)
        note(
          clock,
          'latest-weekday',
          `${phrase} read as ${day.toFormat('ccc d LLL yyyy', { locale: 'en-GB' })}, the most recent one`,
        );
      return dayAt(day);
    }
    case 'date': {
      const found = latestDate(spec, clock, phrase);
      if (!found.ok) return found;
      if (spec.weekday !== undefined && found.span.start.weekday !== spec.weekday) {
        const date = found.span.start.toFormat('d LLL yyyy', { locale: 'en-GB' });
        return {
          ok: false,
          message: `"${phrase}": ${date} is a ${WEEKDAY_NAMES[found.span.start.weekday]}, not a ${WEEKDAY_NAMES[spec.weekday]}.`,
        };
      }
      return found;
    }
    case 'month': {
      const thisYear = today.set({ month: spec.month, day: 1 });
      const year = spec.year ?? (thisYear <= today ? today.year : today.year - 1);
      if (spec.year === undefined && year !== today.year)
        note(
          clock,
          'latest-year',
          `${phrase} read as ${monthName(spec.month)} ${year}, the latest not in the future`,
        );
      return monthAt(today.set({ year, month: spec.month, day: 1 }));
    }
    case 'ordinal-day': {
      for (let back = 0; back < 12; back++) {
        const month = today.startOf('month').minus({ months: back });
        const candidate = month.set({ day: spec.day });
        if (candidate.day === spec.day && candidate <= today) {
          note(
            clock,
            'day-of-month',
            `${phrase} read as ${candidate.toFormat('ccc d LLL yyyy', { locale: 'en-GB' })}, the latest not in the future`,
          );
          return dayAt(candidate);
        }
      }
      return { ok: false, message: `"${phrase}" is not a day of a recent month.` };
    }
    case 'holiday':
      return latestHoliday(spec, clock, phrase);
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
  clock: DayClock,
  phrase: string,
): DaySpanResult {
  switch (spec.kind) {
    case 'weekday':
      if (spec.beforeToday || spec.weekOffset !== undefined) return resolveLatestDay(spec, clock, phrase);
      return dayAt(anchor.plus({ days: (spec.weekday - anchor.weekday + 7) % 7 }));
    case 'date': {
      const year = spec.year ?? (spec.month < anchor.month ? anchor.year + 1 : anchor.year);
      return dateIn(year, spec.month, spec.day, clock.today, phrase);
    }
    case 'month': {
      const year = spec.year ?? (spec.month < anchor.month ? anchor.year + 1 : anchor.year);
      return monthAt(anchor.set({ year, month: spec.month, day: 1 }));
    }
    default:
      return resolveLatestDay(spec, clock, phrase);
  }
}

/** The first day of the asker's week (`WEEK_START`) `offset` weeks from this one. */
export function weekStartAt(offset: number, clock: DayClock): DateTime {
  return weekStartOf(clock.today, clock.weekStart).plus({ weeks: offset }).startOf('day');
}

/** The start (local midnight) of the week, by `weekStart`, that holds `day`. */
export function weekStartOf(day: DateTime, weekStart: DayClock['weekStart']): DateTime {
  const back = weekStart === 'sunday' ? day.weekday % 7 : day.weekday - 1;
  return day.minus({ days: back }).startOf('day');
}

function weekdayInWeek(weekday: number, offset: number, clock: DayClock): DateTime {
  const start = weekStartAt(offset, clock);
  return start.plus({ days: (weekday - start.weekday + 7) % 7 }).startOf('day');
}

function latestDate(spec: DaySpec & { kind: 'date' }, clock: DayClock, phrase: string): DaySpanResult {
  const { today } = clock;
  if (spec.year !== undefined) return dateIn(spec.year, spec.month, spec.day, today, phrase);
  for (let year = today.year; year > today.year - YEARS_TO_SEARCH; year--) {
    const candidate = today.set({ year, month: spec.month, day: 1 }).set({ day: spec.day });
    if (candidate.month === spec.month && candidate.day === spec.day && candidate <= today) {
      note(
        clock,
        'latest-year',
        `${phrase} read as ${candidate.toFormat('ccc d LLL yyyy', { locale: 'en-GB' })}, the latest not in the future`,
      );
      return dayAt(candidate);
    }
  }
  return { ok: false, message: `"${phrase}" is not a date in the last ${YEARS_TO_SEARCH} years.` };
}

function latestHoliday(spec: DaySpec & { kind: 'holiday' }, clock: DayClock, phrase: string): DaySpanResult {
  const { today } = clock;
  const years = spec.year !== undefined ? [spec.year] : [today.year, today.year - 1, today.year - 2];
  for (const year of years) {
    const date = holidayDate(spec.country, spec.name, year);
    if (!date) continue;
    const day = DateTime.fromISO(date, { zone: today.zone });
    if (day.isValid && (spec.year !== undefined || day <= today)) return dayAt(day);
  }
  return {
    ok: false,
    message: `"${phrase}" (${spec.name}) has no date I can use in ${spec.country}'s holidays.`,
  };
}

/** Notes an assumption once: both ends of `monday until 5pm` are on the one Monday. */
function note(clock: DayClock, code: string, text: string): void {
  const noted = clock.assumptions?.some((assumption) => assumption.code === code && assumption.text === text);
  if (!noted) clock.assumptions?.push({ code, text });
}

function monthName(month: number): string {
  return DateTime.utc(2026, month, 1).toFormat('LLLL', { locale: 'en-GB' });
}

function dateIn(year: number, month: number, day: number, today: DateTime, phrase: string): DaySpanResult {
  const candidate = today.set({ year, month, day: 1 }).set({ day });
  if (!candidate.isValid || candidate.month !== month || candidate.day !== day) {
    return { ok: false, message: `"${phrase}" is not a date in ${year}.` };
  }
  return dayAt(candidate);
}

export function dayAt(day: DateTime): DaySpanResult {
  const start = day.startOf('day');
  return { ok: true, span: { start, end: start.plus({ days: 1 }).startOf('day') } };
}

function monthAt(first: DateTime): DaySpanResult {
  const start = first.startOf('month');
  return { ok: true, span: { start, end: start.plus({ months: 1 }).startOf('day') } };
}
