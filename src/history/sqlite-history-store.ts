import type { Database } from 'better-sqlite3';
import type { HistoryStats, HistoryStore, PbxHistory, StoredDay, UtcDay } from './history-store';
import {
  checkPbx,
  checkStoredDay,
  checkUtcDay,
  type HistoryDayColumns,
  type HistoryStatsColumns,
  historyStatsSelect,
  inOrderAsked,
  pbxHistoryStatements,
  putDayParams,
  toDayChecked,
  toHistoryStats,
  toStoredDay,
} from './history-store-rows';

type DayRow = HistoryDayColumns<number>;

const fromTime = (value: number) => new Date(value);
const toTime = (at: Date) => at.getTime();
const STATS = historyStatsSelect('length');
const SQL = pbxHistoryStatements(() => '?');

/**
 * Closed days of the call log in the schedule store's SQLite file (the same connection:
 * `SqliteScheduleStore` opens, migrates and closes it). A day is one row, written by one
 * statement in an immediate transaction, so readers (other connections included) see it whole or
 * not at all, and of two processes storing the same day at once one writes it and the other finds
 * it there. Deleted legs do not linger in the file: `secure_delete` zeroes the freed pages, and the
 * write-ahead log, which still holds the pages as written, is checkpointed and truncated after
 * each deletion (and each replaced day).
 */
export class SqliteHistoryStore implements HistoryStore {
  constructor(private readonly db: Database) {
    // Per connection; the alert store turns it on too (the same connection).
    db.pragma('secure_delete = ON');
  }

  forPbx(pbx: string): PbxHistory {
    return new SqlitePbxHistory(this.db, checkPbx(pbx));
  }

  async purge(): Promise<HistoryStats> {
    const purge = this.db.transaction(() => {
      const stats = toHistoryStats(this.db.prepare(STATS).get() as HistoryStatsColumns | undefined);
      this.db.prepare('DELETE FROM history_days').run();
      return stats;
    });
    const deleted = purge.immediate();
    if (deleted.days > 0) dropDeletedPages(this.db);
    return deleted;
  }

  async stats(): Promise<HistoryStats> {
    return toHistoryStats(this.db.prepare(STATS).get() as HistoryStatsColumns | undefined);
  }
}

/** One PBX's days on the store's connection. */
class SqlitePbxHistory implements PbxHistory {
  constructor(
    private readonly db: Database,
    readonly pbx: string,
  ) {}

  async getDays(days: readonly UtcDay[]): Promise<StoredDay[]> {
    if (days.length === 0) return [];
    const unique = [...new Set(days)];
    const rows = this.db
      .prepare(`SELECT * FROM history_days WHERE pbx = ? AND day IN (${unique.map(() => '?').join(', ')})`)
      .all(this.pbx, ...unique) as DayRow[];
    return inOrderAsked(
      days,
      rows.map((row) => toStoredDay(row, fromTime)),
    );
  }

  /**
   * Whether a day was there before is read in the same immediate transaction: when the write
   * replaced it (`replace`, or another PBX's day), its legs are dropped from the log too.
   */
  async putDay(
    day: Omit<StoredDay, 'checkedAt'>,
    options: { replace?: boolean } = {},
  ): Promise<'written' | 'exists'> {
    checkStoredDay(day);
    const params = putDayParams(this.pbx, day, toTime);
    const put = this.db.transaction(() => {
      const stored = this.db.prepare('SELECT 1 FROM history_days WHERE day = ?').get(day.day) !== undefined;
      const written = this.db.prepare(SQL.putDay(options.replace)).run(...params).changes === 1;
      return { written, replaced: stored && written };
    });
    const { written, replaced } = put.immediate();
    if (replaced) dropDeletedPages(this.db);
    return written ? 'written' : 'exists';
  }

  async markChecked(day: UtcDay, at: Date): Promise<void> {
    this.db.prepare(SQL.markChecked).run(toTime(at), this.pbx, day);
  }

  async listDaysSince(fromDay: UtcDay): Promise<Array<{ day: UtcDay; pbxCount: number; checkedAt: Date }>> {
    checkUtcDay(fromDay);
    const rows = this.db.prepare(SQL.listDaysSince).all(this.pbx, fromDay) as Pick<
      DayRow,
      'day' | 'pbx_count' | 'checked_at'
    >[];
    return rows.map((row) => toDayChecked(row, fromTime));
  }

  async deleteDay(day: UtcDay): Promise<boolean> {
    checkUtcDay(day);
    return this.deleted(this.db.prepare(SQL.deleteDay).run(this.pbx, day).changes) === 1;
  }

  async deleteDaysBefore(day: UtcDay): Promise<number> {
    checkUtcDay(day);
    return this.deleted(this.db.prepare(SQL.deleteDaysBefore).run(day).changes);
  }

  async deleteOtherPbxDays(): Promise<number> {
    return this.deleted(this.db.prepare(SQL.deleteOtherPbxDays).run(this.pbx).changes);
  }

  /** After a deletion of `count` days: drops their legs from the log when there were any. */
  private deleted(count: number): number {
    if (count > 0) dropDeletedPages(this.db);
    return count;
  }
}

/**
 * The log still holds the deleted legs' pages as they were written: copy the (zeroed) pages
 * into the file and truncate the log. When another connection is reading, the checkpoint stops
 * short and the log is emptied by a later one; it never fails the deletion.
 */
function dropDeletedPages(db: Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
