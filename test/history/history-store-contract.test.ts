import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Pool } from 'pg';
import type { HistoryStore, PbxHistory } from '../../src/history/history-store';
import { applyPostgresMigrations, POSTGRES_MIGRATIONS } from '../../src/schedule/postgres-migrations';
import { PostgresScheduleStore } from '../../src/schedule/postgres-schedule-store';
import { applyMigrations, type Migration, SQLITE_MIGRATIONS } from '../../src/schedule/sqlite-migrations';
import { SqliteScheduleStore } from '../../src/schedule/sqlite-schedule-store';
import { createTempDir } from '../schedule/schedule-helpers';
import {
  type ContractDatabase,
  type ContractStore,
  listStoreKinds,
  MIGRATED_AT,
  type StoreKind,
  stopTestPostgres,
  testPostgresServer,
} from '../schedule/store-kinds';
import { buildDay, fakeLegs, OTHER_PBX, TEST_PBX } from './history-store-helpers';

/**
 * The history store's contract, against every store: SQLite (a file) and PostgreSQL (a fresh
 * database per test). Each `database.open()` is another connection, as another replica would
 * have; on PostgreSQL, calls through different connections run at the same time in the server.
 * SQLite's connections are synchronous in one process: history-store-sqlite.test.ts races them
 * from worker threads.
 */

afterAll(() => stopTestPostgres());

const CHECKED = new Date('2026-11-10T03:00:00.456Z');
/** When `buildDay()` says a day was stored (and, until checked, last checked). */
const STORED = buildDay().storedAt;

