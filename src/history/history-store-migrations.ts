import type { Migration } from '../schedule/sqlite-migrations';

/**
 * The call-log history's table (version 7; 8: which PBX each day was read from; 9: in SQLite, the
 * legs' blob as the last column), appended to the schedule store's migration lists:
 * history lives in the database `DATABASE_URL` names, beside the digests and alerts, and is
 * migrated with them.
 *
 * - `history_days`: one row per closed UTC day (`YYYY-MM-DD`), its legs encoded in one blob
 *   (`day-legs-layout.ts`), with how many legs it holds, the PBX's count for the day when it was
 *   read, when it was stored and when the background check last found that count unchanged, and
 *   (version 8) the PBX it was read from (its URL, or the demo PBX's fingerprint): only that
 *   PBX's days are read back, so a bot pointed at another PBX never reports the old one's calls.
 *   Version 8 deletes the days stored before (nothing wrote them yet; they say no PBX). The
 *   primary key is what makes one writer win when several replicas store the same day.
 *   Deleted after HISTORY_DAYS, or all at once by `history purge confirm`.
 */
export const SQLITE_HISTORY_MIGRATIONS: readonly Migration[] = [
  {
    version: 7,
    name: 'call-log history',
    sql: `
      CREATE TABLE history_days (
        day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        legs BLOB NOT NULL,
        leg_count INTEGER NOT NULL CHECK (leg_count >= 0),
        pbx_count INTEGER NOT NULL CHECK (pbx_count >= 0),
        stored_at INTEGER NOT NULL,
        checked_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 8,
    name: 'call-log history by PBX',
    // ADD COLUMN … NOT NULL needs a default in SQLite; no row is left to take it.
    sql: `
      DELETE FROM history_days;
      ALTER TABLE history_days ADD COLUMN pbx TEXT NOT NULL DEFAULT '';
    `,
  },
  {
    version: 9,
    name: 'call-log history: the blob last',
    // SQLite keeps a row's first bytes in its table page and the rest (most of a day's 20-100 KB
    // blob) in a chain of overflow pages, which it walks to reach any column after the blob. With
    // the blob second, listing the days (day, pbx, counts) read every stored byte: 23-29 ms for two
    // months in a fresh process, under 1 ms with the blob last. The days are kept as they are.
    sql: `
      CREATE TABLE history_days_v9 (
        day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        pbx TEXT NOT NULL,
        leg_count INTEGER NOT NULL CHECK (leg_count >= 0),
        pbx_count INTEGER NOT NULL CHECK (pbx_count >= 0),
        stored_at INTEGER NOT NULL,
        checked_at INTEGER NOT NULL,
        legs BLOB NOT NULL
      );
      INSERT INTO history_days_v9 (day, pbx, leg_count, pbx_count, stored_at, checked_at, legs)
        SELECT day, pbx, leg_count, pbx_count, stored_at, checked_at, legs FROM history_days;
      DROP TABLE history_days;
      ALTER TABLE history_days_v9 RENAME TO history_days;
    `,
  },
];

/** The same table in PostgreSQL: the legs are `bytea`, times `timestamptz`. */
export const POSTGRES_HISTORY_MIGRATIONS: readonly Migration[] = [
  {
    version: 7,
    name: 'call-log history',
    sql: `
      CREATE TABLE history_days (
        day text PRIMARY KEY CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        legs bytea NOT NULL,
        leg_count integer NOT NULL CHECK (leg_count >= 0),
        pbx_count integer NOT NULL CHECK (pbx_count >= 0),
        stored_at timestamptz NOT NULL,
        checked_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 8,
    name: 'call-log history by PBX',
    sql: `
      DELETE FROM history_days;
      ALTER TABLE history_days ADD COLUMN pbx text NOT NULL;
    `,
  },
  {
    version: 9,
    name: 'call-log history: the blob last (SQLite only)',
    // PostgreSQL keeps a large bytea out of the row (TOAST), so the columns after it cost nothing
    // to read; the version is kept so that both databases number their schema alike.
    sql: 'SELECT 1;',
  },
];
