import { DateTime } from 'luxon';

/** A calendar day in the company's zone, numbered like epoch days (1970-01-01 = 0). */
export interface LocalDay {
  dayNumber: number;
  /** `YYYY-MM-DD`. */
  date: string;
  /** 1 = Monday ... 7 = Sunday. */
  weekday: number;
  startMs: number;
  endMs: number;
  /** UTC instants of the 24 local hour starts (a DST gap repeats an instant; a DST fold skips one). */
  hourStartsMs: number[];
}

const DAY_MS = 86_400_000;

/** The local day number containing the instant `ms`. */
export function localDayNumberOf(ms: number, timeZone: string): number {
  const local = DateTime.fromMillis(ms, { zone: timeZone });
  return Math.round(Date.UTC(local.year, local.month - 1, local.day) / DAY_MS);
}

/** Resolves a local day number into its instants. */
export function describeLocalDay(dayNumber: number, timeZone: string): LocalDay {
  const utcDate = new Date(dayNumber * DAY_MS);
  const start = DateTime.fromObject(
    { year: utcDate.getUTCFullYear(), month: utcDate.getUTCMonth() + 1, day: utcDate.getUTCDate() },
    { zone: timeZone },
  );
  const hourStartsMs: number[] = [];
  for (let hour = 0; hour < 24; hour += 1) hourStartsMs.push(start.set({ hour }).toMillis());
  return {
    dayNumber,
    date: utcDate.toISOString().slice(0, 10),
    weekday: start.weekday,
    startMs: start.toMillis(),
    endMs: start.plus({ days: 1 }).toMillis(),
    hourStartsMs,
  };
}

/** The instant of `secondOfDay` local seconds after midnight (fractions allowed). */
export function localSecondToMs(day: LocalDay, secondOfDay: number): number {
  const hour = Math.min(23, Math.floor(secondOfDay / 3600));
  const hourStart = day.hourStartsMs[hour] ?? day.startMs;
  return Math.round(hourStart + (secondOfDay - hour * 3600) * 1000);
}
