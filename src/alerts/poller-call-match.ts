import type { CallScope } from '../core/report-request';
import type { AlertSubscription } from './alert-store';
import type { WindowMissedCall } from './poller-missed-calls';

/**
 * Whether a call belongs to a subscription, as a report's filters decide (report-definitions.md):
 * `ext` and `queue` match a DN that is the source or destination of any of the call's legs; values
 * of one kind OR together, the two kinds AND; no filter matches every call. With the creator's
 * access `scope` the call must also involve one of its extensions or queues.
 */
export function callMatchesSubscription(
  call: Pick<WindowMissedCall, 'dns'>,
  subscription: Pick<AlertSubscription, 'extensions' | 'queues'>,
  scope: CallScope | undefined,
): boolean {
  const involves = (dns: readonly string[]) => dns.some((dn) => call.dns.includes(dn));
  if (subscription.extensions.length > 0 && !involves(subscription.extensions)) return false;
  if (subscription.queues.length > 0 && !involves(subscription.queues)) return false;
  return scope === undefined || involves([...scope.extensions, ...scope.queues]);
}
