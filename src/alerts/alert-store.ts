import type { DigestCreator, DigestTarget } from '../schedule/digest-schedule';

/**
 * Live missed-call alerts (product spec, "Call-backs (round 2)"): what the store keeps. Every time
 * is a `Date`; every id is the store's or the platform's text. Both stores (SQLite by default,
 * PostgreSQL for replicas, the same `DATABASE_URL` as digests) pass the same contract tests.
 */

/** `alerts missed [queue N[,N]] [ext N[,N]]` typed in a conversation. */
export interface AlertSubscription {
  /** Short and typable, as digest ids: 6 characters of Crockford base32, lower case. */
  id: string;
  /** Where alerts are posted: the conversation it was typed in (a digest's target). */
  target: DigestTarget;
  /** Who subscribed: their access rules apply at every post, looked up afresh. */
  creator: DigestCreator;
  /** The filters as typed; an agent without filters gets their own extension here. */
  extensions: string[];
  queues: string[];
  /** The creator's zone: how times in the alerts read. */
  timeZone: string;
  createdAt: Date;
}

/** The facts of one missed call an alert shows (kept until `ALERT_RETENTION_DAYS` have passed). */
export interface MissedCallFacts {
  /** The call key (MainCallHistoryId, else CallHistoryId, else CallId). */
  callKey: string;
  /** The missed call's start and its newest leg's end. */
  startedAt: Date;
  endedAt: Date;
  /** The caller's number (first leg's SourceCallerId) and name, as the PBX gave them. */
  fromNumber: string;
  fromName: string;
  /** Where it ended: the last destination's DN and name. */
  toDn: string;
  toName: string;
  waitSeconds: number;
}

/** Where the platform holds the posted message, to update it in place and reply in its thread. */
export interface PostedMessageRef {
  /** Slack: the message `ts`; Teams: the activity id; playground: its own id. */
  messageId: string;
  /** Slack: the channel the message is in (may differ from the target's for a DM). */
  channelId?: string;
}

/** `open` (nobody claimed), `claimed`, `returned` (a return was found; the message says by whom). */
export type AlertState = 'open' | 'claimed' | 'returned';

/** One alert: a missed call posted (or being posted) to one subscription's conversation. */
export interface PostedAlert {
  subscriptionId: string;
  call: MissedCallFacts;
  /** `posting`: claimed by a poller, not yet accepted by the platform; `posted`: the platform took it. */
  delivery: 'posting' | 'posted';
  message?: PostedMessageRef;
  state: AlertState;
  claimedBy?: { platform: string; id: string; name?: string };
  claimedAt?: Date;
  /** The claim's one reminder was posted in the thread. */
  remindedAt?: Date;
  returnedBy?: { extension: string; name: string };
  returnedAt?: Date;
  createdAt: Date;
}

/**
 * A claim or release attempt. `claimed`: the alert is now the claimer's (also when they held it
 * already); `released`: nobody holds it now; `taken`: someone else holds it (`alert.claimedBy`
 * says who); `returned`: the call was returned, nothing to claim or release; `missing`: no such alert.
 */
export type AlertClaimResult =
  | { result: 'claimed'; alert: PostedAlert }
  | { result: 'released'; alert: PostedAlert }
  | { result: 'taken'; alert: PostedAlert }
  | { result: 'returned'; alert: PostedAlert }
  | { result: 'missing' };

export interface AlertStore {
  /** `duplicate-id` (nothing stored) when the id is taken; `full` when the conversation already has 20. */
  createSubscription(subscription: AlertSubscription): Promise<'created' | 'duplicate-id' | 'full'>;
  getSubscription(id: string): Promise<AlertSubscription | undefined>;
  /** The conversation's subscriptions, oldest first. */
  listSubscriptions(conversation: {
    platform: DigestTarget['platform'];
    conversationId: string;
  }): Promise<AlertSubscription[]>;
  /** Every subscription, oldest first (for the poller). */
  listAllSubscriptions(): Promise<AlertSubscription[]>;
  /** Removes it (its alerts stay until retention ends); false when there is none with that id. */
  deleteSubscription(id: string): Promise<boolean>;

  /**
   * The poller's lease: true when `holder` now holds it until `leaseUntil` (nobody held it, the
   * holder's own lease is renewed, or another holder's lease ended before `now`).
   */
  acquirePollerLease(holder: string, leaseUntil: Date, now: Date): Promise<boolean>;
  /** Where the last complete poll read up to (the end of its trailing window); undefined before the first. */
  getPollerPosition(): Promise<Date | undefined>;
  setPollerPosition(readUntil: Date): Promise<void>;

  /**
   * Claims the posting of `call` to the subscription (unique per subscription and call key):
   * `claimed` when no alert exists yet, or an earlier `posting` claim was left by a crash and its
   * lease ended before `now`; `taken` otherwise. The same guarantee as a digest occurrence.
   */
  claimAlertPost(
    subscriptionId: string,
    call: MissedCallFacts,
    leaseUntil: Date,
    now: Date,
  ): Promise<'claimed' | 'taken'>;
  /** The platform accepted the post. */
  markAlertPosted(
    subscriptionId: string,
    callKey: string,
    message: PostedMessageRef,
    now: Date,
  ): Promise<void>;
  /** The post failed: the claim is dropped so that a later poll tries again (a posted alert stays). */
  releaseAlertPost(subscriptionId: string, callKey: string): Promise<void>;
  getAlert(subscriptionId: string, callKey: string): Promise<PostedAlert | undefined>;
  /** Posted alerts not yet returned (what the poller checks for returns and reminders), oldest first. */
  listUnreturnedAlerts(): Promise<PostedAlert[]>;

  /**
   * "I'll call back", atomically: one claimer (`claimed`, also for the claimer clicking again); anyone
   * else gets `taken` with who holds it; `returned` once the call was returned.
   */
  claimCallback(
    subscriptionId: string,
    callKey: string,
    claimer: { platform: string; id: string; name?: string },
    now: Date,
  ): Promise<AlertClaimResult>;
  /**
   * "Release": only by the claimer, or anyone when `asAdmin`: `released` (also when nobody held it),
   * `taken` when someone else holds it and `asAdmin` is false. A release clears the claim's reminder.
   */
  releaseCallback(
    subscriptionId: string,
    callKey: string,
    releaser: { platform: string; id: string },
    asAdmin: boolean,
  ): Promise<AlertClaimResult>;
  /** The claim's reminder was posted; only while the alert is claimed (a release clears it). */
  markReminded(subscriptionId: string, callKey: string, now: Date): Promise<void>;
  /** A return was found: the state becomes `returned`, keeping who had claimed it. */
  markReturned(
    subscriptionId: string,
    callKey: string,
    by: { extension: string; name: string },
    at: Date,
  ): Promise<void>;

  /** Deletes alerts (posted or being posted, with their callers' numbers) created before `before`; returns how many. */
  deleteAlertsBefore(before: Date): Promise<number>;
}
