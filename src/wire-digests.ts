import type { AccessControl } from './access/access-control';
import type {
  ConversationReferenceStore,
  TeamsConversationReference,
} from './adapters/teams/create-teams-adapter';
import type { Config } from './config/config';
import type { Logger } from './core/logger';
import type { ReportService } from './report/report-service';
import { createDigestReportRunner, type DigestReportRunner } from './schedule/create-digest-report-runner';
import { DigestCommands } from './schedule/digest-commands';
import type { DigestCreatorResolver } from './schedule/digest-creator-resolver';
import type { DigestDelivery } from './schedule/digest-delivery';
import type { DigestPlatform } from './schedule/digest-schedule';
import { DigestScheduler } from './schedule/digest-scheduler';
import { routeDigestDelivery } from './schedule/route-digest-delivery';
import type { ScheduleStore } from './schedule/schedule-store';
import { createStoredConversationReferences } from './schedule/stored-conversation-references';
import { type ReadinessCheck, storeReadinessCheck } from './server/health-routes';

export interface DigestWiringOptions {
  /** The store `DATABASE_URL` names, opened and migrated (`openScheduleStore`); closed by the caller. */
  store: ScheduleStore;
  config: Pick<
    Config,
    'databaseUrl' | 'digestGraceMinutes' | 'weekStart' | 'maxPeriodDays' | 'defaultLocale'
  >;
  reports: Pick<ReportService, 'runReport' | 'describeUnknownDns'>;
  logger: Logger;
  now: () => Date;
  /** Access rules: every run is authorized as the digest's creator, looked up afresh (see createDigestReportRunner). */
  access?: Pick<AccessControl, 'authorize' | 'isAdmin' | 'requireAnyAccess'>;
}

/** Scheduled digests, wired: what start-bot hands to the chat services, the adapters and /readyz. */
export interface DigestWiring {
  store: ScheduleStore;
  /** The chat services' `schedules` (`schedule`, `schedules`, `unschedule`). */
  commands: DigestCommands;
  /** The Teams adapter's `references`: kept in the store, so Teams digests survive a restart. */
  teamsReferences: ConversationReferenceStore;
  readiness: ReadinessCheck;
  /**
   * What produces a digest's reply, looking its creator (and their locale) up through their
   * platform's `creators` at every run: the scheduler's, and the playground's "Run now" (the same
   * runner, so the same reply).
   */
  createRunner(creators: Partial<Record<DigestPlatform, DigestCreatorResolver>>): DigestReportRunner;
  /** The scheduler, producing with `runReport` and posting through each platform's delivery; a digest of a missing platform fails. */
  createScheduler(
    deliveries: Partial<Record<DigestPlatform, DigestDelivery>>,
    runReport: DigestReportRunner,
  ): DigestScheduler;
}

/**
 * Builds the digest parts around the store `DATABASE_URL` names. A digest's buttons are those of
 * an answer in its platform, except Share: it is in the channel already. The playground's channel
 * shows Slack's rendering, so its digests get Slack's buttons.
 */
export function wireDigests(options: DigestWiringOptions): DigestWiring {
  const { config, logger, now, store } = options;
  return {
    store,
    commands: new DigestCommands({ store, now, ...(options.access && { access: options.access }) }),
    teamsReferences: createStoredConversationReferences<TeamsConversationReference>(store, now),
    readiness: storeReadinessCheck(store),
    createRunner: (creators) =>
      createDigestReportRunner({
        reports: options.reports,
        weekStart: config.weekStart,
        maxPeriodDays: config.maxPeriodDays,
        defaultLocale: config.defaultLocale,
        locales: creators,
        actions: {
          slack: { exportCsv: true, share: false },
          teams: { exportCsv: false, share: false },
          playground: { exportCsv: true, share: false },
        },
        ...(options.access && { access: { rules: options.access, creators } }),
      }),
    createScheduler: (deliveries, runReport) =>
      new DigestScheduler({
        store,
        delivery: routeDigestDelivery(deliveries),
        runReport,
        now,
        graceMinutes: config.digestGraceMinutes,
        logger,
      }),
  };
}
