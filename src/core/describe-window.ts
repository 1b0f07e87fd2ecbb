import { DateTime } from 'luxon';
import type { TimeWindow } from './time-window';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The window as a person reads it, zone included. Whole local days (both ends at local midnight):
 * "Sun 22 Nov 2026", "Mon 16 – Sun 22 Nov 2026", "Mon 30 Nov – Sun 6 Dec 2026",
 * "Thu 31 Dec 2026 – Fri 1 Jan 2027". Other windows with times: "Tue 17 Nov 2026 08:00–12:00"
 * (an end at the next midnight reads 24:00), "Tue 17 Nov 08:00 – Wed 18 Nov 2026 10:30",
 * "Thu 31 Dec 2026 22:00 – Fri 1 Jan 2027 02:00". Times show seconds only when minutes would
 * make both ends look the same.
 */
export function describeWindow(window: TimeWindow): string {
  const zoned = DateTime.fromJSDate(window.from, { zone: window.timeZone });
  const zone = zoned.isValid ? window.timeZone : 'UTC';
  const from = DateTime.fromJSDate(window.from, { zone });
  const to = DateTime.fromJSDate(window.to, { zone });
  if (!from.isValid || !to.isValid) return `(no valid window) (${zone})`;
  const text =
    isMidnight(from) && isMidnight(to) && to > from ? describeDays(from, to) : describeTimes(from, to);
  return `${text} (${zone})`;
}

function describeDays(from: DateTime, to: DateTime): string {
  const last = to.minus({ days: 1 }).startOf('day');
  if (last.hasSame(from, 'day')) return `${dayMonth(from)} ${from.year}`;
  if (last.hasSame(from, 'month')) return `${weekday(from)} ${from.day} – ${dayMonth(last)} ${last.year}`;
  if (last.hasSame(from, 'year')) return `${dayMonth(from)} – ${dayMonth(last)} ${last.year}`;
  return `${dayMonth(from)} ${from.year} – ${dayMonth(last)} ${last.year}`;
}

function describeTimes(from: DateTime, to: DateTime): string {
  const endsAtNextMidnight =
    isMidnight(to) && to.minus({ milliseconds: 1 }).hasSame(from, 'day') && to > from;
  const sameDay = from.hasSame(to, 'day') || endsAtNextMidnight;
  const withSeconds = from.hasSame(to, 'day') && clock(from, false) === clock(to, false);
  const fromClock = clock(from, withSeconds);
  const toClock = endsAtNextMidnight ? (withSeconds ? '24:00:00' : '24:00') : clock(to, withSeconds);
  if (sameDay) return `${dayMonth(from)} ${from.year} ${fromClock}–${toClock}`;
  if (from.hasSame(to, 'year'))
    return `${dayMonth(from)} ${fromClock} – ${dayMonth(to)} ${to.year} ${toClock}`;
  return `${dayMonth(from)} ${from.year} ${fromClock} – ${dayMonth(to)} ${to.year} ${toClock}`;
}

function isMidnight(instant: DateTime): boolean {
  return instant.startOf('day').toMillis() === instant.toMillis();
}

function weekday(instant: DateTime): string {
  return WEEKDAYS[instant.weekday - 1] ?? '';
}

function dayMonth(instant: DateTime): string {
  return `${weekday(instant)} ${instant.day} ${MONTHS[instant.month - 1] ?? ''}`;
}

function clock(instant: DateTime, withSeconds: boolean): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const base = `${pad(instant.hour)}:${pad(instant.minute)}`;
  return withSeconds ? `${base}:${pad(instant.second)}` : base;
}
