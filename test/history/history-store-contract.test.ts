import type { HistoryStore } from '../../src/history/history-store';
import { type ContractDatabase, listStoreKinds, stopTestPostgres } from '../schedule/store-kinds';
import { buildDay, fakeLegs } from './history-store-helpers';

/**
 * The history store's contract, against every store: SQLite (a file) and PostgreSQL (a fresh
 * database per test). Each `database.open()` is another connection, as another replica would
 * have; on PostgreSQL, calls through different connections run at the same time in the server.
 * SQLite's connections are synchronous in one process: history-store-sqlite.test.ts races them
 * from worker threads.
 */

afterAll(() => stopTestPostgres());

const CHECKED = new Date('2026-11-10T03:00:00.456Z');

describe.each(listStoreKinds('history store contract tests'))('$name history store', (kind) => {
  let database: ContractDatabase;
  let history: HistoryStore;

  beforeEach(async () => {
    database = await kind.createDatabase();
    history = (await database.open()).history;
  });
  afterEach(() => database.tearDown());

  const openMore = async (count: number): Promise<HistoryStore[]> => {
    const stores: HistoryStore[] = [];
    for (let index = 0; index < count; index++) stores.push((await database.open()).history);
    return stores;
  };

  it('is empty at first', async () => {
    expect(await history.stats()).toEqual({ days: 0, legs: 0, bytes: 0, oldestDay: null, newestDay: null });
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
    const [other] = await openMore(1);
    expect(await other!.getDays(['2026-11-02'])).toEqual([{ ...first, checkedAt: first.storedAt }]);
    expect(await other!.stats()).toEqual({
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
    expect(await history.stats()).toMatchObject({ days: 1, legs: 5, bytes: 500 });
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
    expect(await history.stats()).toEqual({
      days: 2,
      legs: 6,
      bytes: 600,
      oldestDay: '2026-11-01',
      newestDay: '2026-11-02',
    });
    expect(await history.purge()).toEqual({
      days: 2,
      legs: 6,
      bytes: 600,
      oldestDay: '2026-11-01',
      newestDay: '2026-11-02',
    });
    expect(await history.stats()).toEqual({ days: 0, legs: 0, bytes: 0, oldestDay: null, newestDay: null });
    expect(await history.purge()).toEqual({ days: 0, legs: 0, bytes: 0, oldestDay: null, newestDay: null });
    // A purged day can be stored again.
    expect(await history.putDay(buildDay())).toBe('written');
  });

  it('refuses a day that is not YYYY-MM-DD and counts that are not whole numbers, storing nothing', async () => {
    await expect(history.putDay(buildDay({ day: '2026-11-2' }))).rejects.toThrow('not a UTC day');
    await expect(history.putDay(buildDay({ legCount: -1 }))).rejects.toThrow('legCount');
    await expect(history.putDay(buildDay({ pbxCount: 1.5 }))).rejects.toThrow('pbxCount');
    await expect(history.deleteDaysBefore('soon')).rejects.toThrow('not a UTC day');
    expect((await history.stats()).days).toBe(0);
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
});
