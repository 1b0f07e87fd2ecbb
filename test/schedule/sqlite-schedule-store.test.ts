import { existsSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../src/core/errors';
import { openScheduleStore, toSqlitePath } from '../../src/schedule/open-schedule-store';
import { SqliteScheduleStore } from '../../src/schedule/sqlite-schedule-store';
import { buildSchedule, createTempDir, MINUTE_MS, openMemoryStore } from './schedule-helpers';

const OCCURRENCE = new Date('2026-11-02T07:00:00Z');
const at = (minutes: number) => new Date(OCCURRENCE.getTime() + minutes * MINUTE_MS);

describe('SqliteScheduleStore: schedules', () => {
  it('creates, reads back exactly, lists by conversation and refuses a duplicate id', async () => {
    const store = openMemoryStore();
    const schedule = buildSchedule({
      target: {
        platform: 'teams',
        conversationId: '19:abc@thread.tacv2',
        referenceKey: '19:abc@thread.tacv2',
        label: 'Support',
      },
    });
    expect(await store.createSchedule(schedule)).toBe('created');
    expect(await store.createSchedule({ ...schedule, command: 'today' })).toBe('duplicate-id');
    await store.createSchedule(buildSchedule({ id: 'def456', createdAt: new Date('2026-10-21T00:00:00Z') }));
    expect(await store.getSchedule('abc123')).toEqual(schedule);
    expect(await store.getSchedule('zzzzzz')).toBeUndefined();
    const teams = await store.listSchedules({ platform: 'teams', conversationId: '19:abc@thread.tacv2' });
    expect(teams.map((entry) => entry.id)).toEqual(['abc123']);
    expect(
      (await store.listSchedules({ platform: 'slack', conversationId: 'C1' })).map((entry) => entry.id),
    ).toEqual(['def456']);
    expect((await store.listEnabledSchedules()).map((entry) => entry.id)).toEqual(['abc123', 'def456']);
    await store.close();
  });

  it('keeps optional fields absent rather than null', async () => {
    const store = openMemoryStore();
    await store.createSchedule(
      buildSchedule({
        target: { platform: 'slack', conversationId: 'C9' },
        creator: { platform: 'slack', id: 'U9' },
      }),
    );
    const stored = await store.getSchedule('abc123');
    expect(stored?.target).toEqual({ platform: 'slack', conversationId: 'C9' });
    expect(stored?.creator).toEqual({ platform: 'slack', id: 'U9' });
    await store.close();
  });

  it('deletes only within the same conversation, and the runs with it', async () => {
    const store = openMemoryStore();
    await store.createSchedule(buildSchedule());
    await store.claimOccurrence('abc123', OCCURRENCE, at(10), at(0));
    expect(await store.deleteSchedule('abc123', { platform: 'slack', conversationId: 'C2' })).toBe(false);
    expect(await store.deleteSchedule('abc123', { platform: 'teams', conversationId: 'C1' })).toBe(false);
    expect(await store.getSchedule('abc123')).toBeDefined();
    expect(await store.deleteSchedule('abc123', { platform: 'slack', conversationId: 'C1' })).toBe(true);
    expect(await store.getSchedule('abc123')).toBeUndefined();
    expect(await store.getLastRun('abc123')).toBeUndefined();
    await store.close();
  });

  it('lists no disabled schedule for the scheduler', async () => {
    const store = openMemoryStore();
    await store.createSchedule(buildSchedule({ enabled: false }));
    expect(await store.listEnabledSchedules()).toEqual([]);
    expect(await store.claimOccurrence('abc123', OCCURRENCE, at(10), at(0))).toBe('taken');
    await store.close();
  });
});

describe('SqliteScheduleStore: claims', () => {
  it('claims an occurrence once; a second claim is taken while the lease holds', async () => {
    const store = openMemoryStore();
    await store.createSchedule(buildSchedule());
    expect(await store.claimOccurrence('abc123', OCCURRENCE, at(10), at(0))).toBe('claimed');
    expect(await store.claimOccurrence('abc123', OCCURRENCE, at(11), at(1))).toBe('taken');
    expect(await store.claimOccurrence('abc123', OCCURRENCE, at(19), at(9))).toBe('taken');
    expect(await store.listOpenClaims('abc123')).toEqual([OCCURRENCE]);
    expect(await store.getLastRun('abc123')).toEqual({
      scheduleId: 'abc123',
      occurrenceAt: OCCURRENCE,
      status: 'claimed',
      attempts: 1,
      leaseUntil: at(10),
      noticeSent: false,
      updatedAt: at(0),
    });
    await store.close();
  });

  it('lets an unfinished claim be taken over once its lease has ended', async () => {
    const store = openMemoryStore();
    await store.createSchedule(buildSchedule());
    await store.claimOccurrence('abc123', OCCURRENCE, at(10), at(0));
    expect(await store.claimOccurrence('abc123', OCCURRENCE, at(20), at(10))).toBe('claimed');
    expect(await store.claimOccurrence('abc123', OCCURRENCE, at(21), at(11))).toBe('taken');
    const run = await store.getLastRun('abc123');
    expect(run).toMatchObject({ status: 'claimed', attempts: 2, leaseUntil: at(20) });
    await store.close();
  });

  it('never reopens a finished run, and finishing needs an open claim', async () => {
    const store = openMemoryStore();
    await store.createSchedule(buildSchedule());
    await store.claimOccurrence('abc123', OCCURRENCE, at(10), at(0));
    await store.markSent('abc123', OCCURRENCE, at(1));
    expect(await store.claimOccurrence('abc123', OCCURRENCE, at(100), at(90))).toBe('taken');
    await store.markFailed('abc123', OCCURRENCE, 'late failure', at(2));
    expect(await store.getLastRun('abc123')).toEqual({
      scheduleId: 'abc123',
      occurrenceAt: OCCURRENCE,
      status: 'sent',
      attempts: 1,
      leaseUntil: at(10),
      noticeSent: false,
      updatedAt: at(1),
    });
    expect(await store.listOpenClaims('abc123')).toEqual([]);
    await store.close();
  });

  it('records failures with their reason and whether a notice went out, and skips', async () => {
    const store = openMemoryStore();
    await store.createSchedule(buildSchedule());
    const second = new Date(OCCURRENCE.getTime() + 86_400_000);
    const third = new Date(second.getTime() + 86_400_000);
    await store.claimOccurrence('abc123', OCCURRENCE, at(10), at(0));
    await store.markSkipped('abc123', OCCURRENCE, '95 minutes late', at(0));
    await store.claimOccurrence('abc123', second, at(10), at(0));
    await store.markFailed('abc123', second, 'The PBX did not answer.', at(1), { noticeSent: true });
    expect(await store.getLastRun('abc123')).toMatchObject({
      occurrenceAt: second,
      status: 'failed',
      reason: 'The PBX did not answer.',
      noticeSent: true,
    });
    await store.claimOccurrence('abc123', third, at(10), at(0));
    await store.markFailed('abc123', third, 'channel_not_found', at(1));
    expect(await store.getLastRun('abc123')).toMatchObject({
      occurrenceAt: third,
      status: 'failed',
      reason: 'channel_not_found',
      noticeSent: false,
    });
    await store.close();
  });
});

describe('SqliteScheduleStore: conversation references', () => {
  it('saves, replaces and reads JSON by key', async () => {
    const store = openMemoryStore();
    expect(await store.getConversationReference('19:a')).toBeUndefined();
    await store.saveConversationReference('19:a', { serviceUrl: 'https://one/', n: 1 }, at(0));
    await store.saveConversationReference('19:a', { serviceUrl: 'https://two/', n: 2 }, at(1));
    expect(await store.getConversationReference('19:a')).toEqual({ serviceUrl: 'https://two/', n: 2 });
    await store.close();
  });
});

describe('SqliteScheduleStore: files and migrations', () => {
  it('creates the folders and the file, applies migrations once, and keeps data on reopen', async () => {
    const temp = createTempDir();
    try {
      const path = join(temp.dir, 'nested', 'data', 'calls-bot.sqlite');
      const first = new SqliteScheduleStore({ path, now: () => new Date('2026-11-01T00:00:00Z') });
      expect(existsSync(path)).toBe(true);
      expect(first.appliedMigrations()).toEqual([1, 2]);
      await first.createSchedule(buildSchedule());
      await first.close();
      const second = new SqliteScheduleStore({ path });
      expect(second.appliedMigrations()).toEqual([1, 2]);
      expect((await second.getSchedule('abc123'))?.command).toBe('yesterday');
      await second.close();
      const raw = new BetterSqlite3(path, { readonly: true });
      const rows = raw
        .prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version')
        .all();
      expect(rows).toEqual([
        { version: 1, name: 'digest schedules and runs', applied_at: '2026-11-01T00:00:00.000Z' },
        { version: 2, name: 'Teams conversation references', applied_at: '2026-11-01T00:00:00.000Z' },
      ]);
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      raw.close();
    } finally {
      temp.remove();
    }
  });

  it('refuses a database from a newer version', async () => {
    const temp = createTempDir();
    try {
      const path = join(temp.dir, 'newer.sqlite');
      await new SqliteScheduleStore({ path }).close();
      const raw = new BetterSqlite3(path);
      raw.prepare("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01')").run();
      raw.close();
      expect(() => new SqliteScheduleStore({ path })).toThrow(
        'The schedules database has schema version 99, newer than this calls-bot knows (2).',
      );
    } finally {
      temp.remove();
    }
  });
});

describe('openScheduleStore: DATABASE_URL', () => {
  it.each([
    ['sqlite:./data/calls-bot.sqlite', './data/calls-bot.sqlite'],
    ['sqlite:/var/lib/calls-bot/db.sqlite', '/var/lib/calls-bot/db.sqlite'],
    ['sqlite:///var/lib/calls-bot/db.sqlite', '/var/lib/calls-bot/db.sqlite'],
    ['sqlite::memory:', ':memory:'],
  ])('%s -> %s', (url, path) => {
    expect(toSqlitePath(url)).toBe(path);
  });

  it('refuses PostgreSQL for now without echoing the URL', () => {
    let caught: unknown;
    try {
      toSqlitePath('postgres://bot:s3cret-pw@db/calls');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).kind).toBe('config');
    expect(
      JSON.stringify({ message: (caught as AppError).message, hint: (caught as AppError).hint }),
    ).not.toContain('s3cret');
  });

  it('opens an in-memory store', async () => {
    const store = openScheduleStore('sqlite::memory:');
    expect(await store.createSchedule(buildSchedule())).toBe('created');
    await store.close();
  });
});
