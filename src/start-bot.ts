import type { AddressInfo } from 'node:net';
import { setUpAccess } from './access/set-up-access';
import { createSlackAdapter } from './adapters/slack/create-slack-adapter';
import { createTeamsAdapter } from './adapters/teams/create-teams-adapter';
import { TeamsAlertDelivery } from './adapters/teams/teams-alert-delivery';
import { TeamsDigestCreators } from './adapters/teams/teams-digest-creators';
import { TeamsDigestDelivery } from './adapters/teams/teams-digest-delivery';
import type { MissedCallPoller } from './alerts/missed-call-poller';
import { setUpChartImages } from './chart/set-up-chart-images';
import { ChatService } from './chat/chat-service';
import type { Config } from './config/config';
import { loadTimeZoneData } from './config/is-valid-time-zone';
import { connectPbx, type PbxConnection } from './connect-pbx';
import type { Logger } from './core/logger';
import type { HistoryCheck } from './history/history-check';
import { HistoryCommands } from './history/history-commands';
import { mountPlayground } from './playground/mount-playground';
import type { PlaygroundPlan } from './playground/plan-playground';
import { PlaygroundDigestCreators } from './playground/playground-digest-creators';
import { ReportService } from './report/report-service';
import type { DigestScheduler } from './schedule/digest-scheduler';
import { isPostgresUrl, openScheduleStore } from './schedule/open-schedule-store';
import type { ChatAdapter } from './server/chat-adapter';
import { settledWithin } from './server/graceful-shutdown';
import { createHealthRoutes, pbxReadinessCheck } from './server/health-routes';
import { createHttpServer } from './server/http-server';
import { listen } from './server/listen';
import { wireAlerts } from './wire-alerts';
import { wireDigests } from './wire-digests';
import { wireHistory } from './wire-history';

/** How much longer than the grace period an adapter's `stop` may take (to post its "restarting" messages). */
const ADAPTER_STOP_MARGIN_MS = 6_000;

export interface StartBotOptions {
  config: Config;
  logger: Logger;
  now?: () => Date;
  /** Tests inject the PBX connection; otherwise the configured 3CX or the demo PBX. */
  connection?: PbxConnection;
  /** Start the digest scheduler's timer; default true. Tests pass false and call `scheduler.tick()`. */
  startScheduler?: boolean;
  /** Start the alert poller's timer; default as `startScheduler`. Tests pass false and call `alertPoller.tick()`. */
  startAlertPoller?: boolean;
}

