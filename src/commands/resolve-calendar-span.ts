import { DateTime } from 'luxon';
import type { NamedPeriod, PartOfDay, PeriodSpec } from './command-types';
import { type DayClock, type DaySpan, weekStartAt } from './resolve-day-span';

/**
 * Spans of the calendar's own units, in the asker's zone: named periods (`last quarter`), ISO weeks,
 * quarters, halves, years, weekends, `N weeks ago` and parts of a day. Without a year a unit is the
 * most recent one that has begun.
 */
export interface CalendarClock extends DayClock {
  now: DateTime;
}

export function namedSpan(name: NamedPeriod, clock: CalendarClock): DaySpan {
  const { today, now } = clock;
  const week = weekStartAt(0, clock);
  const month = today.startOf('month');
  const year = today.startOf('year');
  const quarter = today.startOf('quarter');
  switch (name) {
    case 'last-workday': {
      let day = today.minus({ days: 1 }).startOf('day');
      while (day.weekday > 5) day = day.minus({ days: 1 }).startOf('day');
      return { start: day, end: day.plus({ days: 1 }).startOf('day') };
    }
    case 'this-week':
      return { start: week, end: now };
    case 'last-week':
      return { start: week.minus({ weeks: 1 }).startOf('day'), end: week };
    case 'this-month':
      return { start: month, end: now };
    case 'last-month':
      return { start: month.minus({ months: 1 }).startOf('day'), end: month };
    case 'this-quarter':
      return { start: quarter, end: now };
    case 'last-quarter':
      return { start: quarter.minus({ months: 3 }).startOf('day'), end: quarter };
    case 'this-year':
      return { start: year, end: now };
    case 'last-year':
      return { start: year.minus({ years: 1 }).startOf('day'), end: year };
  }
}

/** `q3`, `h1 2026`, `week 48`, `2025`. */
export function calendarSpan(
  spec: PeriodSpec & { kind: 'calendar' },
  clock: CalendarClock,
): DaySpan | undefined {
  const inYear = (year: number): DaySpan | undefined => {
    const first = clock.today.set({ year, month: 1, day: 1 }).startOf('day');
    switch (spec.unit) {
      case 'year':
        return { start: first, end: first.plus({ years: 1 }).startOf('day') };
      case 'quarter': {
        const start = first.plus({ months: (spec.number - 1) * 3 }).startOf('day');
        return { start, end: start.plus({ months: 3 }).startOf('day') };
      }
      case 'half': {
        const start = first.plus({ months: (spec.number - 1) * 6 }).startOf('day');
        return { start, end: start.plus({ months: 6 }).startOf('day') };
      }
      case 'iso-week': {
        const monday = DateTime.fromObject(
          { weekYear: year, weekNumber: spec.number, weekday: 1 },
          { zone: clock.today.zone },
        );
        if (!monday.isValid || monday.weekNumber !== spec.number) return undefined;
        return { start: monday.startOf('day'), end: monday.plus({ weeks: 1 }).startOf('day') };
      }
    }
  };
  if (spec.unit === 'year') return inYear(spec.number);
  if (spec.year !== undefined) return inYear(spec.year);
  const current = inYear(clock.today.year);
  if (current && current.start <= clock.now) return current;
  return inYear(clock.today.year - 1);
}

/** `this weekend` (0), `last weekend` (-1): Saturday and Sunday; without an offset the latest begun. */
export function weekendSpan(offset: number | undefined, clock: CalendarClock): DaySpan {
  const { today } = clock;
  const saturdayThisWeek = today.plus({ days: 6 - today.weekday }).startOf('day');
  const weeks = offset ?? (saturdayThisWeek <= today ? 0 : -1);
  const start = saturdayThisWeek.plus({ weeks }).startOf('day');
  return { start, end: start.plus({ days: 2 }).startOf('day') };
}

/** `3 days ago` (that day), `2 weeks ago` (that week), `2 months ago` (that month), `a week ago` (that day). */
export function agoSpan(spec: PeriodSpec & { kind: 'ago' }, clock: CalendarClock): DaySpan {
  const { today } = clock;
  if (!spec.wholeUnit) {
    const day = today.minus({ [spec.unit]: spec.amount }).startOf('day');
    return { start: day, end: day.plus({ days: 1 }).startOf('day') };
  }
  if (spec.unit === 'weeks') {
    const start = weekStartAt(-spec.amount, clock);
    return { start, end: start.plus({ weeks: 1 }).startOf('day') };
  }
  const unit = spec.unit === 'months' ? 'month' : spec.unit === 'years' ? 'year' : 'day';
  const start = today
    .startOf(unit)
    .minus({ [spec.unit]: spec.amount })
    .startOf(unit);
  return { start, end: start.plus({ [spec.unit]: 1 }).startOf('day') };
}

const PART_HOURS: Record<PartOfDay, [number, number]> = {
  morning: [0, 12],
  afternoon: [12, 18],
  evening: [18, 24],
  night: [18, 30],
};

/** A part of one day: morning 00-12, afternoon 12-18, evening 18-24, night 18-06 the next day. */
export function partSpan(day: DaySpan, part: PartOfDay): DaySpan {
  const [from, to] = PART_HOURS[part];
  return { start: atHour(day.start, from), end: atHour(day.start, to) };
}

/** The instant `hour:minute` after a local midnight (hour 24 and more run into the next days). */
export function atHour(midnight: DateTime, hour: number, minute = 0): DateTime {
  const days = Math.floor(hour / 24);
  return midnight
    .plus({ days })
    .startOf('day')
    .set({ hour: hour % 24, minute });
}
