import type { AccessControl } from './access/access-control';
import { type AlertButtons, createAlertButtons } from './alerts/alert-buttons';
import { AlertCommands } from './alerts/alert-commands';
import type { AlertDelivery } from './alerts/alert-delivery';
import type { AlertStore } from './alerts/alert-store';
import { MissedCallPoller } from './alerts/missed-call-poller';
import { createSubscriberAccessCheck } from './alerts/poller-subscriber-access';
import { routeAlertDelivery } from './alerts/route-alert-delivery';
import type { Config } from './config/config';
import type { CallLogSource } from './core/call-log-source';
import type { Logger } from './core/logger';
import type { DigestCreatorResolver } from './schedule/digest-creator-resolver';
import type { DigestPlatform } from './schedule/digest-schedule';

export interface AlertWiringOptions {
  /** The alerts of the store `DATABASE_URL` names (`ScheduleStore.alerts`); closed with it by the caller. */
  store: AlertStore;
  /** The PBX the poller reads (one query set per poll). */
  source: CallLogSource;
  config: Pick<
    Config,
    | 'alertPollSeconds'
    | 'alertSettleSeconds'
    | 'alertClaimReminderMinutes'
    | 'alertRetentionDays'
    | 'privacyMaskNumbers'
  >;
  logger: Logger;
  now: () => Date;
  /** The access rules: at subscribing, at every post (the creator looked up afresh), at every click. */
  access: AccessControl;
}

/** Live missed-call alerts, wired: what start-bot hands to the chat services, the adapters and the shutdown. */
export interface AlertWiring {
  /** The chat services' `alerts` (`alerts missed …`, `alerts`, `alerts off <id>`). */
  commands: AlertCommands;
  /**
   * Each platform's alert delivery, set by start-bot once its adapter exists: the poller and the
   * buttons post through one router that reads this at every call (a platform not connected fails
   * that alert with a short reason; the next poll tries again).
   */
  deliveries: Partial<Record<DigestPlatform, AlertDelivery>>;
  /** "I'll call back" and "Release", for the adapters (they redraw through `deliveries`). */
  buttons: AlertButtons;
  /**
   * The deployment's poller: every process runs one, and the store's lease lets one poll at a
   * time. Each subscription's creator is looked up through their platform's `creators` (the
   * digests' resolvers) at every post.
   */
  createPoller(creators: Partial<Record<DigestPlatform, DigestCreatorResolver>>): MissedCallPoller;
}

/** Builds the alert parts around the store; nothing runs until the poller is started. */
export function wireAlerts(options: AlertWiringOptions): AlertWiring {
  const { config, logger, now, store, access } = options;
  const deliveries: Partial<Record<DigestPlatform, AlertDelivery>> = {};
  const delivery = routeAlertDelivery(deliveries);
  return {
    commands: new AlertCommands({ store, now, access }),
    deliveries,
    buttons: createAlertButtons({
      store,
      delivery,
      access,
      maskNumbers: config.privacyMaskNumbers,
      logger,
      now,
    }),
    createPoller: (creators) =>
      new MissedCallPoller({
        store,
        source: options.source,
        delivery,
        access: createSubscriberAccessCheck({ rules: access, creators }),
        now,
        logger,
        pollSeconds: config.alertPollSeconds,
        settleSeconds: config.alertSettleSeconds,
        claimReminderMinutes: config.alertClaimReminderMinutes,
        retentionDays: config.alertRetentionDays,
        maskNumbers: config.privacyMaskNumbers,
      }),
  };
}