describe.each(listStoreKinds('history store contract tests'))('$name history store', (kind) => {
  let database: ContractDatabase;
  let store: HistoryStore;
  let history: PbxHistory;

  beforeEach(async () => {
    database = await kind.createDatabase();
    store = (await database.open()).history;
    history = store.forPbx(TEST_PBX);
  });
  afterEach(() => database.tearDown());

  /** `count` more connections (replicas), each on `pbx`'s days. */
  const openMore = async (count: number, pbx = TEST_PBX): Promise<PbxHistory[]> => {
    const stores: PbxHistory[] = [];
    for (let index = 0; index < count; index++) stores.push((await database.open()).history.forPbx(pbx));
    return stores;
  };

  it('is empty at first', async () => {
    expect(await store.stats()).toEqual({ days: 0, legs: 0, bytes: 0, oldestDay: null, newestDay: null });
    expect(await history.getDays(['2026-11-02'])).toEqual([]);
    expect(await history.listDaysSince('2000-01-01')).toEqual([]);
  });

  it('stores a day whole and reads it back exactly, in the order asked, leaving out missing days', async () => {
    const first = buildDay();
    const second = buildDay({ day: '2026-11-03', legs: fakeLegs(1000, 2), legCount: 10, pbxCount: 11 });
    const empty = buildDay({ day: '2026-11-01', legs: new Uint8Array(0), legCount: 0, pbxCount: 0 });
    expect(await history.putDay(second)).toBe('written');
    expect(await history.putDay(first)).toBe('written');
    expect(await history.putDay(empty)).toBe('written');

    const read = await history.getDays([
      '2026-11-03',
      '2026-10-31',
      '2026-11-02',
      '2026-11-01',
      '2026-11-03',
    ]);
    expect(read.map((day) => day.day)).toEqual(['2026-11-03', '2026-11-02', '2026-11-01']);
    expect(read[0]).toEqual({ ...second, checkedAt: second.storedAt });
    expect(read[1]).toEqual({ ...first, checkedAt: first.storedAt });
    expect(read[2]).toEqual({ ...empty, checkedAt: empty.storedAt });
    expect(read[0]!.legs).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(read[0]!.legs).equals(Buffer.from(second.legs))).toBe(true);

    // Another connection (replica) sees the same.
    const replica = (await database.open()).history;
    expect(await replica.forPbx(TEST_PBX).getDays(['2026-11-02'])).toEqual([
      { ...first, checkedAt: first.storedAt },
    ]);
    expect(await replica.stats()).toEqual({
      days: 3,
      legs: 13,
      bytes: 1300,
      oldestDay: '2026-11-01',
      newestDay: '2026-11-03',
    });
  });

  it('keeps what is there when a day is stored again, and replaces it only when asked', async () => {
    const first = buildDay();
    expect(await history.putDay(first)).toBe('written');
    const again = buildDay({ legs: fakeLegs(500, 9), legCount: 5, pbxCount: 5, storedAt: CHECKED });
    expect(await history.putDay(again)).toBe('exists');
    expect(await history.getDays(['2026-11-02'])).toEqual([{ ...first, checkedAt: first.storedAt }]);

    expect(await history.putDay(again, { replace: true })).toBe('written');
    expect(await history.getDays(['2026-11-02'])).toEqual([{ ...again, checkedAt: CHECKED }]);
    expect(await store.stats()).toMatchObject({ days: 1, legs: 5, bytes: 500 });
    // Replacing a day that is not there stores it.
    expect(await history.putDay(buildDay({ day: '2026-11-04' }), { replace: true })).toBe('written');
  });

  it('marks days checked and lists them from a day on, oldest first', async () => {
    for (const [day, pbxCount] of [
      ['2026-11-05', 5],
      ['2026-11-02', 2],
      ['2026-11-04', 4],
    ] as const) {
      await history.putDay(buildDay({ day, pbxCount }));
    }
    await history.markChecked('2026-11-04', CHECKED);
    await history.markChecked('2026-10-01', CHECKED); // not stored: nothing happens
    const stored = buildDay().storedAt;
    expect(await history.listDaysSince('2026-11-03')).toEqual([
      { day: '2026-11-04', pbxCount: 4, checkedAt: CHECKED },
      { day: '2026-11-05', pbxCount: 5, checkedAt: stored },
    ]);
    expect((await history.listDaysSince('2026-11-02')).map((entry) => entry.day)).toEqual([
      '2026-11-02',
      '2026-11-04',
      '2026-11-05',
    ]);
    expect((await history.getDays(['2026-11-04']))[0]?.checkedAt).toEqual(CHECKED);
  });

  it('deletes the days before a day (HISTORY_DAYS), and everything on purge, saying what went', async () => {
    for (const day of ['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02']) {
      await history.putDay(buildDay({ day }));
    }
    expect(await history.deleteDaysBefore('2026-11-01')).toBe(2);
    expect(await history.deleteDaysBefore('2026-11-01')).toBe(0);
    expect(await store.stats()).toEqual({
      days: 2,
      legs: 6,
      bytes: 600,
      oldestDay: '2026-11-01',
      newestDay: '2026-11-02',
    });
    expect(await store.purge()).toEqual({
      days: 2,
      legs: 6,
      bytes: 600,
      oldestDay: '2026-11-01',
      newestDay: '2026-11-02',
    });
    expect(await store.stats()).toEqual({ days: 0, legs: 0, bytes: 0, oldestDay: null, newestDay: null });
    expect(await store.purge()).toEqual({ days: 0, legs: 0, bytes: 0, oldestDay: null, newestDay: null });
    // A purged day can be stored again.
    expect(await history.putDay(buildDay())).toBe('written');
  });

  it('refuses a day that is not YYYY-MM-DD and counts that are not whole numbers, storing nothing', async () => {
    await expect(history.putDay(buildDay({ day: '2026-11-2' }))).rejects.toThrow('not a UTC day');
    await expect(history.putDay(buildDay({ legCount: -1 }))).rejects.toThrow('legCount');
    await expect(history.putDay(buildDay({ pbxCount: 1.5 }))).rejects.toThrow('pbxCount');
    await expect(history.deleteDaysBefore('soon')).rejects.toThrow('not a UTC day');
    await expect(history.deleteDay('2026-11')).rejects.toThrow('not a UTC day');
    expect(() => store.forPbx('')).toThrow('must not be empty');
    expect((await store.stats()).days).toBe(0);
  });

  it('lets one of several replicas storing the same day at once write it; the others find it there', async () => {
    const stores = [history, ...(await openMore(5))];
    const days = ['2026-11-01', '2026-11-02', '2026-11-03'];
    const results = await Promise.all(
      stores.flatMap((store, index) =>
        days.map((day) =>
          store.putDay(buildDay({ day, legs: fakeLegs(20_000 + index, index), legCount: 200 + index })),
        ),
      ),
    );
    for (const [dayIndex, day] of days.entries()) {
      const forDay = results.filter((_, index) => index % days.length === dayIndex);
      expect(forDay.filter((result) => result === 'written')).toHaveLength(1);
      expect(forDay.filter((result) => result === 'exists')).toHaveLength(5);
      // What is stored is one writer's day, whole: its legs and its count together.
      const [stored] = await history.getDays([day]);
      const writer = stored!.legCount - 200;
      expect(stored!.legs.byteLength).toBe(20_000 + writer);
      expect(Buffer.from(stored!.legs).equals(Buffer.from(fakeLegs(20_000 + writer, writer)))).toBe(true);
    }
  });

  it('never shows a reader half a day while replicas write and replace it', async () => {
    const [reader, writer] = await openMore(2);
    const seen: number[] = [];
    let writing = true;
    const reading = (async () => {
      while (writing) {
        const [day] = await reader!.getDays(['2026-11-02']);
        if (day) {
          expect(day.legs.byteLength).toBe(day.legCount * 100);
          seen.push(day.legCount);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    for (let round = 1; round <= 20; round++) {
      await writer!.putDay(buildDay({ legs: fakeLegs(round * 100 * 50, round), legCount: round * 50 }), {
        replace: true,
      });
    }
    writing = false;
    await reading;
    expect((await history.getDays(['2026-11-02']))[0]?.legCount).toBe(1000);
  });

  it('keeps the days of two PBXs apart: each reads, lists, marks and deletes only its own', async () => {
    const other = store.forPbx(OTHER_PBX);
    expect([history.pbx, other.pbx]).toEqual([TEST_PBX, OTHER_PBX]);
    const ours = buildDay({ day: '2026-11-01', pbxCount: 1 });
    const theirs = buildDay({ day: '2026-11-03', legs: fakeLegs(200, 3), legCount: 2, pbxCount: 2 });
    expect(await history.putDay(ours)).toBe('written');
    expect(await other.putDay(theirs)).toBe('written');

    const both = ['2026-11-01', '2026-11-03'];
    expect(await history.getDays(both)).toEqual([{ ...ours, checkedAt: STORED }]);
    expect(await other.getDays(both)).toEqual([{ ...theirs, checkedAt: STORED }]);
    expect(await history.listDaysSince('2000-01-01')).toEqual([
      { day: '2026-11-01', pbxCount: 1, checkedAt: STORED },
    ]);
    await history.markChecked('2026-11-03', CHECKED); // the other PBX's day: nothing happens
    expect(await other.listDaysSince('2000-01-01')).toEqual([
      { day: '2026-11-03', pbxCount: 2, checkedAt: STORED },
    ]);
    expect(await history.deleteDay('2026-11-03')).toBe(false);
    expect(await other.getDays(['2026-11-03'])).toEqual([{ ...theirs, checkedAt: STORED }]);
    expect(await store.stats()).toEqual({
      days: 2,
      legs: 5,
      bytes: 500,
      oldestDay: '2026-11-01',
      newestDay: '2026-11-03',
    });
    // Another replica on a third PBX (the demo's fingerprint) sees none of them.
    const [third] = await openMore(1, 'demo:3f2a9c');
    expect(await third!.getDays(both)).toEqual([]);
    expect(await third!.listDaysSince('2000-01-01')).toEqual([]);
  });

  it('deletes a day of its own, saying whether there was one', async () => {
    await history.putDay(buildDay());
    await history.putDay(buildDay({ day: '2026-11-03' }));
    expect(await history.deleteDay('2026-11-02')).toBe(true);
    expect(await history.deleteDay('2026-11-02')).toBe(false);
    expect((await history.getDays(['2026-11-02', '2026-11-03'])).map((day) => day.day)).toEqual([
      '2026-11-03',
    ]);
    expect(await store.stats()).toEqual({
      days: 1,
      legs: 3,
      bytes: 300,
      oldestDay: '2026-11-03',
      newestDay: '2026-11-03',
    });
    // Read again, the day can be stored again.
    expect(await history.putDay(buildDay())).toBe('written');
  });

  it('replaces a day stored from another PBX, and keeps its own day when stored again', async () => {
    const other = store.forPbx(OTHER_PBX);
    const theirs = buildDay({ legs: fakeLegs(500, 5), legCount: 5, pbxCount: 5, storedAt: CHECKED });
    expect(await other.putDay(theirs)).toBe('written');
    const ours = buildDay();
    expect(await history.putDay(ours)).toBe('written');
    expect(await history.getDays(['2026-11-02'])).toEqual([{ ...ours, checkedAt: STORED }]);
    expect(await other.getDays(['2026-11-02'])).toEqual([]);
    expect(await store.stats()).toEqual({
      days: 1,
      legs: 3,
      bytes: 300,
      oldestDay: '2026-11-02',
      newestDay: '2026-11-02',
    });
    expect(await history.putDay(theirs)).toBe('exists');
    expect(await history.getDays(['2026-11-02'])).toEqual([{ ...ours, checkedAt: STORED }]);
    // And back: the other PBX's write replaces this one's.
    expect(await other.putDay(theirs)).toBe('written');
    expect(await history.getDays(['2026-11-02'])).toEqual([]);
  });

  it("deletes every other PBX's days, saying how many; HISTORY_DAYS and purge span every PBX", async () => {
    const other = store.forPbx(OTHER_PBX);
    const third = store.forPbx('demo:3f2a9c');
    for (const [pbx, day] of [
      [history, '2026-10-31'],
      [history, '2026-11-02'],
      [other, '2026-10-30'],
      [other, '2026-11-01'],
      [third, '2026-11-03'],
    ] as const) {
      expect(await pbx.putDay(buildDay({ day }))).toBe('written');
    }
    expect(await history.deleteDaysBefore('2026-11-01')).toBe(2);
    expect((await other.listDaysSince('2000-01-01')).map((entry) => entry.day)).toEqual(['2026-11-01']);
    expect(await history.deleteOtherPbxDays()).toBe(2);
    expect(await history.deleteOtherPbxDays()).toBe(0);
    expect(await other.getDays(['2026-11-01'])).toEqual([]);
    expect(await third.getDays(['2026-11-03'])).toEqual([]);
    expect((await history.listDaysSince('2000-01-01')).map((entry) => entry.day)).toEqual(['2026-11-02']);

    expect(await other.putDay(buildDay({ day: '2026-11-04', legs: fakeLegs(100), legCount: 1 }))).toBe(
      'written',
    );
    expect(await store.purge()).toEqual({
      days: 2,
      legs: 4,
      bytes: 400,
      oldestDay: '2026-11-02',
      newestDay: '2026-11-04',
    });
    expect(await store.stats()).toEqual({ days: 0, legs: 0, bytes: 0, oldestDay: null, newestDay: null });
  });

  it('migrates a version-7 database: the days stored before (no PBX) are gone, each day now says its PBX', async () => {
    const old = await createVersion7Database(kind.name);
    try {
      expect(await old.columns()).toEqual(VERSION_7_COLUMNS);
      expect(await old.countDays()).toBe(1);
      const migrated = await old.open();
      expect(await migrated.appliedMigrations()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      // Version 9 moves SQLite's blob last (a listing of days then reads no blob); PostgreSQL's stays.
      expect(await old.columns()).toEqual(
        kind.name === 'sqlite' ? SQLITE_VERSION_9_COLUMNS : [...VERSION_7_COLUMNS, 'pbx'],
      );
      expect(await old.countDays()).toBe(0);
      expect(await migrated.history.stats()).toEqual({
        days: 0,
        legs: 0,
        bytes: 0,
        oldestDay: null,
        newestDay: null,
      });
      const day = buildDay();
      expect(await migrated.history.forPbx(TEST_PBX).putDay(day)).toBe('written');
      expect(await migrated.history.forPbx(TEST_PBX).getDays(['2026-11-02'])).toEqual([
        { ...day, checkedAt: STORED },
      ]);
    } finally {
      await old.tearDown();
    }
  });
});

/** A database left at schema version 7 (before days said which PBX they came from), holding one day. */
interface Version7Database {
  /** Opens it with this build, which migrates it. */
  open(): Promise<ContractStore>;
  /** The columns of `history_days`, in order, as the database lists them. */
  columns(): Promise<string[]>;
  /** How many rows `history_days` holds, read directly. */
  countDays(): Promise<number>;
  tearDown(): Promise<void>;
}

/** SQLite or PostgreSQL, migrated to version 7 only and given a day (2026-11-02), as an older build left it. */
function createVersion7Database(kind: StoreKind['name']): Promise<Version7Database> {
  return kind === 'sqlite' ? createSqliteVersion7() : createPostgresVersion7();
}

const VERSION_7_COLUMNS = ['day', 'legs', 'leg_count', 'pbx_count', 'stored_at', 'checked_at'];
const SQLITE_VERSION_9_COLUMNS = ['day', 'pbx', 'leg_count', 'pbx_count', 'stored_at', 'checked_at', 'legs'];

const OLD_DAY = ['2026-11-02', Buffer.from([1, 2]), 3, 3] as const;

async function createSqliteVersion7(): Promise<Version7Database> {
  const temp = createTempDir();
  const path = join(temp.dir, 'calls-bot.sqlite');
  const raw = new BetterSqlite3(path);
  applyMigrations(raw, upToVersion7(SQLITE_MIGRATIONS), MIGRATED_AT);
  raw.prepare('INSERT INTO history_days VALUES (?, ?, ?, ?, ?, ?)').run(...OLD_DAY, 0, 0);
  raw.close();
  const opened: ContractStore[] = [];
  return {
    open: async () => {
      opened.push(new SqliteScheduleStore({ path, now: () => MIGRATED_AT }));
      return opened.at(-1)!;
    },
    columns: async () => readSqlite(path, "SELECT name FROM pragma_table_info('history_days') ORDER BY cid"),
    countDays: async () => Number(readSqlite(path, 'SELECT count(*) FROM history_days')[0]),
    tearDown: async () => {
      for (const store of opened) await store.close();
      temp.remove();
    },
  };
}

/** The first column of every row `sql` selects, on a connection of its own. */
function readSqlite(path: string, sql: string): string[] {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return (db.prepare(sql).raw().all() as unknown[][]).map((row) => String(row[0]));
  } finally {
    db.close();
  }
}

async function createPostgresVersion7(): Promise<Version7Database> {
  const database = await (await testPostgresServer()).createDatabase();
  const pool = new Pool({ connectionString: database.url, max: 1 });
  await applyPostgresMigrations(pool, upToVersion7(POSTGRES_MIGRATIONS), MIGRATED_AT);
  await pool.query('INSERT INTO history_days VALUES ($1, $2, $3, $4, $5, $5)', [...OLD_DAY, MIGRATED_AT]);
  const read = async (sql: string): Promise<string[]> =>
    (await pool.query<unknown[]>({ text: sql, rowMode: 'array' })).rows.map((row) => String(row[0]));
  const opened: ContractStore[] = [];
  return {
    open: async () => {
      opened.push(
        await PostgresScheduleStore.open({ connectionString: database.url, now: () => MIGRATED_AT }),
      );
      return opened.at(-1)!;
    },
    columns: () =>
      read(`SELECT column_name FROM information_schema.columns WHERE table_name = 'history_days'
        ORDER BY ordinal_position`),
    countDays: async () => Number((await read('SELECT count(*) FROM history_days'))[0]),
    tearDown: async () => {
      await pool.end();
      for (const store of opened) await store.close();
      await database.drop();
    },
  };
}

function upToVersion7(migrations: readonly Migration[]): Migration[] {
  return migrations.filter((migration) => migration.version <= 7);
}
