import type { Migration } from '../schedule/sqlite-migrations';

/**
 * The live alerts' tables (version 6), appended to the schedule store's migration lists: alerts
 * live in the database `DATABASE_URL` names, beside the digests, and are migrated with them.
 *
 * - `alert_subscriptions`: `alerts missed …` typed in a conversation (at most 20 per conversation,
 *   enforced by the store when it inserts).
 * - `posted_alerts`: one row per (subscription, call key), which makes each alert post once: the
 *   row is the poller's claim (`delivery = 'posting'` with a lease) and then the posted message,
 *   with the caller's number and name, the call-back claim and the return. Deleted after
 *   ALERT_RETENTION_DAYS (by `created_at`). Not tied to the subscription by a foreign key: removing
 *   a subscription leaves its alerts until retention ends (their messages can still be clicked).
 * - `alert_poller`: one row: the poller's lease (one poller per deployment) and how far it read.
 */
export const SQLITE_ALERT_MIGRATIONS: readonly Migration[] = [
  {
    version: 6,
    name: 'live missed-call alerts',
    sql: `
      CREATE TABLE alert_subscriptions (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL CHECK (platform IN ('slack', 'teams', 'playground')),
        conversation_id TEXT NOT NULL,
        team_id TEXT,
        reference_key TEXT,
        conversation_label TEXT,
        creator_platform TEXT NOT NULL,
        creator_id TEXT NOT NULL,
        creator_email TEXT,
        extensions TEXT NOT NULL,
        queues TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX alert_subscriptions_by_conversation ON alert_subscriptions (platform, conversation_id);
      CREATE TABLE posted_alerts (
        subscription_id TEXT NOT NULL,
        call_key TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER NOT NULL,
        from_number TEXT NOT NULL,
        from_name TEXT NOT NULL,
        to_dn TEXT NOT NULL,
        to_name TEXT NOT NULL,
        wait_seconds INTEGER NOT NULL,
        delivery TEXT NOT NULL CHECK (delivery IN ('posting', 'posted')),
        lease_until INTEGER NOT NULL,
        message_id TEXT,
        message_channel_id TEXT,
        state TEXT NOT NULL CHECK (state IN ('open', 'claimed', 'returned')),
        claimed_by_platform TEXT,
        claimed_by_id TEXT,
        claimed_by_name TEXT,
        claimed_at INTEGER,
        reminded_at INTEGER,
        returned_by_extension TEXT,
        returned_by_name TEXT,
        returned_at INTEGER,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (subscription_id, call_key)
      );
      CREATE INDEX posted_alerts_by_created_at ON posted_alerts (created_at);
      CREATE TABLE alert_poller (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        holder TEXT,
        lease_until INTEGER,
        read_until INTEGER
      );
    `,
  },
];

/** The same tables in PostgreSQL: times are `timestamptz`, filter lists `text[]`. */
export const POSTGRES_ALERT_MIGRATIONS: readonly Migration[] = [
  {
    version: 6,
    name: 'live missed-call alerts',
    sql: `
      CREATE TABLE alert_subscriptions (
        id text PRIMARY KEY,
        platform text NOT NULL CHECK (platform IN ('slack', 'teams', 'playground')),
        conversation_id text NOT NULL,
        team_id text,
        reference_key text,
        conversation_label text,
        creator_platform text NOT NULL,
        creator_id text NOT NULL,
        creator_email text,
        extensions text[] NOT NULL,
        queues text[] NOT NULL,
        time_zone text NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX alert_subscriptions_by_conversation ON alert_subscriptions (platform, conversation_id);
      CREATE TABLE posted_alerts (
        subscription_id text NOT NULL,
        call_key text NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz NOT NULL,
        from_number text NOT NULL,
        from_name text NOT NULL,
        to_dn text NOT NULL,
        to_name text NOT NULL,
        wait_seconds integer NOT NULL,
        delivery text NOT NULL CHECK (delivery IN ('posting', 'posted')),
        lease_until timestamptz NOT NULL,
        message_id text,
        message_channel_id text,
        state text NOT NULL CHECK (state IN ('open', 'claimed', 'returned')),
        claimed_by_platform text,
        claimed_by_id text,
        claimed_by_name text,
        claimed_at timestamptz,
        reminded_at timestamptz,
        returned_by_extension text,
        returned_by_name text,
        returned_at timestamptz,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (subscription_id, call_key)
      );
      CREATE INDEX posted_alerts_by_created_at ON posted_alerts (created_at);
      CREATE TABLE alert_poller (
        id integer PRIMARY KEY CHECK (id = 1),
        holder text,
        lease_until timestamptz,
        read_until timestamptz
      );
    `,
  },
];
