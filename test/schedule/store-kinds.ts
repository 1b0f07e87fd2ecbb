import { join } from 'node:path';
import type { DigestRun } from '../../src/schedule/digest-schedule';
import { PostgresScheduleStore } from '../../src/schedule/postgres-schedule-store';
import type { ScheduleStore } from '../../src/schedule/schedule-store';
import { SqliteScheduleStore } from '../../src/schedule/sqlite-schedule-store';
import {
  detectPostgres,
  startTestPostgres,
  type TestPostgres,
  warnPostgresSkipped,
} from '../helpers/postgres';
import { createTempDir } from './schedule-helpers';

/** What the contract tests use of a store beyond `ScheduleStore`: both stores have these. */
export type ContractStore = ScheduleStore & {
  appliedMigrations(): number[] | Promise<number[]>;
  listRuns(scheduleId: string): Promise<DigestRun[]>;
};

/** One fresh, empty database; every `open()` is another connection (another "process") to it. */
export interface ContractDatabase {
  open(): Promise<ContractStore>;
  /** Closes what `open()` opened and removes the database. */
  tearDown(): Promise<void>;
}

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  createDatabase(): Promise<ContractDatabase>;
}

/** The clock migrations are stamped with. */
export const MIGRATED_AT = new Date('2026-10-20T12:00:00Z');

const sqliteKind: StoreKind = {
  name: 'sqlite',
  createDatabase: async () => {
    const temp = createTempDir();
    const opened: ContractStore[] = [];
    return {
      open: async () => {
        const store = new SqliteScheduleStore({
          path: join(temp.dir, 'calls-bot.sqlite'),
          now: () => MIGRATED_AT,
        });
        opened.push(store);
        return store;
      },
      tearDown: async () => {
        for (const store of opened) await store.close();
        temp.remove();
      },
    };
  },
};

let server: Promise<TestPostgres> | undefined;

const postgresKind: StoreKind = {
  name: 'postgres',
  createDatabase: async () => {
    server ??= startTestPostgres();
    const database = await (await server).createDatabase();
    const opened: ContractStore[] = [];
    return {
      open: async () => {
        const store = await PostgresScheduleStore.open({
          connectionString: database.url,
          now: () => MIGRATED_AT,
        });
        opened.push(store);
        return store;
      },
      tearDown: async () => {
        for (const store of opened) await store.close();
        await database.drop();
      },
    };
  },
};

/** SQLite always; PostgreSQL when available (see test/helpers/postgres.ts), loudly skipped otherwise. */
export function listStoreKinds(what: string): StoreKind[] {
  if (detectPostgres() !== 'none') return [sqliteKind, postgresKind];
  warnPostgresSkipped(what);
  return [sqliteKind];
}

/** The PostgreSQL server of this test file, started on first use; for direct use in PostgreSQL-only tests. */
export function testPostgresServer(): Promise<TestPostgres> {
  server ??= startTestPostgres();
  return server;
}

/** Stops this file's throwaway cluster, if one was started (call in `afterAll`). */
export async function stopTestPostgres(): Promise<void> {
  const started = server;
  server = undefined;
  if (started) await (await started).stop();
}
