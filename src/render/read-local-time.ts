export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
export const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** The local digits of a report time (or a `YYYY-MM-DD` date), as written: nothing is converted. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday. */
  weekday: number;
  /** False for a bare date. */
  hasTime: boolean;
}

/**
 * Reads a report time's local digits: report times carry the report zone's offset, so their
 * digits are already that zone's. Null for text that is not an ISO date or date-time.
 */
export function readLocalTime(iso: string): LocalTime | null {
  const match = ISO_LOCAL.exec(iso);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, hour, minute, second, weekday, hasTime: match[4] !== undefined };
}

/** Whole local days from `from` to `to` (their dates only). */
export function daysBetween(from: LocalTime, to: LocalTime): number {
  return Math.round(
    (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000,
  );
}

export function isLocalMidnight(time: LocalTime): boolean {
  return time.hour === 0 && time.minute === 0 && time.second === 0;
}
