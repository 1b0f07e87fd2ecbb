import { App, type AppOptions, webApi } from '@slack/bolt';
import type { AlertButtons } from '../../alerts/alert-buttons';
import type { AlertDelivery } from '../../alerts/alert-delivery';
import type { ChartImages } from '../../chart/chart-images';
import type { ChatService } from '../../chat/chat-service';
import type { Config } from '../../config/config';
import type { Logger } from '../../core/logger';
import type { DigestCreatorResolver } from '../../schedule/digest-creator-resolver';
import type { DigestDelivery } from '../../schedule/digest-delivery';
import type { ChatAdapter } from '../../server/chat-adapter';
import { RepliesInFlight } from '../../server/graceful-shutdown';
import { describeSlackError } from './describe-slack-error';
import { registerAlertButtons } from './register-alert-buttons';
import { registerAppHome } from './register-app-home';
import { registerCallsCommand } from './register-calls-command';
import { registerReportButtons } from './register-report-buttons';
import { fetchUnlessAbandoned, finishRepliesInFlight, trackRepliesInFlight } from './replies-on-restart';
import { SlackAlertDelivery } from './slack-alert-delivery';
import { SlackChannelLanes } from './slack-channel-lanes';
import { SlackDigestCreators } from './slack-digest-creators';
import { SlackDigestDelivery } from './slack-digest-delivery';
import type { SlackHandlerDeps } from './slack-handler-deps';
import { SlackHttpReceiver } from './slack-http-receiver';
import { SlackUserResolver } from './slack-user-resolver';
import { toBoltLogger } from './to-bolt-logger';

export interface SlackAdapterOptions {
  slack: NonNullable<Config['slack']>;
  chat: ChatService;
  logger: Logger;
  /** The zone for users whose Slack profile has none (DEFAULT_TIMEZONE, else UTC). */
  defaultTimeZone: string;
  /** The locale for users Slack gives none for (DEFAULT_LOCALE); default en-US. */
  defaultLocale?: string;
  /** The clock for request signatures and the user cache; default the system clock. */
  now?: () => Date;
  /** A "Working on it…" note goes out when an answer takes longer than this; default 2000 ms. */
  workingNoticeMs?: number;
  /** How long a user's zone, locale and e-mail are reused; default 1 hour. */
  userCacheTtlMs?: number;
  /** Report charts as images at PUBLIC_URL (replies and digests); without it, text bars. */
  charts?: ChartImages;
  /** Answers the live alerts' buttons ("I'll call back", "Release"); without it they are not listened to. */
  alertButtons?: AlertButtons;
}

/** The Slack adapter, and which way it talks to Slack. */
export interface SlackAdapter extends ChatAdapter {
  mode: 'http' | 'socket';
  /** Posts scheduled digests to their channels (paced, with retries). */
  digestDelivery: DigestDelivery;
  /** Looks up a digest's creator at every run (`users.info`). */
  digestCreators: DigestCreatorResolver;
  /** Posts, redraws and reminds live alerts (paced per channel together with the digests). */
  alertDelivery: AlertDelivery;
}

const DEFAULT_WORKING_NOTICE_MS = 2000;
const WEB_API_TIMEOUT_MS = 15_000;

/**
 * Slack through Bolt: over HTTP as the POST /slack/events route of our server (signatures checked
 * by `SlackHttpReceiver`), or over Socket Mode when an app-level token is configured (no route;
 * Bolt's socket client connects on `start`). Every Web API call goes to `slack.apiUrl`.
 */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { slack, logger } = options;
  const now = options.now ?? (() => new Date());
  // Commands and clicks being worked on, for a clean stop (`stop(graceMs)`).
  const replies = new RepliesInFlight();
  const appOptions: AppOptions = {
    authorize: async () => ({ botToken: slack.botToken }),
    logger: toBoltLogger(logger),
    convoStore: false,
    clientOptions: {
      slackApiUrl: slack.apiUrl,
      timeout: WEB_API_TIMEOUT_MS,
      retryConfig: { retries: 2 },
      fetch: fetchUnlessAbandoned(replies),
    },
  };
  const deps: SlackHandlerDeps = {
    chat: options.chat,
    users: new SlackUserResolver({
      defaultTimeZone: options.defaultTimeZone,
      ...(options.defaultLocale !== undefined && { defaultLocale: options.defaultLocale }),
      logger,
      now,
      ...(options.userCacheTtlMs !== undefined && { ttlMs: options.userCacheTtlMs }),
    }),
    logger,
    workingNoticeMs: options.workingNoticeMs ?? DEFAULT_WORKING_NOTICE_MS,
    charts: options.charts,
  };
  // Digests and alerts take turns in a channel: one pace per channel for both.
  const lanes = new SlackChannelLanes();
  const digestDelivery = new SlackDigestDelivery({
    apiUrl: slack.apiUrl,
    botToken: slack.botToken,
    logger,
    lanes,
    ...(options.charts && { charts: options.charts }),
  });
  const alertDelivery = new SlackAlertDelivery({
    apiUrl: slack.apiUrl,
    botToken: slack.botToken,
    logger,
    lanes,
  });
  // A rate limit fails the digest's run at once (it is tried again next time) rather than holding the scheduler.
  const digestCreators = new SlackDigestCreators(
    new webApi.WebClient(slack.botToken, {
      slackApiUrl: slack.apiUrl,
      timeout: WEB_API_TIMEOUT_MS,
      retryConfig: { retries: 1 },
      rejectRateLimitedCalls: true,
      logger: toBoltLogger(logger),
    }),
  );

  if (slack.appToken) {
    const app = new App({ ...appOptions, socketMode: true, appToken: slack.appToken });
    registerListeners(app, deps, replies, options.alertButtons);
    return {
      mode: 'socket',
      digestDelivery,
      digestCreators,
      alertDelivery,
      description: 'Slack (Socket Mode)',
      routes: [],
      start: async () => {
        await app.start();
      },
      stop: async (graceMs = Number.POSITIVE_INFINITY) => {
        await finishRepliesInFlight(replies, graceMs, logger);
        await app.stop();
      },
    };
  }

  const receiver = new SlackHttpReceiver({ signingSecret: slack.signingSecret, logger, now });
  const app = new App({ ...appOptions, receiver });
  registerListeners(app, deps, replies, options.alertButtons);
  return {
    mode: 'http',
    digestDelivery,
    digestCreators,
    alertDelivery,
    description: 'Slack (HTTP at /slack/events)',
    routes: [{ method: 'POST', path: '/slack/events', handler: receiver.requestHandler }],
    stop: async (graceMs = Number.POSITIVE_INFINITY) => {
      await finishRepliesInFlight(replies, graceMs, logger);
      // What is left of the receiver's work (no more than a turn of the event loop, unless abandoned).
      if (replies.size === 0) await receiver.stop();
    },
  };
}

function registerListeners(
  app: App,
  deps: SlackHandlerDeps,
  replies: RepliesInFlight,
  alertButtons: AlertButtons | undefined,
): void {
  trackRepliesInFlight(app, replies);
  registerCallsCommand(app, deps);
  registerReportButtons(app, deps);
  if (alertButtons) registerAlertButtons(app, deps, alertButtons);
  registerAppHome(app, deps);
  app.error(async (error) => {
    deps.logger.error('Slack listener failed', { error: describeSlackError(error) });
  });
}
