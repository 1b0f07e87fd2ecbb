import { MONTHS, readLocalTime, WEEKDAYS } from './read-local-time';

/**
 * A report time as a person reads it, `Fri 20 Nov 14:03`. Report times carry the report zone's
 * offset, so their local digits are already in that zone; nothing is converted. Text that is not
 * an ISO date-time comes back unchanged.
 */
export function formatTimeOfDay(isoTime: string): string {
  const time = readLocalTime(isoTime);
  if (!time?.hasTime) return isoTime;
  const twoDigits = (value: number) => String(value).padStart(2, '0');
  return `${WEEKDAYS[time.weekday]} ${time.day} ${MONTHS[time.month - 1]} ${twoDigits(time.hour)}:${twoDigits(time.minute)}`;
}
