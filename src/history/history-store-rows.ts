import type { HistoryStats, StoredDay, UtcDay } from './history-store';

/** The columns of `history_days`, with the database's own type for times (`T`). */
export interface HistoryDayColumns<T> {
  pbx: string;
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

/** How a store writes its `position`th parameter (from 1): `?` in SQLite (bound in order), `$n` in PostgreSQL. */
export type Placeholder = (position: number) => string;

/**
 * The statements both stores run on one PBX's days, with their own placeholders; the parameters
 * go in the order they appear (`putDayParams` for `putDay`). Every one but `deleteDaysBefore`
 * names the PBX, so a store pointed at another PBX never reads, marks or deletes the old one's days.
 */
export function pbxHistoryStatements(p: Placeholder) {
  const params = (count: number) => Array.from({ length: count }, (_, index) => p(index + 1)).join(', ');
  return {
    putDay: (replace: boolean | undefined) =>
      `INSERT INTO history_days (pbx, day, legs, leg_count, pbx_count, stored_at, checked_at)
       VALUES (${params(7)}) ${onStoredDay(replace)}`,
    /** Parameters: when, pbx, day. */
    markChecked: `UPDATE history_days SET checked_at = ${p(1)} WHERE pbx = ${p(2)} AND day = ${p(3)}`,
    /** Parameters: pbx, first day. */
    listDaysSince: `SELECT day, pbx_count, checked_at FROM history_days WHERE pbx = ${p(1)} AND day >= ${p(2)}
      ORDER BY day`,
    /** Parameters: pbx, day. */
    deleteDay: `DELETE FROM history_days WHERE pbx = ${p(1)} AND day = ${p(2)}`,
    /** Parameter: the first day kept (every PBX's). */
    deleteDaysBefore: `DELETE FROM history_days WHERE day < ${p(1)}`,
    /** Parameter: the PBX whose days stay. */
    deleteOtherPbxDays: `DELETE FROM history_days WHERE pbx <> ${p(1)}`,
  };
}

/**
 * How `putDay` meets a day already stored: overwrites it whole when asked (`replace`) or when it
 * was read from another PBX (the bot now reads this one); otherwise keeps it (another replica of
 * this PBX stored it first), and the statement changes no row.
 */
function onStoredDay(replace: boolean | undefined): string {
  const update = `ON CONFLICT (day) DO UPDATE SET pbx = excluded.pbx, legs = excluded.legs,
    leg_count = excluded.leg_count, pbx_count = excluded.pbx_count, stored_at = excluded.stored_at,
    checked_at = excluded.checked_at`;
  return replace ? update : `${update} WHERE history_days.pbx <> excluded.pbx`;
}

/** `putDay`'s parameters, in its statement's order, with times as the database keeps them (`toTime`). */
export function putDayParams<T>(
  pbx: string,
  day: Omit<StoredDay, 'checkedAt'>,
  toTime: (at: Date) => T,
): unknown[] {
  const { legs } = day;
  const storedAt = toTime(day.storedAt);
  return [
    pbx,
    day.day,
    Buffer.from(legs.buffer, legs.byteOffset, legs.byteLength),
    day.legCount,
    day.pbxCount,
    storedAt,
    storedAt,
  ];
}

/** Throws for an empty PBX: every day must say which PBX it was read from. */
export function checkPbx(pbx: string): string {
  if (pbx.length === 0) throw new RangeError('history: the PBX a day is read from must not be empty');
  return pbx;
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

/** A row of `listDaysSince`. */
export function toDayChecked<T>(
  row: Pick<HistoryDayColumns<T>, 'day' | 'pbx_count' | 'checked_at'>,
  fromTime: (value: T) => Date,
): { day: UtcDay; pbxCount: number; checkedAt: Date } {
  return { day: row.day, pbxCount: Number(row.pbx_count), checkedAt: fromTime(row.checked_at) };
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
