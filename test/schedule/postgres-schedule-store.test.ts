import { createServer } from 'node:net';
import { Client, Pool } from 'pg';
import { AppError } from '../../src/core/errors';
import { openScheduleStore } from '../../src/schedule/open-schedule-store';
import { applyPostgresMigrations, POSTGRES_MIGRATIONS } from '../../src/schedule/postgres-migrations';
import { PostgresScheduleStore } from '../../src/schedule/postgres-schedule-store';
import { describeWithPostgres, type TestDatabase } from '../helpers/postgres';
import { buildSchedule } from './schedule-helpers';
import { stopTestPostgres, testPostgresServer } from './store-kinds';

/** What is PostgreSQL's own; what both stores do is in store-contract.test.ts. */

const describePostgres = describeWithPostgres('PostgresScheduleStore tests');

const MIGRATED_AT = new Date('2026-11-01T00:00:00Z');

async function queryRows(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The AppError `open` throws, or a failing test. */
async function openError(connectionString: string): Promise<AppError> {
  try {
    await PostgresScheduleStore.open({ connectionString, connectTimeoutMs: 5000 });
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the store opened');
}

describePostgres('PostgresScheduleStore', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await (await testPostgresServer()).createDatabase();
  });
  afterEach(() => database.drop());
  afterAll(() => stopTestPostgres());

  it('migrates once when several replicas start together, under the advisory lock', async () => {
    const stores = await Promise.all(
      [1, 2, 3, 4].map(() =>
        PostgresScheduleStore.open({ connectionString: database.url, now: () => MIGRATED_AT }),
      ),
    );
    try {
      expect(
        await queryRows(database.url, 'SELECT version, name, applied_at FROM schema_migrations ORDER BY 1'),
      ).toEqual([
        { version: 1, name: 'digest schedules and runs', applied_at: MIGRATED_AT },
        { version: 2, name: 'Teams conversation references', applied_at: MIGRATED_AT },
        { version: 3, name: 'shared PBX tokens', applied_at: MIGRATED_AT },
        { version: 4, name: 'playground digests', applied_at: MIGRATED_AT },
        { version: 5, name: 'digest creator locale', applied_at: MIGRATED_AT },
        { version: 6, name: 'live missed-call alerts', applied_at: MIGRATED_AT },
        { version: 7, name: 'call-log history', applied_at: MIGRATED_AT },
        { version: 8, name: 'call-log history by PBX', applied_at: MIGRATED_AT },
        { version: 9, name: 'call-log history: the blob last (SQLite only)', applied_at: MIGRATED_AT },
      ]);
      expect(
        await queryRows(
          database.url,
          `SELECT table_name, column_name, data_type FROM information_schema.columns
           WHERE column_name IN ('created_at', 'occurrence_at', 'lease_until', 'expires_at', 'enabled', 'reference')
           ORDER BY 1, 2`,
        ),
      ).toEqual([
        { table_name: 'alert_poller', column_name: 'lease_until', data_type: 'timestamp with time zone' },
        {
          table_name: 'alert_subscriptions',
          column_name: 'created_at',
          data_type: 'timestamp with time zone',
        },
        { table_name: 'conversation_references', column_name: 'reference', data_type: 'jsonb' },
        { table_name: 'digest_runs', column_name: 'lease_until', data_type: 'timestamp with time zone' },
        { table_name: 'digest_runs', column_name: 'occurrence_at', data_type: 'timestamp with time zone' },
        { table_name: 'digest_schedules', column_name: 'created_at', data_type: 'timestamp with time zone' },
        { table_name: 'digest_schedules', column_name: 'enabled', data_type: 'boolean' },
        { table_name: 'posted_alerts', column_name: 'created_at', data_type: 'timestamp with time zone' },
        { table_name: 'posted_alerts', column_name: 'lease_until', data_type: 'timestamp with time zone' },
        { table_name: 'shared_tokens', column_name: 'expires_at', data_type: 'timestamp with time zone' },
      ]);
      expect(await stores[3]!.createSchedule(buildSchedule())).toBe('created');
      expect((await stores[0]!.getSchedule('abc123'))?.command).toBe('yesterday');
    } finally {
      for (const store of stores) await store.close();
    }
  });

  it('keeps the digests of a version 3 database and then takes playground digests', async () => {
    const pool = new Pool({ connectionString: database.url });
    try {
      await applyPostgresMigrations(pool, POSTGRES_MIGRATIONS.slice(0, 3), MIGRATED_AT);
      await pool.query(
        `INSERT INTO digest_schedules (id, platform, conversation_id, team_id, creator_platform, creator_id,
           creator_email, time_zone, cron, rule_description, command, created_at, enabled)
         VALUES ('abc123', 'slack', 'C1', 'T1', 'slack', 'U1', 'lead@example.com', 'Europe/Berlin',
           '0 8 * * *', 'every day at 08:00', 'yesterday', $1, true)`,
        [new Date('2026-10-20T12:00:00Z')],
      );
    } finally {
      await pool.end();
    }
    const store = await PostgresScheduleStore.open({
      connectionString: database.url,
      now: () => MIGRATED_AT,
    });
    try {
      expect(await store.getSchedule('abc123')).toEqual(buildSchedule());
      const playground = buildSchedule({
        id: 'pg0001',
        target: { platform: 'playground', conversationId: 'playground-channel', label: '#playground' },
        creator: { platform: 'web', id: 'playground' },
      });
      expect(await store.createSchedule(playground)).toBe('created');
      expect(await store.getSchedule('pg0001')).toEqual(playground);
    } finally {
      await store.close();
    }
  });

  it('refuses a database from a newer version', async () => {
    await (await PostgresScheduleStore.open({ connectionString: database.url })).close();
    await queryRows(database.url, "INSERT INTO schema_migrations VALUES (99, 'future', now())");
    const error = await openError(database.url);
    expect([error.kind, error.message, error.hint]).toEqual([
      'config',
      'The schedules database has schema version 99, newer than this calls-bot knows (9).',
      'Run the newer calls-bot, or point DATABASE_URL at another database.',
    ]);
  });

  it('says why it cannot open, without the password', async () => {
    const url = new URL(database.url);
    url.password = 'wrong-pw-4d1c';
    const refused = await openError(url.toString());
    expect([refused.kind, refused.message, refused.hint]).toEqual([
      'unreachable',
      'Could not open the PostgreSQL database (password authentication failed for user "postgres").',
      'Check DATABASE_URL (host, port, database, user, password) and that PostgreSQL is running.',
    ]);
    expect(`${refused.message} ${refused.hint}`).not.toContain('wrong-pw-4d1c');

    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const down = await openError(`postgres://bot:secret-pw-77@127.0.0.1:${closedPort}/calls`);
    expect(down.message).toBe(
      `Could not open the PostgreSQL database (connect ECONNREFUSED 127.0.0.1:${closedPort}).`,
    );
  });

  it('is what openScheduleStore opens for postgres:// and postgresql:// URLs', async () => {
    for (const url of [database.url, database.url.replace(/^postgres:/, 'postgresql:')]) {
      const store = await openScheduleStore(url, { now: () => MIGRATED_AT });
      expect(store).toBeInstanceOf(PostgresScheduleStore);
      await store.ping();
      await store.close();
      await store.close();
    }
  });
});
