import { AppError } from '../core/errors';
import { PostgresScheduleStore } from './postgres-schedule-store';
import type { ScheduleStore } from './schedule-store';
import { SqliteScheduleStore } from './sqlite-schedule-store';

/**
 * Opens (and migrates) the store `DATABASE_URL` names: `postgres://…` (or `postgresql://…`) for
 * several replicas, `sqlite:PATH` (relative to the working directory; folders are created),
 * `sqlite:///abs/path`, or `sqlite::memory:` for tests. Errors never echo the URL.
 */
export async function openScheduleStore(
  databaseUrl: string,
  options: { now?: () => Date } = {},
): Promise<ScheduleStore> {
  if (isPostgresUrl(databaseUrl)) {
    return PostgresScheduleStore.open({
      connectionString: databaseUrl,
      ...(options.now && { now: options.now }),
    });
  }
  const path = toSqlitePath(databaseUrl);
  return new SqliteScheduleStore({ path, ...(options.now && { now: options.now }) });
}

/** True for `postgres://…` and `postgresql://…`: the store replicas share (and share the PBX token through). */
export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//i.test(databaseUrl.trim());
}

/** The file path in a `sqlite:` URL; throws a config error (without echoing the URL) otherwise. */
export function toSqlitePath(databaseUrl: string): string {
  const match = /^sqlite:(.*)$/i.exec(databaseUrl);
  const rest = match?.[1]?.trim() ?? '';
  if (!match || rest === '') {
    throw new AppError(
      'config',
      'DATABASE_URL must be sqlite:PATH or postgres://user:password@host:port/database.',
      'Example: DATABASE_URL=sqlite:./data/calls-bot.sqlite',
    );
  }
  if (rest === ':memory:') return ':memory:';
  return rest.startsWith('//') ? rest.slice(2) : rest;
}
