import { describeError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { AlertSubscription } from './alert-store';
import type { SubscriberAccess, SubscriberAccessCheck } from './poller-subscriber-access';

/**
 * The subscribers' access within one poll: each subscription's creator is looked up and
 * authorized at most once per poll, and only when the poll has something to post, update or
 * remind for it. A change of verdict (lost access, a failed lookup, access again) is logged once,
 * not at every poll.
 */
export class PollerAccessMemo {
  private readonly lastVerdicts = new Map<string, string>();
  private verdicts = new Map<string, Promise<SubscriberAccess>>();

  constructor(
    private readonly check: SubscriberAccessCheck,
    private readonly logger: Logger,
  ) {}

  /** Forgets the last poll's verdicts (not what was logged). */
  startPoll(): void {
    this.verdicts = new Map();
  }

  /** The subscription's verdict in this poll; a check that throws counts as `unknown`. */
  accessOf(subscription: AlertSubscription): Promise<SubscriberAccess> {
    let verdict = this.verdicts.get(subscription.id);
    if (verdict === undefined) {
      verdict = this.check(subscription).then(
        (access) => this.noted(subscription, access),
        (error: unknown) =>
          this.noted(subscription, {
            kind: 'unknown',
            reason: describeError(error),
          }),
      );
      this.verdicts.set(subscription.id, verdict);
    }
    return verdict;
  }

  private noted(subscription: AlertSubscription, access: SubscriberAccess): SubscriberAccess {
    const summary = access.kind === 'allowed' ? 'allowed' : `${access.kind}: ${access.reason}`;
    const last = this.lastVerdicts.get(subscription.id);
    this.lastVerdicts.set(subscription.id, summary);
    if (summary === last || (last === undefined && access.kind === 'allowed')) return access;
    const fields = {
      subscriptionId: subscription.id,
      ...(access.kind !== 'allowed' && { reason: access.reason }),
    };
    if (access.kind === 'allowed') this.logger.info('alerts of a subscription are posted again', fields);
    else if (access.kind === 'refused')
      this.logger.warn('alerts not posted: the subscriber may not see these calls now', fields);
    else this.logger.warn('alerts not posted for now: the subscriber could not be looked up', fields);
    return access;
  }
}
