import type { Pool } from 'pg';
import { inPgTransaction } from '../schedule/postgres-transaction';
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

type DayRow = HistoryDayColumns<Date>;

const sameTime = (value: Date) => value;
const STATS = historyStatsSelect('octet_length');

/**
 * Closed days of the call log in the schedule store's PostgreSQL database, on its pool
 * (`PostgresScheduleStore` opens, migrates and closes it). A day is one row written by one
 * `INSERT … ON CONFLICT` (a transaction of its own): readers see it whole or not at all, and when
 * replicas store the same day at once the primary key makes one of them write it; the others wait
 * for its commit and find it there (`exists`).
 */
export class PostgresHistoryStore implements HistoryStore {
  constructor(private readonly pool: Pool) {}

  async getDays(days: readonly UtcDay[]): Promise<StoredDay[]> {
    if (days.length === 0) return [];
    const { rows } = await this.pool.query<DayRow>('SELECT * FROM history_days WHERE day = ANY($1::text[])', [
      [...new Set(days)],
    ]);
    return inOrderAsked(
      days,
      rows.map((row) => toStoredDay(row, sameTime)),
    );
  }

  async putDay(
    day: Omit<StoredDay, 'checkedAt'>,
    options: { replace?: boolean } = {},
  ): Promise<'written' | 'exists'> {
    checkStoredDay(day);
    const { legs } = day;
    const result = await this.pool.query(
      `INSERT INTO history_days (day, legs, leg_count, pbx_count, stored_at, checked_at)
       VALUES ($1, $2, $3, $4, $5, $5)
       ${onStoredDay(options.replace)}`,
      [
        day.day,
        Buffer.from(legs.buffer, legs.byteOffset, legs.byteLength),
        day.legCount,
        day.pbxCount,
        day.storedAt,
      ],
    );
    return result.rowCount === 1 ? 'written' : 'exists';
  }

  async markChecked(day: UtcDay, at: Date): Promise<void> {
    await this.pool.query('UPDATE history_days SET checked_at = $1 WHERE day = $2', [at, day]);
  }

  async listDaysSince(fromDay: UtcDay): Promise<Array<{ day: UtcDay; pbxCount: number; checkedAt: Date }>> {
    checkUtcDay(fromDay);
    const { rows } = await this.pool.query<Pick<DayRow, 'day' | 'pbx_count' | 'checked_at'>>(
      'SELECT day, pbx_count, checked_at FROM history_days WHERE day >= $1 ORDER BY day',
      [fromDay],
    );
    return rows.map((row) => ({ day: row.day, pbxCount: row.pbx_count, checkedAt: row.checked_at }));
  }

  async deleteDaysBefore(day: UtcDay): Promise<number> {
    checkUtcDay(day);
    const result = await this.pool.query('DELETE FROM history_days WHERE day < $1', [day]);
    return result.rowCount ?? 0;
  }

  async purge(): Promise<HistoryStats> {
    return inPgTransaction(this.pool, async (client) => {
      // Whatever is stored while the purge runs waits for it, and is not counted as deleted.
      await client.query('LOCK TABLE history_days IN EXCLUSIVE MODE');
      const { rows } = await client.query<HistoryStatsColumns>(STATS);
      await client.query('DELETE FROM history_days');
      return toHistoryStats(rows[0]);
    });
  }

  async stats(): Promise<HistoryStats> {
    const { rows } = await this.pool.query<HistoryStatsColumns>(STATS);
    return toHistoryStats(rows[0]);
  }
}
