import type { Database } from 'better-sqlite3';
import type { DigestTarget } from '../schedule/digest-schedule';
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

const SQLITE_ROWS = alertRows<number, string>({
  toTime: (value) => value.getTime(),
  fromTime: (value) => new Date(value),
  toList: (values) => JSON.stringify(values),
  fromList: (value) => JSON.parse(value) as string[],
});

type SubscriptionRow = SubscriptionColumns<number, string>;
type AlertRow = PostedAlertColumns<number>;

const KEY = 'subscription_id = ? AND call_key = ?';

/**
 * Live alerts in the schedule store's SQLite file (the same connection: `SqliteScheduleStore`
 * opens it, migrates it and closes it). What reads and then writes runs in an immediate
 * transaction, which holds SQLite's one write lock from the first read, so it is atomic across
 * connections and processes (others wait up to the busy timeout).
 */
export class SqliteAlertStore extends CallbackClaimStore implements AlertStore {
  constructor(private readonly db: Database) {
    super();
    // Deleted rows are overwritten with zeros, so a caller's number deleted after
    // ALERT_RETENTION_DAYS does not linger in the file's free pages.
    db.pragma('secure_delete = ON');
  }

  async createSubscription(subscription: AlertSubscription): Promise<'created' | 'duplicate-id' | 'full'> {
    const { target } = subscription;
    const placeholders = SUBSCRIPTION_COLUMNS.map(() => '?').join(', ');
    const create = this.db.transaction((): 'created' | 'duplicate-id' | 'full' => {
      if (this.db.prepare('SELECT 1 FROM alert_subscriptions WHERE id = ?').get(subscription.id)) {
        return 'duplicate-id';
      }
      const { count } = this.db
        .prepare(
          'SELECT count(*) AS count FROM alert_subscriptions WHERE platform = ? AND conversation_id = ?',
        )
        .get(target.platform, target.conversationId) as { count: number };
      if (count >= MAX_SUBSCRIPTIONS_PER_CONVERSATION) return 'full';
      this.db
        .prepare(
          `INSERT INTO alert_subscriptions (${SUBSCRIPTION_COLUMNS.join(', ')}) VALUES (${placeholders})`,
        )
        .run(...SQLITE_ROWS.subscriptionValues(subscription));
      return 'created';
    });
    return create.immediate();
  }

  async getSubscription(id: string): Promise<AlertSubscription | undefined> {
    const row = this.db.prepare('SELECT * FROM alert_subscriptions WHERE id = ?').get(id) as
      | SubscriptionRow
      | undefined;
    return row ? SQLITE_ROWS.subscription(row) : undefined;
  }

  async listSubscriptions(conversation: {
    platform: DigestTarget['platform'];
    conversationId: string;
  }): Promise<AlertSubscription[]> {
    const rows = this.db
      .prepare(
        'SELECT * FROM alert_subscriptions WHERE platform = ? AND conversation_id = ? ORDER BY created_at, id',
      )
      .all(conversation.platform, conversation.conversationId) as SubscriptionRow[];
    return rows.map(SQLITE_ROWS.subscription);
  }

  async listAllSubscriptions(): Promise<AlertSubscription[]> {
    const rows = this.db
      .prepare('SELECT * FROM alert_subscriptions ORDER BY created_at, id')
      .all() as SubscriptionRow[];
    return rows.map(SQLITE_ROWS.subscription);
  }

  async deleteSubscription(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM alert_subscriptions WHERE id = ?').run(id).changes === 1;
  }

  async acquirePollerLease(holder: string, leaseUntil: Date, now: Date): Promise<boolean> {
    const result = this.db
      .prepare(
        `INSERT INTO alert_poller (id, holder, lease_until) VALUES (1, @holder, @lease)
         ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until
         WHERE alert_poller.holder IS NULL OR alert_poller.holder = excluded.holder
           OR alert_poller.lease_until IS NULL OR alert_poller.lease_until <= @now`,
      )
      .run({ holder, lease: leaseUntil.getTime(), now: now.getTime() });
    return result.changes === 1;
  }

  async getPollerPosition(): Promise<Date | undefined> {
    const row = this.db.prepare('SELECT read_until FROM alert_poller WHERE id = 1').get() as
      | { read_until: number | null }
      | undefined;
    return row?.read_until == null ? undefined : new Date(row.read_until);
  }

