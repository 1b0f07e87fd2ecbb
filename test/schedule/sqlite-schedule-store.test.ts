import { existsSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../src/core/errors';
import { isPostgresUrl, openScheduleStore, toSqlitePath } from '../../src/schedule/open-schedule-store';
import { applyMigrations, SQLITE_MIGRATIONS } from '../../src/schedule/sqlite-migrations';
import { SqliteScheduleStore } from '../../src/schedule/sqlite-schedule-store';
import { buildSchedule, createTempDir } from './schedule-helpers';

/** What both stores must do is in store-contract.test.ts; here, what is SQLite's own. */

describe('SqliteScheduleStore: files and migrations', () => {
  it('creates the folders and the file, applies migrations once, and keeps data on reopen', async () => {
    const temp = createTempDir();
    try {
      const path = join(temp.dir, 'nested', 'data', 'calls-bot.sqlite');
      const first = new SqliteScheduleStore({ path, now: () => new Date('2026-11-01T00:00:00Z') });
      expect(existsSync(path)).toBe(true);
      expect(first.appliedMigrations()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      await first.createSchedule(buildSchedule());
      await first.close();
      const second = new SqliteScheduleStore({ path });
      expect(second.appliedMigrations()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect((await second.getSchedule('abc123'))?.command).toBe('yesterday');
      await second.close();
      const raw = new BetterSqlite3(path, { readonly: true });
      const rows = raw
        .prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version')
        .all();
      expect(rows).toEqual([
        { version: 1, name: 'digest schedules and runs', applied_at: '2026-11-01T00:00:00.000Z' },
        { version: 2, name: 'Teams conversation references', applied_at: '2026-11-01T00:00:00.000Z' },
        { version: 3, name: 'shared PBX tokens', applied_at: '2026-11-01T00:00:00.000Z' },
        { version: 4, name: 'playground digests', applied_at: '2026-11-01T00:00:00.000Z' },
        { version: 5, name: 'digest creator locale', applied_at: '2026-11-01T00:00:00.000Z' },
        { version: 6, name: 'live missed-call alerts', applied_at: '2026-11-01T00:00:00.000Z' },
        { version: 7, name: 'call-log history', applied_at: '2026-11-01T00:00:00.000Z' },
        { version: 8, name: 'call-log history by PBX', applied_at: '2026-11-01T00:00:00.000Z' },
        { version: 9, name: 'call-log history: the blob last', applied_at: '2026-11-01T00:00:00.000Z' },
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
        'The schedules database has schema version 99, newer than this calls-bot knows (9).',
      );
    } finally {
      temp.remove();
    }
  });
});

describe('SqliteScheduleStore: the upgrade to version 4 (playground digests)', () => {
  it('keeps the digests and runs of a version 3 file, their cascade, and then takes playground digests', async () => {
    const temp = createTempDir();
    try {
      const path = join(temp.dir, 'v3.sqlite');
      const old = new BetterSqlite3(path);
      old.pragma('foreign_keys = ON');
      applyMigrations(old, SQLITE_MIGRATIONS.slice(0, 3), new Date('2026-10-01T00:00:00Z'));
      old
        .prepare(
          `INSERT INTO digest_schedules (id, platform, conversation_id, team_id, creator_platform, creator_id,
             creator_email, time_zone, cron, rule_description, command, created_at, enabled)
           VALUES ('abc123', 'slack', 'C1', 'T1', 'slack', 'U1', 'lead@example.com', 'Europe/Berlin',
             '0 8 * * *', 'every day at 08:00', 'yesterday', ?, 1)`,
        )
        .run(new Date('2026-10-20T12:00:00Z').getTime());
      const occurrence = new Date('2026-10-21T06:00:00Z');
      old
        .prepare(
          `INSERT INTO digest_runs (schedule_id, occurrence_at, status, attempts, lease_until, notice_sent, updated_at)
           VALUES ('abc123', ?, 'sent', 1, ?, 0, ?)`,
        )
        .run(occurrence.getTime(), occurrence.getTime() + 600_000, occurrence.getTime() + 1_000);
      old.close();

      const store = new SqliteScheduleStore({ path });
      expect(store.appliedMigrations()).toEqual(SQLITE_MIGRATIONS.map((migration) => migration.version));
      expect(await store.getSchedule('abc123')).toEqual(buildSchedule());
      expect(await store.getLastRun('abc123')).toMatchObject({ occurrenceAt: occurrence, status: 'sent' });
      const playground = buildSchedule({
        id: 'pg0001',
        target: { platform: 'playground', conversationId: 'playground-channel', label: '#playground' },
        creator: { platform: 'web', id: 'playground' },
      });
      expect(await store.createSchedule(playground)).toBe('created');
      expect(
        await store.listSchedules({ platform: 'playground', conversationId: 'playground-channel' }),
      ).toEqual([playground]);
      // The runs still belong to their digest: removing it removes them.
      expect(await store.deleteSchedule('abc123', { platform: 'slack', conversationId: 'C1' })).toBe(true);
      expect(await store.listRuns('abc123')).toEqual([]);
      await store.close();
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

  it('refuses anything else without echoing the URL', () => {
    let caught: unknown;
    try {
      toSqlitePath('mysql://bot:s3cret-pw@db/calls');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).kind).toBe('config');
    expect((caught as AppError).message).toBe(
      'DATABASE_URL must be sqlite:PATH or postgres://user:password@host:port/database.',
    );
    expect(
      JSON.stringify({ message: (caught as AppError).message, hint: (caught as AppError).hint }),
    ).not.toContain('s3cret');
  });

  it.each([
    ['postgres://bot:pw@db:5432/calls', true],
    ['postgresql://db/calls', true],
    ['  POSTGRES://db/calls', true],
    ['sqlite:./data/calls-bot.sqlite', false],
    ['sqlite:postgres://x', false],
  ])('isPostgresUrl(%s) -> %s', (url, expected) => {
    expect(isPostgresUrl(url)).toBe(expected);
  });

  it('opens an in-memory store', async () => {
    const store = await openScheduleStore('sqlite::memory:');
    expect(store).toBeInstanceOf(SqliteScheduleStore);
    expect(await store.createSchedule(buildSchedule())).toBe('created');
    await store.close();
  });
});
