import type { CallLogQuery } from '../core/call-log-source';
import { DEFAULT_CALL_LOG_PARAMETERS } from '../core/report-request';
import type { UtcDay } from './history-store';

/** A UTC day is exactly this long (JavaScript time has no leap seconds). */
export const UTC_DAY_MS = 86_400_000;
/** A UTC day counts as closed (its call log no longer changes) once its end plus this is past. */
export const CLOSED_AFTER_MS = 6 * 3_600_000;

/** The part of `[fromMs, toMs)` that lies in one UTC day. */
export interface UtcDayPiece {
  day: UtcDay;
  dayStartMs: number;
  dayEndMs: number;
  /** `[fromMs, toMs)`, within the day. */
  fromMs: number;
  toMs: number;
}

/** `YYYY-MM-DD` of the UTC day the instant lies in. */
export function utcDayOf(ms: number): UtcDay {
  return new Date(utcDayStartOf(ms)).toISOString().slice(0, 10);
}

/** Midnight UTC at or before the instant. */
export function utcDayStartOf(ms: number): number {
  return Math.floor(ms / UTC_DAY_MS) * UTC_DAY_MS;
}

/** Midnight UTC starting `day` (`YYYY-MM-DD`). */
export function utcDayStartMs(day: UtcDay): number {
  const ms = Date.parse(`${day}T00:00:00.000Z`);
  if (!Number.isFinite(ms) || utcDayOf(ms) !== day) throw new RangeError(`Not a UTC day: ${day}`);
  return ms;
}

/** `[fromMs, toMs)` cut at UTC midnights, in order; empty when `toMs <= fromMs`. */
export function splitAtUtcMidnights(fromMs: number, toMs: number): UtcDayPiece[] {
  const pieces: UtcDayPiece[] = [];
  for (let start = fromMs; start < toMs; ) {
    const dayStartMs = utcDayStartOf(start);
    const dayEndMs = dayStartMs + UTC_DAY_MS;
    const end = Math.min(dayEndMs, toMs);
    pieces.push({ day: utcDayOf(dayStartMs), dayStartMs, dayEndMs, fromMs: start, toMs: end });
    start = end;
  }
  return pieces;
}

/** Whether the UTC day starting at `dayStartMs` is closed at `nowMs` (its end plus 6 hours is past). */
export function isClosedDay(dayStartMs: number, nowMs: number): boolean {
  return dayStartMs + UTC_DAY_MS + CLOSED_AFTER_MS <= nowMs;
}

/**
 * The oldest UTC day HISTORY_DAYS keeps at `nowMs`: today's UTC day minus `historyDays` days.
 * Days before it are neither read from nor written to history, and the check deletes them.
 */
export function oldestHistoryDay(nowMs: number, historyDays: number): UtcDay {
  return utcDayOf(utcDayStartOf(nowMs) - Math.max(0, Math.floor(historyDays)) * UTC_DAY_MS);
}

/** The report query of one whole UTC day, with 3CX's default report parameters (what history stores). */
export function wholeDayQuery(day: UtcDay): CallLogQuery {
  return wholeDaysQuery(day, day);
}

/** A report query over the UTC days `first` to `last`, both whole, with 3CX's default parameters. */
export function wholeDaysQuery(first: UtcDay, last: UtcDay): CallLogQuery {
  return {
    from: new Date(utcDayStartMs(first)),
    to: new Date(utcDayStartMs(last) + UTC_DAY_MS),
    callLog: { ...DEFAULT_CALL_LOG_PARAMETERS },
  };
}