  async setPollerPosition(readUntil: Date): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO alert_poller (id, read_until) VALUES (1, ?)
         ON CONFLICT (id) DO UPDATE SET read_until = excluded.read_until`,
      )
      .run(readUntil.getTime());
  }

  async claimAlertPost(
    subscriptionId: string,
    call: MissedCallFacts,
    leaseUntil: Date,
    now: Date,
  ): Promise<'claimed' | 'taken'> {
    const result = this.db
      .prepare(
        `INSERT INTO posted_alerts (subscription_id, ${CALL_COLUMNS.join(', ')}, delivery, lease_until, state, created_at)
         SELECT ?, ${CALL_COLUMNS.map(() => '?').join(', ')}, 'posting', ?, 'open', ?
         WHERE EXISTS (SELECT 1 FROM alert_subscriptions WHERE id = ?)
         ON CONFLICT (subscription_id, call_key) DO UPDATE SET lease_until = excluded.lease_until
         WHERE posted_alerts.delivery = 'posting' AND posted_alerts.lease_until <= ?`,
      )
      .run(
        subscriptionId,
        ...SQLITE_ROWS.callValues(call),
        leaseUntil.getTime(),
        now.getTime(),
        subscriptionId,
        now.getTime(),
      );
    return result.changes === 1 ? 'claimed' : 'taken';
  }

  async markAlertPosted(
    subscriptionId: string,
    callKey: string,
    message: PostedMessageRef,
    _now: Date,
  ): Promise<void> {
    this.db
      .prepare(
        `UPDATE posted_alerts SET delivery = 'posted', message_id = ?, message_channel_id = ?
         WHERE ${KEY} AND delivery = 'posting'`,
      )
      .run(message.messageId, message.channelId ?? null, subscriptionId, callKey);
  }

  async releaseAlertPost(subscriptionId: string, callKey: string): Promise<void> {
    this.db
      .prepare(`DELETE FROM posted_alerts WHERE ${KEY} AND delivery = 'posting'`)
      .run(subscriptionId, callKey);
  }

  async getAlert(subscriptionId: string, callKey: string): Promise<PostedAlert | undefined> {
    return this.readAlert(subscriptionId, callKey);
  }

  async listUnreturnedAlerts(): Promise<PostedAlert[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM posted_alerts WHERE delivery = 'posted' AND state <> 'returned'
         ORDER BY started_at, subscription_id, call_key`,
      )
      .all() as AlertRow[];
    return rows.map(SQLITE_ROWS.alert);
  }

  async markReminded(subscriptionId: string, callKey: string, now: Date): Promise<void> {
    this.db
      .prepare(`UPDATE posted_alerts SET reminded_at = ? WHERE ${KEY} AND state = 'claimed'`)
      .run(now.getTime(), subscriptionId, callKey);
  }

  async markReturned(
    subscriptionId: string,
    callKey: string,
    by: { extension: string; name: string },
    at: Date,
  ): Promise<void> {
    this.db
      .prepare(
        `UPDATE posted_alerts SET state = 'returned', returned_by_extension = ?, returned_by_name = ?, returned_at = ?
         WHERE ${KEY}`,
      )
      .run(by.extension, by.name, at.getTime(), subscriptionId, callKey);
  }

  async deleteAlertsBefore(before: Date): Promise<number> {
    return this.db.prepare('DELETE FROM posted_alerts WHERE created_at < ?').run(before.getTime()).changes;
  }

  private readAlert(subscriptionId: string, callKey: string): PostedAlert | undefined {
    const row = this.db.prepare(`SELECT * FROM posted_alerts WHERE ${KEY}`).get(subscriptionId, callKey) as
      | AlertRow
      | undefined;
    return row ? SQLITE_ROWS.alert(row) : undefined;
  }

  /** Reads the alert and writes the decision in one immediate transaction: one writer at a time. */
  protected async decide(
    subscriptionId: string,
    callKey: string,
    choose: (alert: PostedAlert | undefined) => CallbackDecision,
  ): Promise<AlertClaimResult> {
    const run = this.db.transaction((): AlertClaimResult => {
      const alert = this.readAlert(subscriptionId, callKey);
      const decision = choose(alert);
      if (decision.result !== 'missing' && decision.write) {
        this.db
          .prepare(
            `UPDATE posted_alerts SET state = ?, claimed_by_platform = ?, claimed_by_id = ?, claimed_by_name = ?,
               claimed_at = ?, reminded_at = NULL
             WHERE ${KEY}`,
          )
          .run(...SQLITE_ROWS.claimValues(decision.write.claim), subscriptionId, callKey);
      }
      return toClaimResult(alert, decision);
    });
    return run.immediate();
  }
}
