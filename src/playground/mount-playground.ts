import type { AlertButtons } from '../alerts/alert-buttons';
import type { AlertDelivery } from '../alerts/alert-delivery';
import type { ChartImages } from '../chart/chart-images';
import type { ChatService } from '../chat/chat-service';
import type { Config } from '../config/config';
import type { Logger } from '../core/logger';
import type { DigestReportRunner } from '../schedule/create-digest-report-runner';
import type { DigestDelivery } from '../schedule/digest-delivery';
import { previewDigest } from '../schedule/preview-digest';
import type { ScheduleStore } from '../schedule/schedule-store';
import type { Route } from '../server/http-server';
import { createChannelDigestDelivery } from './channel-digest-delivery';
import { createPlaygroundRoutes } from './create-playground-routes';
import { type PlaygroundPlan, planPlayground } from './plan-playground';
import { createPlaygroundAlertDelivery } from './playground-alert-delivery';
import { PlaygroundChannel } from './playground-channel';
import { createPlaygroundRenderer } from './playground-renderer';

export interface MountPlaygroundOptions {
  config: Config;
  /** Built like Slack's (CSV export and Share on): the page shows Slack's buttons. */
  chat: ChatService;
  logger: Logger;
  now: () => Date;
  /** The channel view's digests: the store every digest lives in, and the runner the scheduler uses (for "Run now"). */
  digests: { store: ScheduleStore; runReport: DigestReportRunner };
  /** Report charts as images in the Slack pane (links to the bot's own /chart.png); default text bars. */
  charts?: ChartImages;
  /** Answers the buttons of the channel view's live alerts. */
  alertButtons?: AlertButtons;
}

/** What start-bot mounts: the routes, the plan (for the banner) and the scheduler's delivery for `playground` digests. */
export interface MountedPlayground {
  plan: PlaygroundPlan;
  routes: Route[];
  /** `playground`: posts into the channel view; empty when the playground is off, so its digests fail (as "not configured"). */
  deliveries: { playground?: DigestDelivery };
  /** `playground`: posts live alerts into the channel view; empty when the playground is off. */
  alertDeliveries: { playground?: AlertDelivery };
}

/**
 * The playground's routes as `planPlayground` decides (none when it is off, with a warning when
 * someone would expect it on), and the plan, for the startup banner. The token is never logged.
 */
export function mountPlayground(options: MountPlaygroundOptions): MountedPlayground {
  const { config, logger, now } = options;
  const plan = planPlayground(config);
  if (!plan.serve) {
    if (plan.warn) logger.warn(`The playground is off: ${plan.reason}.`);
    return { plan, routes: [], deliveries: {}, alertDeliveries: {} };
  }
  const renderer = createPlaygroundRenderer({ now, ...(options.charts && { charts: options.charts }) });
  const channel = new PlaygroundChannel();
  const { store, runReport } = options.digests;
  const routes = createPlaygroundRoutes({
    chat: options.chat,
    logger,
    now,
    renderer,
    defaultTimeZone: config.defaultTimeZone ?? 'UTC',
    defaultLocale: config.defaultLocale,
    pbxDescription: config.threecx ? config.threecx.url : 'the built-in demo PBX',
    allowAnyHost: config.playground,
    ...(plan.token && { token: plan.token.value }),
    channel: {
      posts: channel,
      digests: { store, preview: (schedule, at) => previewDigest({ runReport, logger }, schedule, at) },
      ...(options.alertButtons && { alertButtons: options.alertButtons }),
    },
  });
  return {
    plan,
    routes,
    deliveries: { playground: createChannelDigestDelivery(channel, renderer, now) },
    alertDeliveries: { playground: createPlaygroundAlertDelivery(channel, now) },
  };
}
