import type { Database } from 'better-sqlite3';
import type { HistoryStats, HistoryStore, StoredDay, UtcDay } from './history-store';
import {
  checkStoredDay,
  checkUtcDay,
  type HistoryDayColumns,
  type HistoryStatsColumns,
  historyStatsSelect,
  inOrderAsked,
  onStoredDay,
  toHistoryStats,
  toStoredDay,
} from './history-store-rows';

type DayRow = HistoryDayColumns<number>;

const fromTime = (value: number) => new Date(value);
const STATS = historyStatsSelect('length');

/**
 * Closed days of the call log in the schedule store's SQLite file (the same connection:
 * `SqliteScheduleStore` opens, migrates and closes it). A day is one row, written by one
 * statement in an immediate transaction, so readers (other connections included) see it whole or
 * not at all, and of two processes storing the same day at once one writes it and the other finds
 * it there. Deleted legs do not linger in the file: `secure_delete` zeroes the freed pages, and the
 * write-ahead log, which still holds the pages as written, is checkpointed and truncated after
 * each deletion.
 */
export class SqliteHistoryStore implements HistoryStore {
  constructor(private readonly db: Database) {
    // Per connection; the alert store turns it on too (the same connection).
    db.pragma('secure_delete = ON');
  }

  async getDays(days: readonly UtcDay[]): Promise<StoredDay[]> {
    if (days.length === 0) return [];
    const unique = [...new Set(days)];
    const rows = this.db
      .prepare(`SELECT * FROM history_days WHERE day IN (${unique.map(() => '?').join(', ')})`)
      .all(...unique) as DayRow[];
    return inOrderAsked(
      days,
      rows.map((row) => toStoredDay(row, fromTime)),
    );
  }

  async putDay(
    day: Omit<StoredDay, 'checkedAt'>,
    options: { replace?: boolean } = {},
  ): Promise<'written' | 'exists'> {
    checkStoredDay(day);
    const { legs } = day;
    const values = {
      day: day.day,
      legs: Buffer.from(legs.buffer, legs.byteOffset, legs.byteLength),
      leg_count: day.legCount,
      pbx_count: day.pbxCount,
      stored_at: day.storedAt.getTime(),
    };
    const put = this.db.transaction(
      () =>
        this.db
          .prepare(
            `INSERT INTO history_days (day, legs, leg_count, pbx_count, stored_at, checked_at)
             VALUES (@day, @legs, @leg_count, @pbx_count, @stored_at, @stored_at)
             ${onStoredDay(options.replace)}`,
          )
          .run(values).changes,
    );
    const changed = put.immediate() === 1;
    if (changed && options.replace) this.dropDeletedPages();
    return changed ? 'written' : 'exists';
  }

  async markChecked(day: UtcDay, at: Date): Promise<void> {
    this.db.prepare('UPDATE history_days SET checked_at = ? WHERE day = ?').run(at.getTime(), day);
  }

  async listDaysSince(fromDay: UtcDay): Promise<Array<{ day: UtcDay; pbxCount: number; checkedAt: Date }>> {
    checkUtcDay(fromDay);
    const rows = this.db
      .prepare('SELECT day, pbx_count, checked_at FROM history_days WHERE day >= ? ORDER BY day')
      .all(fromDay) as Pick<DayRow, 'day' | 'pbx_count' | 'checked_at'>[];
    return rows.map((row) => ({
      day: row.day,
      pbxCount: row.pbx_count,
      checkedAt: fromTime(row.checked_at),
    }));
  }

  async deleteDaysBefore(day: UtcDay): Promise<number> {
    checkUtcDay(day);
    const deleted = this.db.prepare('DELETE FROM history_days WHERE day < ?').run(day).changes;
    if (deleted > 0) this.dropDeletedPages();
    return deleted;
  }

  async purge(): Promise<HistoryStats> {
    const purge = this.db.transaction(() => {
      const stats = toHistoryStats(this.db.prepare(STATS).get() as HistoryStatsColumns | undefined);
      this.db.prepare('DELETE FROM history_days').run();
      return stats;
    });
    const deleted = purge.immediate();
    if (deleted.days > 0) this.dropDeletedPages();
    return deleted;
  }

  async stats(): Promise<HistoryStats> {
    return toHistoryStats(this.db.prepare(STATS).get() as HistoryStatsColumns | undefined);
  }

  /**
   * The log still holds the deleted legs' pages as they were written: copy the (zeroed) pages
   * into the file and truncate the log. When another connection is reading, the checkpoint stops
   * short and the log is emptied by a later one; it never fails the deletion.
   */
  private dropDeletedPages(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
