import { DateTime } from 'luxon';
import { atHour } from './resolve-calendar-span';

/** A local time on a day as one instant, or why it is none. */
export type WallClockResult = { ok: true; at: DateTime } | { ok: false; message: string };

const DAY_MS = 86_400_000;

/**
 * `hour:minute` after a local midnight (hour 24 and more on the next days) as the one instant it
 * names. On the night of a daylight-saving change a time may name none (the clocks skipped it)
 * or two (the clocks went back over it): either reading would be a guess at the window (luxon
 * moves a skipped time on by the change and takes the first of two), so the time is refused.
 */
export function wallClockOn(midnight: DateTime, hour: number, minute: number): WallClockResult {
  const at = atHour(midnight, hour, minute);
  const before = midnight.zone.offset(at.toMillis() - DAY_MS);
  const after = midnight.zone.offset(at.toMillis() + DAY_MS);
  if (at.hour !== hour % 24 || at.minute !== minute) {
    return {
      ok: false,
      message: `${describeTime(midnight, hour, minute)}: the clocks went forward ${describeShift(after - before)} that night. Give a time after the change, e.g. "${at.toFormat('HH:mm')}".`,
    };
  }
  const wall = Date.UTC(at.year, at.month - 1, at.day, at.hour, at.minute);
  const other = [before, after]
    .map((offset) => wall - offset * 60_000)
    .find((ms) => ms !== at.toMillis() && sameWallTime(DateTime.fromMillis(ms, { zone: midnight.zone }), at));
  if (other !== undefined) {
    const [first, second] = [at, DateTime.fromMillis(other, { zone: midnight.zone })].sort(
      (a, b) => a.toMillis() - b.toMillis(),
    );
    return {
      ok: false,
      message: `${describeTime(midnight, hour, minute, 'happens twice')}: the clocks went back ${describeShift(before - after)} that night. Say which with from= or to= and its offset: ${isoMinutes(first!)} (the first) or ${isoMinutes(second!)} (the second).`,
    };
  }
  return { ok: true, at };
}

/** `02:30 does not exist on Sun 29 Mar 2026 in Europe/Berlin` (or `happens twice`). */
function describeTime(midnight: DateTime, hour: number, minute: number, what = 'does not exist'): string {
  const day = atHour(midnight, hour - (hour % 24)).toFormat('ccc d LLL yyyy', { locale: 'en-GB' });
  return `${pad(hour % 24)}:${pad(minute)} ${what} on ${day} in ${midnight.zoneName}`;
}

function sameWallTime(a: DateTime, b: DateTime): boolean {
  return a.hasSame(b, 'day') && a.hour === b.hour && a.minute === b.minute;
}

/** The size of a daylight-saving change, from the offsets (minutes) either side of it. */
function describeShift(minutes: number): string {
  if (minutes === 60) return 'an hour';
  return minutes % 60 === 0 ? `${minutes / 60} hours` : `${minutes} minutes`;
}

function isoMinutes(time: DateTime): string {
  return time.toISO({ suppressMilliseconds: true, suppressSeconds: true })!;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
