import type { Pool } from 'pg';
import { inPgTransaction } from '../schedule/postgres-transaction';
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

type DayRow = HistoryDayColumns<Date>;

const sameTime = (value: Date) => value;
const STATS = historyStatsSelect('octet_length');
const SQL = pbxHistoryStatements((position) => `$${position}`);

/**
 * Closed days of the call log in the schedule store's PostgreSQL database, on its pool
 * (`PostgresScheduleStore` opens, migrates and closes it). A day is one row written by one
 * `INSERT … ON CONFLICT` (a transaction of its own): readers see it whole or not at all, and when
 * replicas store the same day at once the primary key makes one of them write it; the others wait
 * for its commit and find it there (`exists`).
 */
export class PostgresHistoryStore implements HistoryStore {
  constructor(private readonly pool: Pool) {}

  forPbx(pbx: string): PbxHistory {
    return new PostgresPbxHistory(this.pool, checkPbx(pbx));
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

/** One PBX's days on the store's pool. */
class PostgresPbxHistory implements PbxHistory {
  constructor(
    private readonly pool: Pool,
    readonly pbx: string,
  ) {}

  async getDays(days: readonly UtcDay[]): Promise<StoredDay[]> {
    if (days.length === 0) return [];
    const { rows } = await this.pool.query<DayRow>(
      'SELECT * FROM history_days WHERE pbx = $1 AND day = ANY($2::text[])',
      [this.pbx, [...new Set(days)]],
    );
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
    return (await this.changed(SQL.putDay(options.replace), putDayParams(this.pbx, day, sameTime))) === 1
      ? 'written'
      : 'exists';
  }

  async markChecked(day: UtcDay, at: Date): Promise<void> {
    await this.changed(SQL.markChecked, [at, this.pbx, day]);
  }

  async listDaysSince(fromDay: UtcDay): Promise<Array<{ day: UtcDay; pbxCount: number; checkedAt: Date }>> {
    checkUtcDay(fromDay);
    const { rows } = await this.pool.query<Pick<DayRow, 'day' | 'pbx_count' | 'checked_at'>>(
      SQL.listDaysSince,
      [this.pbx, fromDay],
    );
    return rows.map((row) => toDayChecked(row, sameTime));
  }

  async deleteDay(day: UtcDay): Promise<boolean> {
    checkUtcDay(day);
    return (await this.changed(SQL.deleteDay, [this.pbx, day])) === 1;
  }

  async deleteDaysBefore(day: UtcDay): Promise<number> {
    checkUtcDay(day);
    return this.changed(SQL.deleteDaysBefore, [day]);
  }

  async deleteOtherPbxDays(): Promise<number> {
    return this.changed(SQL.deleteOtherPbxDays, [this.pbx]);
  }

  /** Runs one statement (a transaction of its own); how many rows it changed. */
  private async changed(sql: string, params: unknown[]): Promise<number> {
    return (await this.pool.query(sql, params)).rowCount ?? 0;
  }
}
