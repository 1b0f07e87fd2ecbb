import type { AddressInfo } from 'node:net';
import { createSlackAdapter } from './adapters/slack/create-slack-adapter';
import { createTeamsAdapter } from './adapters/teams/create-teams-adapter';
import { ChatService } from './chat/chat-service';
import type { Config } from './config/config';
import { connectPbx, type PbxConnection } from './connect-pbx';
import type { Logger } from './core/logger';
import { ReportService } from './report/report-service';
import type { ChatAdapter } from './server/chat-adapter';
import { createHealthRoutes, pbxReadinessCheck } from './server/health-routes';
import { createHttpServer } from './server/http-server';

export interface StartBotOptions {
  config: Config;
  logger: Logger;
  now?: () => Date;
  /** Tests inject the PBX connection; otherwise the configured 3CX or the demo PBX. */
  connection?: PbxConnection;
}

export interface RunningBot {
  /** The server's base URL, e.g. `http://127.0.0.1:3000`. */
  url: string;
  connection: PbxConnection;
  adapters: ChatAdapter[];
  close(): Promise<void>;
}

/**
 * Wiring only: config -> PBX connection -> report service -> chat service -> adapters -> one
 * HTTP server. Everything the bot does is reachable from here, and nothing else knows the
 * concrete adapters or the 3CX client.
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, logger } = options;
  const now = options.now ?? (() => new Date());
  const connection = options.connection ?? (await connectPbx(config, { logger, now: now() }));
  const reports = new ReportService({
    source: connection.source,
    serviceLevelSeconds: config.serviceLevelSeconds,
  });
  const chatFor = (actions: { exportCsv: boolean; share: boolean }) =>
    new ChatService({
      reports,
      logger,
      now,
      weekStart: config.weekStart,
      maxPeriodDays: config.maxPeriodDays,
      actions,
    });

  const adapters: ChatAdapter[] = [];
  if (config.slack) {
    adapters.push(
      createSlackAdapter({
        slack: config.slack,
        chat: chatFor({ exportCsv: true, share: true }),
        logger,
        defaultTimeZone: config.defaultTimeZone ?? 'UTC',
        now,
      }),
    );
  }
  // Always mounted: without Teams configured, /api/messages answers 401 to everything.
  adapters.push(
    createTeamsAdapter({
      teams: config.teams,
      devNoAuth: config.teamsDevNoAuth,
      host: config.host,
      chat: chatFor({ exportCsv: false, share: false }),
      logger,
      defaultTimeZone: config.defaultTimeZone ?? 'UTC',
    }),
  );
  const routes = [
    ...createHealthRoutes([pbxReadinessCheck(connection.source)]),
    ...adapters.flatMap((adapter) => adapter.routes),
  ];
  const server = createHttpServer(routes, logger);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  for (const adapter of adapters) await adapter.start?.();
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`,
    connection,
    adapters,
    close: async () => {
      for (const adapter of adapters) await adapter.stop?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      if (!options.connection) await connection.close();
    },
  };
}
