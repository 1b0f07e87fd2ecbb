import { AccessControl } from '../../src/access/access-control';
import { readAccessPolicyText } from '../../src/access/load-access-policy';
import { type AlertButtons, createAlertButtons } from '../../src/alerts/alert-buttons';
import type { AlertDelivery } from '../../src/alerts/alert-delivery';
import type { AlertStore, AlertSubscription, MissedCallFacts } from '../../src/alerts/alert-store';
import { routeAlertDelivery } from '../../src/alerts/route-alert-delivery';
import { createLogger, type Logger } from '../../src/core/logger';
import type { DigestPlatform } from '../../src/schedule/digest-schedule';
import { openScheduleStore } from '../../src/schedule/open-schedule-store';
import type { ScheduleStore } from '../../src/schedule/schedule-store';
import { ACCESS_DIRECTORY } from '../access/access-fixtures';
import { JANE } from './alert-message-fixtures';

/** The people of the button tests, on Slack and Teams (e-mails as in ACCESS_DIRECTORY and the policy). */
export const CLICKERS = {
  /** Carol manages queue 800. */
  carol: {
    slack: 'U0CAROL001',
    aad: 'c0c0c0c0-0000-4000-8000-000000000001',
    email: 'carol.lead@example.com',
  },
  /** Dave manages queue 800 too. */
  dave: { slack: 'U0DAVE0001', aad: 'd0d0d0d0-0000-4000-8000-000000000002', email: 'dave.lead@example.com' },
  /** Ben Okafor: an agent of extension 101 only. */
  ben: { slack: 'U0BEN00101', aad: 'b0b0b0b0-0000-4000-8000-000000000003', email: 'ben.okafor@example.com' },
  /** An admin, named by Slack id and Entra object id. */
  admin: {
    slack: 'U0ADMIN001',
    aad: 'a0a0a0a0-0000-4000-8000-000000000004',
    email: 'alice.admin@example.com',
  },
} as const;

const POLICY = [
  'admins:',
  `  - ${CLICKERS.admin.slack}`,
  `  - ${CLICKERS.admin.aad}`,
  'managers:',
  `  - who: [${CLICKERS.carol.email}, ${CLICKERS.dave.email}]`,
  '    queues: [800]',
].join('\n');

/** The alert store (real SQLite, in memory), the access rules, the buttons and the audit log. */
export interface AlertButtonsBed {
  store: ScheduleStore;
  alerts: AlertStore;
  buttons: AlertButtons;
  /** Fill in a platform's delivery once its adapter exists (the router reads this at each call). */
  deliveries: Partial<Record<DigestPlatform, AlertDelivery>>;
  logger: Logger;
  /** Every log line, parsed. */
  lines: Record<string, unknown>[];
  /** The audit lines of alert buttons. */
  audits(): Record<string, unknown>[];
  /**
   * Subscribes `subscription`'s conversation and posts `call` to it through its platform's delivery,
   * as the poller does (claim the post, post, mark it posted). Resolves with the posted message id.
   */
  postAlert(subscription: AlertSubscription, call?: MissedCallFacts): Promise<string>;
  close(): Promise<void>;
}

export async function startAlertButtonsBed(
  options: { maskNumbers?: boolean } = {},
): Promise<AlertButtonsBed> {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line)) });
  const store = await openScheduleStore('sqlite::memory:');
  const access = new AccessControl({
    policy: readAccessPolicyText(POLICY, 'alert-buttons-policy.yaml'),
    unmapped: 'none',
    getDirectory: async () => ACCESS_DIRECTORY,
    logger,
  });
  const deliveries: Partial<Record<DigestPlatform, AlertDelivery>> = {};
  const delivery = routeAlertDelivery(deliveries);
  const buttons = createAlertButtons({
    store: store.alerts,
    delivery,
    access,
    maskNumbers: options.maskNumbers ?? false,
    logger,
    now: () => new Date(),
  });
  return {
    store,
    alerts: store.alerts,
    buttons,
    deliveries,
    logger,
    lines,
    audits: () => lines.filter((line) => line.audit === true && line.view === 'alert'),
    postAlert: async (subscription, call = JANE) => {
      const now = new Date();
      if (!(await store.alerts.getSubscription(subscription.id))) {
        expect(await store.alerts.createSubscription(subscription)).toBe('created');
      }
      expect(
        await store.alerts.claimAlertPost(subscription.id, call, new Date(now.getTime() + 60_000), now),
      ).toBe('claimed');
      const alert = await store.alerts.getAlert(subscription.id, call.callKey);
      const message = await delivery.post(subscription, alert!, options.maskNumbers ?? false);
      await store.alerts.markAlertPosted(subscription.id, call.callKey, message, now);
      return message.messageId;
    },
    close: () => store.close(),
  };
}

/** Waits until `check` holds (polling every 10 ms), or fails naming `what`. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
