import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { PbxHistory } from '../../src/history/history-store';
import { applyMigrations, SQLITE_MIGRATIONS } from '../../src/schedule/sqlite-migrations';
import { SqliteScheduleStore } from '../../src/schedule/sqlite-schedule-store';
import { raceSqliteWorkers } from '../helpers/sqlite-worker-race';
import { createTempDir } from '../schedule/schedule-helpers';
import { buildDay, fakeLegs, OTHER_PBX, TEST_PBX } from './history-store-helpers';
import type { HistoryWorkerTask } from './sqlite-history-worker';

/**
 * What only the SQLite history store must show: real concurrency between processes (worker
 * threads, one connection each, released together), and that deleted legs are gone from the file
 * and its write-ahead log, not merely unlinked.
 */

const WORKER = join(__dirname, 'sqlite-history-worker.ts');

jest.setTimeout(60_000);

let temp: ReturnType<typeof createTempDir>;
let path: string;
let store: SqliteScheduleStore;
let history: PbxHistory;

beforeEach(() => {
  temp = createTempDir();
  path = join(temp.dir, 'calls-bot.sqlite');
  store = new SqliteScheduleStore({ path });
  history = store.history.forPbx(TEST_PBX);
});
afterEach(async () => {
  await store.close();
  temp.remove();
});

/** The database file and its log, as anyone who copies them would read them. */
const fileBytes = (): Buffer =>
  Buffer.concat([path, `${path}-wal`].filter((file) => existsSync(file)).map((file) => readFileSync(file)));

/** Legs no other bytes in the file could resemble: a recognisable phone number, repeated. */
const markedLegs = (marker: string, copies: number) => new Uint8Array(Buffer.from(marker.repeat(copies)));

describe('the SQLite history store', () => {
  it('keeps the days a version-8 database holds when version 9 moves the blob to the last column', async () => {
    await store.close();
    temp.remove();
    temp = createTempDir();
    path = join(temp.dir, 'calls-bot.sqlite');
    const raw = new BetterSqlite3(path);
    const migratedAt = new Date('2026-11-20T00:00:00Z');
    applyMigrations(
      raw,
      SQLITE_MIGRATIONS.filter((migration) => migration.version <= 8),
      migratedAt,
    );
    const insert = raw.prepare(
      'INSERT INTO history_days (day, legs, leg_count, pbx_count, stored_at, checked_at, pbx) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run('2026-11-02', fakeLegs(90_000, 2), 1200, 1210, 1_762_153_200_123, 1_762_160_000_000, TEST_PBX);
    insert.run('2026-11-03', fakeLegs(300, 3), 3, 3, 1_762_239_600_000, 1_762_239_600_000, OTHER_PBX);
    raw.close();

    store = new SqliteScheduleStore({ path });
    history = store.history.forPbx(TEST_PBX);
    expect(store.appliedMigrations().at(-1)).toBe(9);
    expect(await history.getDays(['2026-11-02'])).toEqual([
      {
        day: '2026-11-02',
        legs: fakeLegs(90_000, 2),
        legCount: 1200,
        pbxCount: 1210,
        storedAt: new Date(1_762_153_200_123),
        checkedAt: new Date(1_762_160_000_000),
      },
    ]);
    expect(await store.history.forPbx(OTHER_PBX).listDaysSince('2026-11-01')).toEqual([
      { day: '2026-11-03', pbxCount: 3, checkedAt: new Date(1_762_239_600_000) },
    ]);
  });

  it('lets one of five processes storing the same days at once write each day, whole', async () => {
    const days = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04'];
    const perWriter = (await raceSqliteWorkers<HistoryWorkerTask>(
      WORKER,
      path,
      [0, 1, 2, 3, 4].map((writer) => ({ kind: 'put-days', writer, days })),
    )) as string[][];
    for (const [index, day] of days.entries()) {
      const results = perWriter.map((results) => results[index]);
      expect(results.filter((result) => result === 'written')).toHaveLength(1);
      expect(results.filter((result) => result === 'exists')).toHaveLength(4);
      const [stored] = await history.getDays([day]);
      const writer = stored!.legCount - 100;
      expect(results[writer]).toBe('written');
      expect(Buffer.from(stored!.legs).equals(Buffer.from(fakeLegs(50_000 + writer, writer)))).toBe(true);
    }
  });

  it('leaves no deleted legs readable in the file or its log, after HISTORY_DAYS and after a purge', async () => {
    await history.putDay(buildDay({ day: '2026-10-01', legs: markedLegs('+442079460001;', 2000) }));
    await history.putDay(buildDay({ day: '2026-11-01', legs: markedLegs('+442079460002;', 2000) }));
    expect(fileBytes().includes('+442079460001;')).toBe(true);
    expect(fileBytes().includes('+442079460002;')).toBe(true);

    expect(await history.deleteDaysBefore('2026-11-01')).toBe(1);
    expect(fileBytes().includes('+442079460001;')).toBe(false);
    expect(fileBytes().includes('+442079460002;')).toBe(true);

    expect((await store.history.purge()).days).toBe(1);
    expect(fileBytes().includes('+442079460002;')).toBe(false);
  });

  it("leaves no deleted legs readable after deleting a day, or the other PBXs' days", async () => {
    const other = store.history.forPbx(OTHER_PBX);
    await history.putDay(buildDay({ day: '2026-11-01', legs: markedLegs('+442079460005;', 2000) }));
    await history.putDay(buildDay({ day: '2026-11-02', legs: markedLegs('+442079460006;', 2000) }));
    await other.putDay(buildDay({ day: '2026-11-03', legs: markedLegs('+442079460007;', 2000) }));

    expect(await history.deleteDay('2026-11-01')).toBe(true);
    expect(fileBytes().includes('+442079460005;')).toBe(false);
    expect(await history.deleteOtherPbxDays()).toBe(1);
    expect(fileBytes().includes('+442079460007;')).toBe(false);
    expect(fileBytes().includes('+442079460006;')).toBe(true);
  });

  it('leaves no replaced legs readable either, whether replaced on purpose or over another PBX', async () => {
    await history.putDay(buildDay({ legs: markedLegs('+442079460003;', 2000) }));
    await history.putDay(buildDay({ legs: markedLegs('+442079460004;', 2000) }), { replace: true });
    expect(fileBytes().includes('+442079460003;')).toBe(false);
    expect(fileBytes().includes('+442079460004;')).toBe(true);

    expect(
      await store.history.forPbx(OTHER_PBX).putDay(buildDay({ legs: markedLegs('+442079460008;', 2000) })),
    ).toBe('written');
    expect(fileBytes().includes('+442079460004;')).toBe(false);
    expect(fileBytes().includes('+442079460008;')).toBe(true);
  });

  it('counts the encoded legs in bytes: the blob of each day, not the file', async () => {
    await history.putDay(buildDay({ legs: fakeLegs(12_345), legCount: 100 }));
    await history.putDay(buildDay({ day: '2026-11-03', legs: fakeLegs(55), legCount: 1 }));
    expect(await store.history.stats()).toEqual({
      days: 2,
      legs: 101,
      bytes: 12_400,
      oldestDay: '2026-11-02',
      newestDay: '2026-11-03',
    });
  });
});
