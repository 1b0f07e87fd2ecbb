import { AppError } from '../core/errors';
import type { ScheduleStore } from './schedule-store';
import { SqliteScheduleStore } from './sqlite-schedule-store';

/**
 * Opens the store `DATABASE_URL` names: `sqlite:PATH` (relative to the working directory; folders
 * are created), `sqlite:///abs/path`, or `sqlite::memory:` for tests. PostgreSQL is not built yet.
 */
export function openScheduleStore(databaseUrl: string, options: { now?: () => Date } = {}): ScheduleStore {
  const path = toSqlitePath(databaseUrl);
  return new SqliteScheduleStore({ path, ...(options.now && { now: options.now }) });
}

/** The file path in a `sqlite:` URL; throws a config error (without echoing the URL) otherwise. */
export function toSqlitePath(databaseUrl: string): string {
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    throw new AppError(
      'config',
      'DATABASE_URL points at PostgreSQL, which calls-bot cannot use for schedules yet.',
      'Use DATABASE_URL=sqlite:./data/calls-bot.sqlite (the default) for now.',
    );
  }
  const match = /^sqlite:(.*)$/i.exec(databaseUrl);
  const rest = match?.[1]?.trim() ?? '';
  if (!match || rest === '') {
    throw new AppError(
      'config',
      'DATABASE_URL must be sqlite:PATH (or postgres://… later).',
      'Example: DATABASE_URL=sqlite:./data/calls-bot.sqlite',
    );
  }
  if (rest === ':memory:') return ':memory:';
  return rest.startsWith('//') ? rest.slice(2) : rest;
}
