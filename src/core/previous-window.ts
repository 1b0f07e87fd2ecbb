import { DateTime, type DurationLikeObject } from 'luxon';
import type { TimeWindow } from './time-window';

/**
 * The period a summary is compared with (product-spec "The previous period"): the window moved
 * back by its own calendar unit (a day, a week of 7 days, N days, N months: `last week` → the
 * week before, `nov 1 - nov 15` → the 15 days before, a quarter → the quarter before); a period
 * cut short at a time of day (`today`, `this week`, `this month` until now) → the same span of the
 * unit before (today until 10:00 → yesterday until 10:00); anything else (`past 3 hours`,
 * instants not at midnight) → the span of equal length just before. Local clock times are kept
 * across daylight-saving changes. Whole-day windows given as `from=`/`to=` read as days.
 */
export function previousWindow(window: TimeWindow): TimeWindow {
  const zone = window.timeZone;
  const from = DateTime.fromJSDate(window.from, { zone });
  const to = DateTime.fromJSDate(window.to, { zone });
  const step = calendarStep(from, to);
  if (step === undefined) {
    const lengthMs = window.to.getTime() - window.from.getTime();
    return { from: new Date(window.from.getTime() - lengthMs), to: window.from, timeZone: zone };
  }
  const previousTo = isMidnight(to) ? from : to.minus(step);
  return { from: from.minus(step).toJSDate(), to: previousTo.toJSDate(), timeZone: zone };
}

/** The calendar unit a window starting at local midnight spans (or is a cut-short part of). */
function calendarStep(from: DateTime, to: DateTime): DurationLikeObject | undefined {
  if (!isMidnight(from) || to <= from) return undefined;
  if (isMidnight(to)) {
    if (from.day === 1 && to.day === 1) return { months: Math.round(to.diff(from, 'months').months) };
    return { days: Math.round(to.diff(from, 'days').days) };
  }
  // Cut short at a time of day: the smallest named period that holds it.
  if (to <= from.plus({ days: 1 })) return { days: 1 };
  if (from.day === 1) {
    if (to <= from.plus({ months: 1 })) return { months: 1 };
    if ((from.month - 1) % 3 === 0 && to <= from.plus({ months: 3 })) return { months: 3 };
    if (from.month === 1 && to <= from.plus({ years: 1 })) return { years: 1 };
  }
  if (to <= from.plus({ days: 7 })) return { days: 7 };
  return undefined;
}

function isMidnight(time: DateTime): boolean {
  return time.startOf('day').toMillis() === time.toMillis();
}
