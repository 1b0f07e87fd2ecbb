import type { Pool } from 'pg';
import type { DigestTarget } from '../schedule/digest-schedule';
import { inPgTransaction } from '../schedule/postgres-transaction';
import type {
  AlertClaimResult,
  AlertStore,
  AlertSubscription,
  MissedCallFacts,
  PostedAlert,
  PostedMessageRef,
} from './alert-store';
import { CallbackClaimStore, type CallbackDecision, toClaimResult } from './alert-store-claims';
import {
  alertRows,
  CALL_COLUMNS,
  type PostedAlertColumns,
  SUBSCRIPTION_COLUMNS,
  type SubscriptionColumns,
} from './alert-store-columns';
import { MAX_SUBSCRIPTIONS_PER_CONVERSATION } from './alert-subscription-limit';

const PG_ROWS = alertRows<Date, string[]>({
  toTime: (value) => value,
  fromTime: (value) => value,
  toList: (values) => [...values],
  fromList: (value) => [...value],
});

type SubscriptionRow = SubscriptionColumns<Date, string[]>;
type AlertRow = PostedAlertColumns<Date>;

/** The advisory lock class (two-key form) under which one conversation's subscriptions are counted and added. */
const SUBSCRIPTION_LOCK_CLASS = 0x616c7274; // "alrt"

/**
 * Live alerts in the schedule store's PostgreSQL database, on its pool (`PostgresScheduleStore`
 * opens, migrates and closes it). Single statements where one suffices (the post claim and the
 * poller lease are `INSERT … ON CONFLICT DO UPDATE … WHERE`, like digest claims); a read-then-write
 * runs in a transaction that locks first: the alert's row (`FOR UPDATE`) for call-back claims, an
 * advisory lock on the conversation for the 20-subscription limit.
 */
export class PostgresAlertStore extends CallbackClaimStore implements AlertStore {
  constructor(private readonly pool: Pool) {
    super();
  }

