import { writeReturnAuditLine } from '../access/write-audit-line';
import type { Logger } from '../core/logger';
import type { AlertDelivery } from './alert-delivery';
import type { AlertStore, AlertSubscription, PostedAlert } from './alert-store';
import type { PollerAccessMemo } from './poller-access-memo';
import { reasonOf } from './poller-post-alerts';
import type { ReturnFinder } from './poller-returns';

export interface FollowUpDeps {
  store: AlertStore;
  delivery: AlertDelivery;
  access: PollerAccessMemo;
  maskNumbers: boolean;
  now: () => Date;
  logger: Logger;
  /** ALERT_CLAIM_REMINDER_MINUTES in ms; 0: never remind. */
  reminderMs: number;
}

/** What the follow-ups of one poll did. */
export interface FollowUpCounts {
  returned: number;
  reminded: number;
}

/**
 * What happens to posted alerts after their post, for every alert not yet returned: a return found
 * in this poll's window is recorded and the message redrawn in place ("✓ returned by …"); a claim
 * held longer than the reminder time with no return gets its one reminder in the thread. Both are
 * recorded in the store first or after as makes a repeat harmless: the return before the redraw
 * (a button click redraws from the store too, so it cannot undo it), the reminder after it was
 * posted (so a failed one is tried again next poll). Alerts of removed subscriptions are only
 * recorded, and a subscriber who may not see the calls now gets no message.
 */
export async function followUpAlerts(
  deps: FollowUpDeps,
  alerts: readonly PostedAlert[],
  subscriptions: ReadonlyMap<string, AlertSubscription>,
  returns: ReturnFinder,
): Promise<FollowUpCounts> {
  const counts: FollowUpCounts = { returned: 0, reminded: 0 };
  for (const alert of alerts) {
    if (alert.delivery !== 'posted' || alert.state === 'returned') continue;
    const subscription = subscriptions.get(alert.subscriptionId);
    const fields = { subscriptionId: alert.subscriptionId, callKey: alert.call.callKey };
    try {
      if (await recordReturn(deps, alert, subscription, returns)) counts.returned += 1;
      else if (await remindClaim(deps, alert, subscription)) counts.reminded += 1;
    } catch (error) {
      deps.logger.warn('alert follow-up failed; the next poll tries again', {
        ...fields,
        reason: reasonOf(error),
      });
    }
  }
  return counts;
}

async function recordReturn(
  deps: FollowUpDeps,
  alert: PostedAlert,
  subscription: AlertSubscription | undefined,
  returns: ReturnFinder,
): Promise<boolean> {
  const { store, logger } = deps;
  const actual = returns.find(alert);
  if (actual === undefined) return false;
  let found = actual;
  // The subscriber is looked up only now, when there is something to say.
  const access = subscription ? await deps.access.accessOf(subscription) : undefined;
  if (access !== undefined && access.kind !== 'allowed') return false;
  const visible = access?.scope && new Set(access.scope.extensions);
  if (visible) found = returns.find(alert, (extension) => visible.has(extension)) ?? found;
  const { subscriptionId, call } = alert;
  await store.markReturned(subscriptionId, call.callKey, found.by, found.at);
  writeReturnAuditLine(logger, {
    subscriptionId,
    callKey: call.callKey,
    returnedBy: actual.by.extension, // the log names the returner even where the message says "a colleague"
    returnedAt: actual.at,
    ...(alert.claimedBy && { claimedBy: alert.claimedBy }),
  });
  if (subscription === undefined) return true;
  const updated = (await store.getAlert(subscriptionId, call.callKey)) ?? {
    ...alert,
    state: 'returned' as const,
    returnedBy: found.by,
    returnedAt: found.at,
  };
  try {
    await deps.delivery.update(subscription, updated, deps.maskNumbers);
  } catch (error) {
    logger.warn('alert message could not be marked returned', {
      subscriptionId,
      callKey: call.callKey,
      reason: reasonOf(error),
    });
  }
  return true;
}

async function remindClaim(
  deps: FollowUpDeps,
  alert: PostedAlert,
  subscription: AlertSubscription | undefined,
): Promise<boolean> {
  if (deps.reminderMs <= 0 || subscription === undefined) return false;
  if (alert.state !== 'claimed' || alert.claimedAt === undefined || alert.remindedAt !== undefined)
    return false;
  const now = deps.now();
  if (now.getTime() - alert.claimedAt.getTime() < deps.reminderMs) return false;
  if ((await deps.access.accessOf(subscription)).kind !== 'allowed') return false;
  await deps.delivery.remind(subscription, alert);
  await deps.store.markReminded(alert.subscriptionId, alert.call.callKey, now);
  deps.logger.info('alert claim reminded', {
    subscriptionId: alert.subscriptionId,
    callKey: alert.call.callKey,
  });
  return true;
}
