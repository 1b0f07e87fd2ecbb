/**
 * Closed days of the call log, kept in the store (issue 20): the legs of one UTC day, compact
 * (`day-legs-layout.ts`), written once the day is closed from a complete, de-duplicated read.
 * SQLite by default, PostgreSQL for replicas (the same `DATABASE_URL` as digests and alerts);
 * both pass the same contract tests. A day is written whole or not at all: readers never see
 * half a day, and one writer wins when several replicas write the same day.
 */

/** A UTC day as `YYYY-MM-DD`. */
export type UtcDay = string;

/** One stored day. */
export interface StoredDay {
  day: UtcDay;
  /** The encoded legs (`encodeDayLegs`). */
  legs: Uint8Array;
  /** How many legs (rows) the day holds. */
  legCount: number;
  /** The PBX's `@odata.count` for the day when it was read (what the background check compares). */
  pbxCount: number;
  /** When it was written, and when the background check last found it equal to the PBX's count. */
  storedAt: Date;
  checkedAt: Date;
}

/** What `history` shows (JSON `"history": {"days", "legs", "bytes", "oldestDay", "newestDay"}`). */
export interface HistoryStats {
  days: number;
  legs: number;
  /** Bytes of the encoded legs held. */
  bytes: number;
  oldestDay: UtcDay | null;
  newestDay: UtcDay | null;
}

/**
 * The days read from one PBX (what reports and the background check use). Every day is stored with
 * the PBX it was read from (`pbx`: the PBX's URL, or the demo PBX's fingerprint), and only that
 * PBX's days are ever read back: a store pointed at another PBX answers nothing from the old one.
 */
export interface PbxHistory {
  readonly pbx: string;
  /** This PBX's stored days among `days` (missing ones, and other PBXs', are simply absent), in the order asked. */
  getDays(days: readonly UtcDay[]): Promise<StoredDay[]>;
  /**
   * Stores a day whole, in one transaction. `written` when this PBX's day was not stored yet (a day
   * stored from another PBX is replaced); `exists` when another writer stored it first (nothing
   * changes). `replace: true` (the background check found the PBX's count changed) replaces what
   * is there.
   */
  putDay(day: Omit<StoredDay, 'checkedAt'>, options?: { replace?: boolean }): Promise<'written' | 'exists'>;
  /** The background check found the day still equal to the PBX's count (nothing when it is not this PBX's). */
  markChecked(day: UtcDay, at: Date): Promise<void>;
  /** This PBX's stored days from `fromDay` on (inclusive) with when they were last checked, oldest first. */
  listDaysSince(fromDay: UtcDay): Promise<Array<{ day: UtcDay; pbxCount: number; checkedAt: Date }>>;
  /** Deletes this PBX's day (it changed and could not be read again); whether there was one. */
  deleteDay(day: UtcDay): Promise<boolean>;
  /** Deletes the days before `day` (HISTORY_DAYS), whichever PBX they came from; returns how many. */
  deleteDaysBefore(day: UtcDay): Promise<number>;
  /** Deletes the days read from any other PBX (the bot was pointed elsewhere); returns how many. */
  deleteOtherPbxDays(): Promise<number>;
}

export interface HistoryStore {
  /** The days of one PBX. */
  forPbx(pbx: string): PbxHistory;
  /** Deletes everything (`history purge confirm`), every PBX's, in one transaction; returns what it deleted. */
  purge(): Promise<HistoryStats>;
  /** What is kept, every PBX's. */
  stats(): Promise<HistoryStats>;
}
