import { describeWindow } from '../core/describe-window';
import type { Report } from '../core/report';
import { formatCount, plural } from './format-number';
import { daysBetween, isLocalMidnight, type LocalTime, readLocalTime } from './read-local-time';

/**
 * Which period the ▲/▼ compare with, and its figures: `vs. the week before (Mon 9 – Sun 15 Nov
 * 2026): 60 calls, 52 answered, 5 missed`; null without a previous period.
 */
export function describePreviousPeriod(report: Report): string | null {
  const { previous } = report;
  if (!previous) return null;
  const { totals } = previous;
  const figures = `${plural(totals.calls, 'call')}, ${formatCount(totals.answered)} answered, ${formatCount(totals.missed)} missed`;
  return `vs. ${describeRelation(report.window, previous.window)} (${describeSpan(previous.window)}): ${figures}`;
}

/** A report window as a person reads it, without the zone: `Mon 9 – Sun 15 Nov 2026`. */
export function describeSpan(window: { from: string; to: string; timeZone: string }): string {
  const text = describeWindow({
    from: new Date(window.from),
    to: new Date(window.to),
    timeZone: window.timeZone,
  });
  const zone = text.lastIndexOf(' (');
  return zone > 0 ? text.slice(0, zone) : text;
}

/**
 * How the previous window relates to the current one: `the day before`, `the week before`, `the
 * month before`, `the 15 days before` for whole days; `the same time the day before` for a
 * period running until now; `the span just before` for hours.
 */
function describeRelation(current: Report['window'], previous: Report['window']): string {
  const [from, to, previousFrom, previousTo] = [current.from, current.to, previous.from, previous.to].map(
    readLocalTime,
  );
  if (!from || !to || !previousFrom || !previousTo) return 'the period before';
  const unit = calendarUnit(previousFrom, previousTo);
  if (isLocalMidnight(to) && isLocalMidnight(previousTo) && unit !== null) return `the ${unit} before`;
  if (previous.to === current.from || new Date(previous.to).getTime() === new Date(current.from).getTime())
    return 'the span just before';
  const shift = shiftUnit(previousFrom, from);
  return shift ? `the same time the ${shift} before` : 'the period before';
}

/** `day`, `week`, `month` or `N days` for a window of whole local days; null otherwise. */
function calendarUnit(from: LocalTime, to: LocalTime): string | null {
  if (!isLocalMidnight(from) || !isLocalMidnight(to)) return null;
  const days = daysBetween(from, to);
  if (days === 1) return 'day';
  if (days === 7) return 'week';
  if (from.day === 1 && to.day === 1 && to.year * 12 + to.month - (from.year * 12 + from.month) === 1)
    return 'month';
  return `${formatCount(days)} days`;
}

/** By how much the start moved back: a day, a week or a month; null for anything else. */
function shiftUnit(previousFrom: LocalTime, from: LocalTime): string | null {
  const days = daysBetween(previousFrom, from);
  if (days === 1) return 'day';
  if (days === 7) return 'week';
  if (
    previousFrom.day === from.day &&
    from.year * 12 + from.month - (previousFrom.year * 12 + previousFrom.month) === 1
  )
    return 'month';
  return null;
}
