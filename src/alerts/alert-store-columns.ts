import {
  CONVERSATION_COLUMNS,
  type ConversationColumns,
  conversationValues,
  creatorFromColumns,
  targetFromColumns,
} from '../schedule/conversation-columns';
import type { AlertState, AlertSubscription, MissedCallFacts, PostedAlert } from './alert-store';
import type { ClaimWrite } from './alert-store-claims';

/**
 * The columns of `alert_subscriptions` and `posted_alerts` (migration 6), shared by SQLite and
 * PostgreSQL; only how a database keeps times (`Time`: epoch ms in SQLite, `Date` in pg) and lists
 * (`List`: JSON text in SQLite, `text[]` in pg) differs.
 */
export interface SubscriptionColumns<Time, List> extends ConversationColumns {
  id: string;
  extensions: List;
  queues: List;
  time_zone: string;
  created_at: Time;
}

export interface PostedAlertColumns<Time> {
  subscription_id: string;
  call_key: string;
  started_at: Time;
  ended_at: Time;
  from_number: string;
  from_name: string;
  to_dn: string;
  to_name: string;
  wait_seconds: number;
  delivery: PostedAlert['delivery'];
  lease_until: Time;
  message_id: string | null;
  message_channel_id: string | null;
  state: AlertState;
  claimed_by_platform: string | null;
  claimed_by_id: string | null;
  claimed_by_name: string | null;
  claimed_at: Time | null;
  reminded_at: Time | null;
  returned_by_extension: string | null;
  returned_by_name: string | null;
  returned_at: Time | null;
  created_at: Time;
}

/** How one database writes and reads its times and lists. */
export interface AlertColumnCodec<Time, List> {
  toTime(value: Date): Time;
  fromTime(value: Time): Date;
  toList(values: readonly string[]): List;
  fromList(value: List): string[];
}

/** The columns of `alert_subscriptions` in the order `subscriptionValues` gives them. */
export const SUBSCRIPTION_COLUMNS = [
  'id',
  ...CONVERSATION_COLUMNS,
  'extensions',
  'queues',
  'time_zone',
  'created_at',
] as const;

/** The columns of a new `posted_alerts` row (the call's facts) in the order `callValues` gives them. */
export const CALL_COLUMNS = [
  'call_key',
  'started_at',
  'ended_at',
  'from_number',
  'from_name',
  'to_dn',
  'to_name',
  'wait_seconds',
] as const;

export function subscriptionValues<Time, List>(
  subscription: AlertSubscription,
  codec: AlertColumnCodec<Time, List>,
): unknown[] {
  return [
    subscription.id,
    ...conversationValues(subscription.target, subscription.creator),
    codec.toList(subscription.extensions),
    codec.toList(subscription.queues),
    subscription.timeZone,
    codec.toTime(subscription.createdAt),
  ];
}

export function callValues<Time, List>(
  call: MissedCallFacts,
  codec: AlertColumnCodec<Time, List>,
): unknown[] {
  return [
    call.callKey,
    codec.toTime(call.startedAt),
    codec.toTime(call.endedAt),
    call.fromNumber,
    call.fromName,
    call.toDn,
    call.toName,
    Math.max(0, Math.round(call.waitSeconds)),
  ];
}

export function subscriptionFromColumns<Time, List>(
  row: SubscriptionColumns<Time, List>,
  codec: AlertColumnCodec<Time, List>,
): AlertSubscription {
  return {
    id: row.id,
    target: targetFromColumns(row),
    creator: creatorFromColumns(row),
    extensions: codec.fromList(row.extensions),
    queues: codec.fromList(row.queues),
    timeZone: row.time_zone,
    createdAt: codec.fromTime(row.created_at),
  };
}

export function alertFromColumns<Time, List>(
  row: PostedAlertColumns<Time>,
  codec: AlertColumnCodec<Time, List>,
): PostedAlert {
  const time = (value: Time | null) => (value === null ? undefined : codec.fromTime(value));
  const claimedAt = time(row.claimed_at);
  const remindedAt = time(row.reminded_at);
  const returnedAt = time(row.returned_at);
  return {
    subscriptionId: row.subscription_id,
    call: {
      callKey: row.call_key,
      startedAt: codec.fromTime(row.started_at),
      endedAt: codec.fromTime(row.ended_at),
      fromNumber: row.from_number,
      fromName: row.from_name,
      toDn: row.to_dn,
      toName: row.to_name,
      waitSeconds: row.wait_seconds,
    },
    delivery: row.delivery,
    ...(row.message_id !== null && {
      message: {
        messageId: row.message_id,
        ...(row.message_channel_id !== null && { channelId: row.message_channel_id }),
      },
    }),
    state: row.state,
    ...(row.claimed_by_platform !== null &&
      row.claimed_by_id !== null && {
        claimedBy: {
          platform: row.claimed_by_platform,
          id: row.claimed_by_id,
          ...(row.claimed_by_name !== null && { name: row.claimed_by_name }),
        },
      }),
    ...(claimedAt && { claimedAt }),
    ...(remindedAt && { remindedAt }),
    ...(row.returned_by_extension !== null && {
      returnedBy: { extension: row.returned_by_extension, name: row.returned_by_name ?? '' },
    }),
    ...(returnedAt && { returnedAt }),
    createdAt: codec.fromTime(row.created_at),
  };
}

/**
 * The values of the call-back claim columns (`state`, `claimed_by_platform`, `claimed_by_id`,
 * `claimed_by_name`, `claimed_at`, in that order) for a claim, or for none (`null`: released).
 */
export function claimValues<Time, List>(
  claim: ClaimWrite | null,
  codec: AlertColumnCodec<Time, List>,
): unknown[] {
  return [
    claim ? 'claimed' : 'open',
    claim?.by.platform ?? null,
    claim?.by.id ?? null,
    claim?.by.name ?? null,
    claim ? codec.toTime(claim.at) : null,
  ];
}

/** The conversions above, bound to one database's codec. */
export interface AlertRows<Time, List> {
  subscriptionValues(subscription: AlertSubscription): unknown[];
  callValues(call: MissedCallFacts): unknown[];
  claimValues(claim: ClaimWrite | null): unknown[];
  subscription(row: SubscriptionColumns<Time, List>): AlertSubscription;
  alert(row: PostedAlertColumns<Time>): PostedAlert;
}

export function alertRows<Time, List>(codec: AlertColumnCodec<Time, List>): AlertRows<Time, List> {
  return {
    subscriptionValues: (subscription) => subscriptionValues(subscription, codec),
    callValues: (call) => callValues(call, codec),
    claimValues: (claim) => claimValues(claim, codec),
    subscription: (row) => subscriptionFromColumns(row, codec),
    alert: (row) => alertFromColumns(row, codec),
  };
}
