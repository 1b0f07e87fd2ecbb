import type { HistoryStats, StoredDay, UtcDay } from './history-store';

/** The columns of `history_days`, with the database's own type for times (`T`). */
export interface HistoryDayColumns<T> {
  day: string;
  legs: Uint8Array;
  leg_count: number;
  pbx_count: number;
  stored_at: T;
  checked_at: T;
}

/** What `stats()` selects, as the drivers give it (PostgreSQL's sums are strings). */
export interface HistoryStatsColumns {
  days: number | string;
  legs: number | string | null;
  bytes: number | string | null;
  oldest_day: string | null;
  newest_day: string | null;
}

/**
 * What `stats()` selects from `history_days`: days, legs, bytes of the encoded legs (`length` in
 * SQLite, `octet_length` in PostgreSQL) and the first and last day.
 */
export function historyStatsSelect(byteLength: 'length' | 'octet_length'): string {
  return `SELECT count(*) AS days, sum(leg_count) AS legs, sum(${byteLength}(legs)) AS bytes,
    min(day) AS oldest_day, max(day) AS newest_day FROM history_days`;
}

/** How `putDay` meets a day already stored: keeps it, or (`replace`) overwrites it whole. */
export function onStoredDay(replace: boolean | undefined): string {
  return replace
    ? `ON CONFLICT (day) DO UPDATE SET legs = excluded.legs, leg_count = excluded.leg_count,
         pbx_count = excluded.pbx_count, stored_at = excluded.stored_at, checked_at = excluded.checked_at`
    : 'ON CONFLICT (day) DO NOTHING';
}

/** `YYYY-MM-DD`: what a day is stored as (and what the table's CHECK accepts). */
const UTC_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Throws for a day that is not `YYYY-MM-DD`, or a negative or fractional count, before anything is written. */
export function checkStoredDay(day: Omit<StoredDay, 'checkedAt'>): void {
  checkUtcDay(day.day);
  for (const [name, value] of [
    ['legCount', day.legCount],
    ['pbxCount', day.pbxCount],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`history day ${day.day}: ${name} must be a whole number ≥ 0, not ${value}`);
    }
  }
}

export function checkUtcDay(day: UtcDay): void {
  if (!UTC_DAY.test(day)) throw new RangeError(`not a UTC day (YYYY-MM-DD): ${JSON.stringify(day)}`);
}

/** The row back as a `StoredDay` (the blob as a plain `Uint8Array` view, not a copy). */
export function toStoredDay<T>(row: HistoryDayColumns<T>, fromTime: (value: T) => Date): StoredDay {
  const { legs } = row;
  return {
    day: row.day,
    legs: new Uint8Array(legs.buffer, legs.byteOffset, legs.byteLength),
    legCount: Number(row.leg_count),
    pbxCount: Number(row.pbx_count),
    storedAt: fromTime(row.stored_at),
    checkedAt: fromTime(row.checked_at),
  };
}

export function toHistoryStats(row: HistoryStatsColumns | undefined): HistoryStats {
  return {
    days: Number(row?.days ?? 0),
    legs: Number(row?.legs ?? 0),
    bytes: Number(row?.bytes ?? 0),
    oldestDay: row?.oldest_day ?? null,
    newestDay: row?.newest_day ?? null,
  };
}

/** The days asked for, in the order asked (each once), from the rows found. */
export function inOrderAsked(days: readonly UtcDay[], found: readonly StoredDay[]): StoredDay[] {
  const byDay = new Map(found.map((day) => [day.day, day]));
  const seen = new Set<UtcDay>();
  const result: StoredDay[] = [];
  for (const day of days) {
    const stored = byDay.get(day);
    if (stored && !seen.has(day)) result.push(stored);
    seen.add(day);
  }
  return result;
}
