import type { AddressInfo } from 'node:net';
import { setUpAccess } from './access/set-up-access';
import { createSlackAdapter } from './adapters/slack/create-slack-adapter';
import { createTeamsAdapter } from './adapters/teams/create-teams-adapter';
import { TeamsDigestCreators } from './adapters/teams/teams-digest-creators';
import { TeamsDigestDelivery } from './adapters/teams/teams-digest-delivery';
import { setUpChartImages } from './chart/set-up-chart-images';
import { ChatService } from './chat/chat-service';
import type { Config } from './config/config';
import { connectPbx, type PbxConnection } from './connect-pbx';
import type { Logger } from './core/logger';
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
import { wireDigests } from './wire-digests';

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
  /**
   * Stops: no new connections, the replies in flight get up to `graceMs` (default: all the time
   * they need), those still running then are told the bot is restarting (Slack); then the
   * scheduler, the store and the PBX client are closed.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

/**
 * Wiring only: config -> PBX connection -> report service -> digests (store, commands) -> chat
 * service -> adapters -> digest scheduler -> one HTTP server. Everything the bot does is reachable from here, and nothing else knows the
 * concrete adapters or the 3CX client.
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
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
  const reports = new ReportService({
    source: connection.source,
    serviceLevelSeconds: config.serviceLevelSeconds,
    maskNumbers: config.privacyMaskNumbers,
  });
  const digests = wireDigests({ config, store, reports, logger, now, access });
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
      })
    : undefined;
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
  });
  const adapters: ChatAdapter[] = slack ? [slack, teams] : [teams];
  // One runner for the scheduler and the playground's "Run now": each digest's creator is looked up on their platform.
  const runDigest = digests.createRunner({
    ...(slack && { slack: slack.digestCreators }),
    teams: new TeamsDigestCreators(teams),
    playground: new PlaygroundDigestCreators(),
  });
  // The playground bypasses chat authentication: loopback only unless PLAYGROUND=true, and with a real PBX behind a token.
  // Its channel view's digests post only into that view, whatever else the bot is connected to.
  const playground = mountPlayground({
    config,
    chat: chatFor({ exportCsv: true, share: true }),
    logger,
    now,
    digests: { store: digests.store, runReport: runDigest },
    charts: charts.playground,
  });
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
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`,
    connection,
    adapters,
    playground: playground.plan,
    scheduler,
    close: async ({ graceMs = Number.POSITIVE_INFINITY } = {}) => {
      // Stop accepting: the port closes, idle keep-alive connections too, and a request still
      // arriving on a busy one is answered 503 (createHttpServer).
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // No digest run starts from now on; one under way finishes within the grace period too.
      const schedulerStopped = scheduler.stop();
      // The replies in flight: Slack's after their acknowledgement (the adapter tells those still
      // running at the end that the bot restarts), Teams' and the playground's on their requests.
      await Promise.all([
        // An adapter keeps to `graceMs` itself; the margin is for telling the askers left (Slack).
        ...adapters.map((adapter) =>
          settledWithin(adapter.stop?.(graceMs) ?? Promise.resolve(), graceMs + ADAPTER_STOP_MARGIN_MS),
        ),
        settledWithin(serverClosed, graceMs),
        settledWithin(schedulerStopped, graceMs),
      ]);
      server.closeAllConnections();
      await serverClosed;
      await schedulerStopped;
      await digests.store.close();
      if (!options.connection) await connection.close();
    },
  };
}