  async createSubscription(subscription: AlertSubscription): Promise<'created' | 'duplicate-id' | 'full'> {
    const { target } = subscription;
    return inPgTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        SUBSCRIPTION_LOCK_CLASS,
        `${target.platform}:${target.conversationId}`,
      ]);
      const taken = await client.query('SELECT 1 FROM alert_subscriptions WHERE id = $1', [subscription.id]);
      if (taken.rowCount !== 0) return 'duplicate-id';
      const { rows } = await client.query<{ count: string }>(
        'SELECT count(*) AS count FROM alert_subscriptions WHERE platform = $1 AND conversation_id = $2',
        [target.platform, target.conversationId],
      );
      if (Number(rows[0]?.count ?? 0) >= MAX_SUBSCRIPTIONS_PER_CONVERSATION) return 'full';
      const placeholders = SUBSCRIPTION_COLUMNS.map((_, index) => `$${index + 1}`).join(', ');
      const result = await client.query(
        `INSERT INTO alert_subscriptions (${SUBSCRIPTION_COLUMNS.join(', ')}) VALUES (${placeholders})
         ON CONFLICT (id) DO NOTHING`,
        PG_ROWS.subscriptionValues(subscription),
      );
      return result.rowCount === 1 ? 'created' : 'duplicate-id';
    });
  }

  async getSubscription(id: string): Promise<AlertSubscription | undefined> {
    const { rows } = await this.pool.query<SubscriptionRow>(
      'SELECT * FROM alert_subscriptions WHERE id = $1',
      [id],
    );
    return rows[0] ? PG_ROWS.subscription(rows[0]) : undefined;
  }

  async listSubscriptions(conversation: {
    platform: DigestTarget['platform'];
    conversationId: string;
  }): Promise<AlertSubscription[]> {
    const { rows } = await this.pool.query<SubscriptionRow>(
      'SELECT * FROM alert_subscriptions WHERE platform = $1 AND conversation_id = $2 ORDER BY created_at, id',
      [conversation.platform, conversation.conversationId],
    );
    return rows.map(PG_ROWS.subscription);
  }

  async listAllSubscriptions(): Promise<AlertSubscription[]> {
    const { rows } = await this.pool.query<SubscriptionRow>(
      'SELECT * FROM alert_subscriptions ORDER BY created_at, id',
    );
    return rows.map(PG_ROWS.subscription);
  }

  async deleteSubscription(id: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM alert_subscriptions WHERE id = $1', [id]);
    return result.rowCount === 1;
  }

  async acquirePollerLease(holder: string, leaseUntil: Date, now: Date): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO alert_poller (id, holder, lease_until) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET holder = EXCLUDED.holder, lease_until = EXCLUDED.lease_until
       WHERE alert_poller.holder IS NULL OR alert_poller.holder = EXCLUDED.holder
         OR alert_poller.lease_until IS NULL OR alert_poller.lease_until <= $3`,
      [holder, leaseUntil, now],
    );
    return result.rowCount === 1;
  }

  async getPollerPosition(): Promise<Date | undefined> {
    const { rows } = await this.pool.query<{ read_until: Date | null }>(
      'SELECT read_until FROM alert_poller WHERE id = 1',
    );
    return rows[0]?.read_until ?? undefined;
  }

  async setPollerPosition(readUntil: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO alert_poller (id, read_until) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET read_until = EXCLUDED.read_until`,
      [readUntil],
    );
  }

  async claimAlertPost(
    subscriptionId: string,
    call: MissedCallFacts,
    leaseUntil: Date,
    now: Date,
  ): Promise<'claimed' | 'taken'> {
    const facts = CALL_COLUMNS.map((_, index) => `$${index + 2}`).join(', ');
    const lease = `$${CALL_COLUMNS.length + 2}`;
    const at = `$${CALL_COLUMNS.length + 3}`;
    const result = await this.pool.query(
      `INSERT INTO posted_alerts (subscription_id, ${CALL_COLUMNS.join(', ')}, delivery, lease_until, state, created_at)
       SELECT $1, ${facts}, 'posting', ${lease}, 'open', ${at}
       WHERE EXISTS (SELECT 1 FROM alert_subscriptions WHERE id = $1)
       ON CONFLICT (subscription_id, call_key) DO UPDATE SET lease_until = EXCLUDED.lease_until
       WHERE posted_alerts.delivery = 'posting' AND posted_alerts.lease_until <= ${at}`,
      [subscriptionId, ...PG_ROWS.callValues(call), leaseUntil, now],
    );
    return result.rowCount === 1 ? 'claimed' : 'taken';
  }

  async markAlertPosted(
    subscriptionId: string,
    callKey: string,
    message: PostedMessageRef,
    _now: Date,
  ): Promise<void> {
    await this.pool.query(
      `UPDATE posted_alerts SET delivery = 'posted', message_id = $3, message_channel_id = $4
       WHERE subscription_id = $1 AND call_key = $2 AND delivery = 'posting'`,
      [subscriptionId, callKey, message.messageId, message.channelId ?? null],
    );
  }

  async releaseAlertPost(subscriptionId: string, callKey: string): Promise<void> {
    await this.pool.query(
      "DELETE FROM posted_alerts WHERE subscription_id = $1 AND call_key = $2 AND delivery = 'posting'",
      [subscriptionId, callKey],
    );
  }

  async getAlert(subscriptionId: string, callKey: string): Promise<PostedAlert | undefined> {
    const { rows } = await this.pool.query<AlertRow>(
      'SELECT * FROM posted_alerts WHERE subscription_id = $1 AND call_key = $2',
      [subscriptionId, callKey],
    );
    return rows[0] ? PG_ROWS.alert(rows[0]) : undefined;
  }

  async listUnreturnedAlerts(): Promise<PostedAlert[]> {
    const { rows } = await this.pool.query<AlertRow>(
      `SELECT * FROM posted_alerts WHERE delivery = 'posted' AND state <> 'returned'
       ORDER BY started_at, subscription_id, call_key`,
    );
    return rows.map(PG_ROWS.alert);
  }

  async markReminded(subscriptionId: string, callKey: string, now: Date): Promise<void> {
    await this.pool.query(
      "UPDATE posted_alerts SET reminded_at = $3 WHERE subscription_id = $1 AND call_key = $2 AND state = 'claimed'",
      [subscriptionId, callKey, now],
    );
  }

  async markReturned(
    subscriptionId: string,
    callKey: string,
    by: { extension: string; name: string },
    at: Date,
  ): Promise<void> {
    await this.pool.query(
      `UPDATE posted_alerts SET state = 'returned', returned_by_extension = $3, returned_by_name = $4, returned_at = $5
       WHERE subscription_id = $1 AND call_key = $2`,
      [subscriptionId, callKey, by.extension, by.name, at],
    );
  }

  async deleteAlertsBefore(before: Date): Promise<number> {
    const result = await this.pool.query('DELETE FROM posted_alerts WHERE created_at < $1', [before]);
    return result.rowCount ?? 0;
  }

  /** Locks the alert's row, decides, writes: a second click waits for the first and sees its claim. */
  protected decide(
    subscriptionId: string,
    callKey: string,
    choose: (alert: PostedAlert | undefined) => CallbackDecision,
  ): Promise<AlertClaimResult> {
    return inPgTransaction(this.pool, async (client) => {
      const { rows } = await client.query<AlertRow>(
        'SELECT * FROM posted_alerts WHERE subscription_id = $1 AND call_key = $2 FOR UPDATE',
        [subscriptionId, callKey],
      );
      const alert = rows[0] ? PG_ROWS.alert(rows[0]) : undefined;
      const decision = choose(alert);
      if (decision.result !== 'missing' && decision.write) {
        await client.query(
          `UPDATE posted_alerts SET state = $3, claimed_by_platform = $4, claimed_by_id = $5, claimed_by_name = $6,
             claimed_at = $7, reminded_at = NULL
           WHERE subscription_id = $1 AND call_key = $2`,
          [subscriptionId, callKey, ...PG_ROWS.claimValues(decision.write.claim)],
        );
      }
      return toClaimResult(alert, decision);
    });
  }
}
