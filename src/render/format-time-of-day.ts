const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/**
 * A report time as a person reads it, `Fri 20 Nov 14:03`. Report times carry the report zone's
 * offset, so their local digits are already in that zone; nothing is converted. Text that is not
 * an ISO date-time comes back unchanged.
 */
export function formatTimeOfDay(isoTime: string): string {
  const match = ISO_LOCAL.exec(isoTime);
  if (!match) return isoTime;
  const [, year, month, day, hour, minute] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const monthName = MONTHS[month - 1];
  if (!monthName || day < 1 || day > 31) return isoTime;
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  const twoDigits = (value: number) => String(value).padStart(2, '0');
  return `${weekday} ${day} ${monthName} ${twoDigits(hour)}:${twoDigits(minute)}`;
}
