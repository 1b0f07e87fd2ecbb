import { DateTime, type DurationLikeObject } from 'luxon';
import type { TimeWindow } from '../core/time-window';

/**
 * The period before or after a window, as a person means it: the day before a day, the month
 * before a month, the week before a week (also when the current one is cut at now: "today"
 * steps back to yesterday, "this week" to last week). Other windows step by their length.
 * The result is cut at `now`; it is undefined when it would start at or after `now` (the Next of
 * "today" or "past 3 hours"), so pass the clock the window was read with.
 */
export function shiftWindow(window: TimeWindow, direction: -1 | 1, now: Date): TimeWindow | undefined {
  const zone = window.timeZone;
  const from = DateTime.fromJSDate(window.from, { zone });
  const to = DateTime.fromJSDate(window.to, { zone });
  const step = calendarStep(from, to);
  const shiftedFrom = step
    ? from.plus(scale(step, direction))
    : from.plus((to.toMillis() - from.toMillis()) * direction);
  const shiftedTo = step ? shiftedFrom.plus(step) : shiftedFrom.plus(to.toMillis() - from.toMillis());
  if (shiftedFrom.toMillis() >= now.getTime()) return undefined;
  return {
    from: shiftedFrom.toJSDate(),
    to: new Date(Math.min(shiftedTo.toMillis(), now.getTime())),
    timeZone: zone,
  };
}

function calendarStep(from: DateTime, to: DateTime): DurationLikeObject | undefined {
  if (!isMidnight(from)) return undefined;
  if (isMidnight(to)) {
    if (from.day === 1 && to.day === 1) return { months: Math.round(to.diff(from, 'months').months) };
    return { days: Math.round(to.diff(from, 'days').days) };
  }
  // Cut at now: the named period it belongs to.
  if (to <= from.plus({ days: 1 })) return { days: 1 };
  if (to <= from.plus({ days: 7 }) && from.day !== 1) return { days: 7 };
  if (from.day === 1 && to <= from.plus({ months: 1 })) return { months: 1 };
  if (to <= from.plus({ days: 7 })) return { days: 7 };
  return undefined;
}

function isMidnight(time: DateTime): boolean {
  return time.hour === 0 && time.minute === 0 && time.second === 0 && time.millisecond === 0;
}

function scale(step: DurationLikeObject, factor: number): DurationLikeObject {
  return Object.fromEntries(Object.entries(step).map(([unit, value]) => [unit, (value as number) * factor]));
}
