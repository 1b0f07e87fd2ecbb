import type { AccessControl } from '../access/access-control';
import { DigestAccessRevokedError } from '../access/authorize-digest-run';
import { AppError } from '../core/errors';
import type { CallScope } from '../core/report-request';
import type { DigestCreatorResolver } from '../schedule/digest-creator-resolver';
import type { DigestPlatform, DigestSchedule } from '../schedule/digest-schedule';
import { resolveDigestCreator } from '../schedule/resolve-digest-creator';
import type { AlertSubscription } from './alert-store';
import { alertCommandText, alertSubscriptionRequest } from './alert-subscription-words';

/**
 * What a subscription's creator may see now: `allowed` (within `scope`, or every call without
 * one); `refused` (gone from their platform, or no longer allowed to see what they subscribed to:
 * nothing is posted); `unknown` (their platform could not be asked: nothing now, the next poll
 * asks again). `reason` is short and holds no secret.
 */
export type SubscriberAccess =
  | { kind: 'allowed'; scope?: CallScope }
  | { kind: 'refused'; reason: string }
  | { kind: 'unknown'; reason: string };

/** Looks a subscription's creator up afresh and applies the access rules to who they are now. */
export type SubscriberAccessCheck = (subscription: AlertSubscription) => Promise<SubscriberAccess>;

/** The access rules and, per platform, how to look a creator up (the digests' resolvers). */
export interface SubscriberAccessOptions {
  rules: Pick<AccessControl, 'authorize'>;
  creators: Partial<Record<DigestPlatform, DigestCreatorResolver>>;
}

/**
 * The check a digest run makes, for an alert subscription: the creator is looked up on their
 * platform (Slack `users.info`, the Teams member of the conversation; `resolveDigestCreator`) and
 * authorized (`AccessControl.authorize`, one audit line) for "missed calls of the subscription's
 * extensions and queues". Without access rules every subscription sees every call.
 */
export function createSubscriberAccessCheck(
  options: SubscriberAccessOptions | undefined,
): SubscriberAccessCheck {
  if (options === undefined) return async () => ({ kind: 'allowed' });
  return async (subscription) => {
    let creator: Awaited<ReturnType<typeof resolveDigestCreator>>;
    try {
      creator = await resolveDigestCreator(options.creators, asDigest(subscription));
    } catch (error) {
      if (error instanceof DigestAccessRevokedError)
        return { kind: 'refused', reason: 'the creator is gone' };
      if (error instanceof AppError) return { kind: 'unknown', reason: error.message };
      throw error;
    }
    const decision = await options.rules.authorize(
      creator,
      alertSubscriptionRequest(subscription, {
        from: subscription.createdAt,
        to: subscription.createdAt,
        timeZone: subscription.timeZone,
      }),
      {
        command: alertCommandText(subscription),
        via: `alert ${subscription.id}`,
      },
    );
    if (!decision.ok) return { kind: 'refused', reason: decision.error.message };
    const { scope } = decision.request;
    return scope === undefined ? { kind: 'allowed' } : { kind: 'allowed', scope };
  };
}

/** The subscription in the shape the digests' creator resolvers read (creator, target, zone). */
function asDigest(subscription: AlertSubscription): DigestSchedule {
  return {
    id: subscription.id,
    target: subscription.target,
    creator: subscription.creator,
    timeZone: subscription.timeZone,
    rule: { cron: '', description: 'missed-call alerts' },
    command: alertCommandText(subscription),
    createdAt: subscription.createdAt,
    enabled: true,
  };
}
