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

/** Zone offsets change at whole quarter hours UTC in practice; a slot whose ends differ is read per instant. */
const OFFSET_SLOT_MS = 900_000;

/**
 * A reader of "milliseconds since local midnight" of instants in `timeZone` (0 to 86,399,999; a
 * DST fold's repeated hour reads as its wall-clock time). Offsets are cached per quarter hour, so
 * reading many calls costs a zone lookup per quarter hour they touch, not per call.
 */
export function createTimeOfDayReader(timeZone: string): (ms: number) => number {
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone: timeZone }).offset;
  return (ms) => {
    const slot = Math.floor(ms / OFFSET_SLOT_MS);
    let offsetMinutes = offsets.get(slot);
    if (offsetMinutes === undefined) {
      const first = offsetAt(slot * OFFSET_SLOT_MS);
      offsetMinutes = first === offsetAt((slot + 1) * OFFSET_SLOT_MS - 1) ? first : Number.NaN;
      offsets.set(slot, offsetMinutes);
    }
    const offsetMs = (Number.isNaN(offsetMinutes) ? offsetAt(ms) : offsetMinutes) * 60_000;
    const localMs = ms + offsetMs;
    return localMs - Math.floor(localMs / DAY_MS) * DAY_MS;
  };
}
