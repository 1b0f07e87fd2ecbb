import type { Logger } from '../core/logger';
import type { AlertDelivery } from './alert-delivery';
import type { AlertStore, AlertSubscription, PostedAlert } from './alert-store';
import type { PollerAccessMemo } from './poller-access-memo';
import { callMatchesSubscription } from './poller-call-match';
import type { WindowMissedCall } from './poller-missed-calls';
import type { PostedAlertMemo } from './poller-posted-memo';

export interface AlertPostingDeps {
  store: AlertStore;
  delivery: AlertDelivery;
  access: PollerAccessMemo;
  /** What this process knows is posted already: not claimed again. */
  posted: PostedAlertMemo;
  /** PRIVACY_MASK_NUMBERS: alerts show neither the number nor the Call link. */
  maskNumbers: boolean;
  now: () => Date;
  logger: Logger;
  /** How long a posting claim holds before another poller may take over one left by a crash. */
  claimLeaseMs: number;
}

/** Subscriptions posted to at the same time (each one's alerts in order, oldest call first). */
const CONCURRENT_SUBSCRIPTIONS = 4;

/**
 * Posts each settled missed call to every subscription it belongs to, once: the call ended after
 * the subscription was made, matches its filters, and its creator may see it now (looked up
 * afresh, once per poll). Each post is claimed in the store first (unique per subscription and
 * call; a post claimed by another poller is left to it), then posted, then recorded as posted.
 * A post the platform refuses is released, so a later poll tries again, and that subscription's
 * other posts wait for the next poll too. Returns how many were posted.
 */
export async function postMissedCalls(
  deps: AlertPostingDeps,
  subscriptions: readonly AlertSubscription[],
  missed: readonly WindowMissedCall[],
): Promise<number> {
  // Posts made at an earlier poll whose recording failed (the database was away) are recorded first.
  await deps.posted.recordUnrecorded((post) =>
    deps.store.markAlertPosted(post.subscriptionId, post.callKey, post.message, deps.now()),
  );
  let posted = 0;
  for (let at = 0; at < subscriptions.length; at += CONCURRENT_SUBSCRIPTIONS) {
    const batch = subscriptions.slice(at, at + CONCURRENT_SUBSCRIPTIONS);
    const counts = await Promise.all(
      batch.map((subscription) => postToSubscription(deps, subscription, missed)),
    );
    for (const count of counts) posted += count;
  }
  return posted;
}

async function postToSubscription(
  deps: AlertPostingDeps,
  subscription: AlertSubscription,
  missed: readonly WindowMissedCall[],
): Promise<number> {
  const createdMs = subscription.createdAt.getTime();
  const mine = missed.filter(
    (call) =>
      call.facts.endedAt.getTime() >= createdMs &&
      !deps.posted.has(subscription.id, call.facts.callKey) &&
      callMatchesSubscription(call, subscription, undefined),
  );
  if (mine.length === 0) return 0;
  const access = await deps.access.accessOf(subscription);
  if (access.kind !== 'allowed') return 0;
  let posted = 0;
  for (const call of mine) {
    if (!callMatchesSubscription(call, subscription, access.scope)) continue;
    const outcome = await postOne(deps, subscription, call);
    if (outcome === 'failed') break;
    if (outcome === 'posted') posted += 1;
  }
  return posted;
}

/** Claim, post, record; `taken` when another poller has (or had) it. */
async function postOne(
  deps: AlertPostingDeps,
  subscription: AlertSubscription,
  call: WindowMissedCall,
): Promise<'posted' | 'taken' | 'failed'> {
  const { store, logger } = deps;
  const { callKey } = call.facts;
  const fields = { subscriptionId: subscription.id, callKey };
  const remember = () => deps.posted.add(subscription.id, callKey, call.facts.startedAt.getTime());
  const claimedAt = deps.now();
  const leaseUntil = new Date(claimedAt.getTime() + deps.claimLeaseMs);
  if ((await store.claimAlertPost(subscription.id, call.facts, leaseUntil, claimedAt)) === 'taken') {
    if ((await store.getAlert(subscription.id, callKey))?.delivery === 'posted') remember();
    return 'taken';
  }
  const alert: PostedAlert = {
    subscriptionId: subscription.id,
    call: call.facts,
    delivery: 'posting',
    state: 'open',
    createdAt: claimedAt,
  };
  let message: Awaited<ReturnType<AlertDelivery['post']>>;
  try {
    message = await deps.delivery.post(subscription, alert, deps.maskNumbers);
  } catch (error) {
    logger.warn('alert could not be posted; the next poll tries again', {
      ...fields,
      reason: reasonOf(error),
    });
    await store.releaseAlertPost(subscription.id, callKey);
    return 'failed';
  }
  remember();
  try {
    await store.markAlertPosted(subscription.id, callKey, message, deps.now());
  } catch (error) {
    // Posted but not recorded: never posted again by this process; recorded at the next poll.
    deps.posted.addUnrecorded({ subscriptionId: subscription.id, callKey, message });
    logger.warn('alert posted but not recorded; the next poll records it', {
      ...fields,
      reason: reasonOf(error),
    });
    return 'posted';
  }
  logger.info('alert posted', {
    ...fields,
    endedAt: call.facts.endedAt.toISOString(),
    delaySeconds: Math.round((deps.now().getTime() - call.facts.endedAt.getTime()) / 1000),
  });
  return 'posted';
}

/** A failure as a short reason for the log (the deliveries' messages hold no secret). */
export function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= 200 ? line : `${line.slice(0, 199)}…`;
}
