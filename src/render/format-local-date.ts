import type { TrendUnit } from '../core/answers';
import { MONTHS, readLocalTime, WEEKDAYS } from './read-local-time';

/** `Tue 3 Nov` for a report time or a `YYYY-MM-DD` date; other text unchanged. */
export function formatDay(iso: string): string {
  const time = readLocalTime(iso);
  return time ? `${WEEKDAYS[time.weekday]} ${time.day} ${MONTHS[time.month - 1]}` : iso;
}

/** A trend bucket by its start: `Mon 2 Nov` (day), `week of 2 Nov` (week), `Nov 2026` (month). */
export function formatBucket(iso: string, unit: TrendUnit): string {
  const time = readLocalTime(iso);
  if (!time) return iso;
  const month = MONTHS[time.month - 1];
  switch (unit) {
    case 'day':
      return `${WEEKDAYS[time.weekday]} ${time.day} ${month}`;
    case 'week':
      return `week of ${time.day} ${month}`;
    case 'month':
      return `${month} ${time.year}`;
  }
}

/** A local hour (0–23, as a number or its text) as the hour it spans: `09:00–10:00`. */
export function formatHourSpan(hour: string | number): string {
  const value = Number(hour);
  if (!Number.isInteger(value) || value < 0 || value > 23) return String(hour);
  const twoDigits = (part: number) => String(part).padStart(2, '0');
  return `${twoDigits(value)}:00–${twoDigits(value + 1)}:00`;
}