export interface RunningBot {
  /** The server's base URL, e.g. `http://127.0.0.1:3000`. */
  url: string;
  connection: PbxConnection;
  adapters: ChatAdapter[];
  /** Whether `/` serves the playground page, with which token (printed only in the banner), or why not. */
  playground: PlaygroundPlan;
  /** Posts scheduled digests; `tick()` runs one pass now. */
  scheduler: DigestScheduler;
  /** Posts live missed-call alerts (when this process holds the poller's lease); `tick()` polls now. */
  alertPoller: MissedCallPoller;
  /** The call-log history's background check (undefined when history is off); `tick()` checks now. */
  historyCheck: HistoryCheck | undefined;
  /**
   * Stops: no new connections, the replies in flight get up to `graceMs` (default: all the time
   * they need), those still running then are told the bot is restarting (Slack); then the
   * scheduler, the alert poller (handing its lease on), the history (its check, and the days being
   * stored), the store and the PBX client are closed.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

/**
 * Wiring only: config -> PBX connection -> report service -> digests and alerts (store, commands)
 * -> chat service -> adapters -> digest scheduler and alert poller -> one HTTP server. Everything
 * the bot does is reachable from here, and nothing else knows the concrete adapters or the 3CX
 * client.
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  loadTimeZoneData();
  const { config, logger } = options;
  const now = options.now ?? (() => new Date());
  // First, so that an invalid ACCESS_POLICY stops the start before anything connects.
  const access = await setUpAccess({
    policyPath: config.accessPolicyPath,
    unmapped: config.accessUnmapped,
    pbx: config.threecx ? 'real' : 'demo',
    getDirectory: () => connection.source.getDirectory(),
    logger,
    chatEnabled: config.slack !== undefined || config.teams !== undefined || config.teamsDevNoAuth,
  });
  const store = await openScheduleStore(config.databaseUrl, { now });
  let connection: PbxConnection;
  try {
    // With PostgreSQL, replicas share one PBX token through the store (3CX keeps one per client).
    const sharedTokens = isPostgresUrl(config.databaseUrl) ? store : undefined;
    connection =
      options.connection ??
      (await connectPbx(config, { logger, now: now(), ...(sharedTokens && { sharedTokens }) }));
  } catch (error) {
    await store.close();
    throw error;
  }
  // Reports read closed days from the call-log history in the store, the rest from the PBX (docs/history.md).
  const { historyDays } = config;
  const history = wireHistory(store.history, connection, { historyDays, logger, now });
  const reports = new ReportService({
    source: history.source,
    serviceLevelSeconds: config.serviceLevelSeconds,
    maskNumbers: config.privacyMaskNumbers,
    now,
  });
  const digests = wireDigests({ config, store, reports, logger, now, access });
  // Live missed-call alerts: subscriptions and alerts kept beside the digests, one poller per deployment.
  const alerts = wireAlerts({ config, store: store.alerts, source: connection.source, logger, now, access });
  // The call history kept in the store (`history`, `history purge [confirm]`): admins only.
  const historyCommands = new HistoryCommands({
    store: store.history,
    historyDays: config.historyDays,
    access,
    logger,
  });
  const chatFor = (actions: { exportCsv: boolean; share: boolean }) =>
    new ChatService({
      reports,
      logger,
      now,
      weekStart: config.weekStart,
      maxPeriodDays: config.maxPeriodDays,
      actions,
      access,
      schedules: digests.commands,
      alerts: alerts.commands,
      history: historyCommands,
    });

  // Charts as PNGs on the bot's own /chart.png: for Slack at PUBLIC_URL, for the playground always.
  const charts = setUpChartImages({ config, logger, now });
  const slack = config.slack
    ? createSlackAdapter({
        slack: config.slack,
        chat: chatFor({ exportCsv: true, share: true }),
        logger,
        defaultTimeZone: config.defaultTimeZone ?? 'UTC',
        defaultLocale: config.defaultLocale,
        now,
        ...(charts.slack && { charts: charts.slack }),
        alertButtons: alerts.buttons,
      })
    : undefined;
  if (slack) alerts.deliveries.slack = slack.alertDelivery;
  // Always mounted: without Teams configured, /api/messages answers 401 to everything.
  const teams = createTeamsAdapter({
    teams: config.teams,
    devNoAuth: config.teamsDevNoAuth,
    host: config.host,
    tenantId: config.teamsTenantId,
    chat: chatFor({ exportCsv: false, share: false }),
    logger,
    defaultTimeZone: config.defaultTimeZone ?? 'UTC',
    defaultLocale: config.defaultLocale,
    references: digests.teamsReferences,
    alertButtons: alerts.buttons,
  });
  alerts.deliveries.teams = new TeamsAlertDelivery(teams.alertMessages);
  const adapters: ChatAdapter[] = slack ? [slack, teams] : [teams];
  // Who made a digest or an alert subscription, looked up on their platform at every run and every post.
  const creators = {
    ...(slack && { slack: slack.digestCreators }),
    teams: new TeamsDigestCreators(teams),
    playground: new PlaygroundDigestCreators(),
  };
  // One runner for the scheduler and the playground's "Run now".
  const runDigest = digests.createRunner(creators);
  const alertPoller = alerts.createPoller(creators);
  // The playground bypasses chat authentication: loopback only unless PLAYGROUND=true, and with a real PBX behind a token.
  // Its channel view's digests post only into that view, whatever else the bot is connected to.
  const playground = mountPlayground({
    config,
    chat: chatFor({ exportCsv: true, share: true }),
    logger,
    now,
    digests: { store: digests.store, runReport: runDigest },
    charts: charts.playground,
    alertButtons: alerts.buttons,
  });
  Object.assign(alerts.deliveries, playground.alertDeliveries);
  const scheduler = digests.createScheduler(
    {
      ...(slack && { slack: slack.digestDelivery }),
      teams: new TeamsDigestDelivery(teams),
      ...playground.deliveries,
    },
    runDigest,
  );
  const routes = [
    ...createHealthRoutes([pbxReadinessCheck(connection.source), digests.readiness], { logger, now }),
    ...adapters.flatMap((adapter) => adapter.routes),
    ...playground.routes,
    charts.route,
  ];
  const server = createHttpServer(routes, logger);
  try {
    await listen(server, config.port, config.host);
  } catch (error) {
    await digests.store.close();
    if (!options.connection) await connection.close();
    throw error;
  }
  for (const adapter of adapters) await adapter.start?.();
  if (options.startScheduler !== false) scheduler.start();
  if (options.startAlertPoller ?? options.startScheduler !== false) alertPoller.start();
  if (options.startScheduler !== false) history.start();
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`,
    connection,
    adapters,
    playground: playground.plan,
    scheduler,
    alertPoller,
    historyCheck: history.check,
    close: async ({ graceMs = Number.POSITIVE_INFINITY } = {}) => {
      // Stop accepting: the port closes, idle keep-alive connections too, and a request still
      // arriving on a busy one is answered 503 (createHttpServer).
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // No digest run nor alert poll starts from now on; one under way finishes within the grace
      // period too, and the poller hands its lease on (another replica polls at its next tick).
      const schedulerStopped = scheduler.stop();
      const pollerStopped = alertPoller.stop();
      // A check under way finishes; days being stored are written (a report never waits for them).
      const historyStopped = history.stop();
      // The replies in flight: Slack's after their acknowledgement (the adapter tells those still
      // running at the end that the bot restarts), Teams' and the playground's on their requests.
      await Promise.all([
        // An adapter keeps to `graceMs` itself; the margin is for telling the askers left (Slack).
        ...adapters.map((adapter) =>
          settledWithin(adapter.stop?.(graceMs) ?? Promise.resolve(), graceMs + ADAPTER_STOP_MARGIN_MS),
        ),
        settledWithin(serverClosed, graceMs),
        settledWithin(schedulerStopped, graceMs),
        settledWithin(pollerStopped, graceMs),
        settledWithin(historyStopped, graceMs),
      ]);
      server.closeAllConnections();
      await serverClosed;
      await schedulerStopped;
      await pollerStopped;
      await historyStopped;
      await digests.store.close();
      if (!options.connection) await connection.close();
    },
  };
}
