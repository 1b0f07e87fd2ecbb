import { DateTime } from 'luxon';

/** `Mon 2 Nov 2026 08:00` in the zone; how digest lists and confirmations show times. */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).setLocale('en-GB').toFormat('ccc d LLL yyyy HH:mm');
}

/** `08:00` in the zone; how failure notices name the digest. */
export function formatLocalTime(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat('HH:mm');
}
