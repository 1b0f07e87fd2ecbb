import type { AddressInfo } from 'node:net';
import { type CliIo, runCli } from '../../src/adapters/cli/run-cli';
import { ChatService } from '../../src/chat/chat-service';
import type { Config } from '../../src/config/config';
import { loadConfig } from '../../src/config/load-config';
import { connectPbx, type PbxConnection } from '../../src/connect-pbx';
import { createLogger, type Logger } from '../../src/core/logger';
import type { Report } from '../../src/core/report';
import { createPlaygroundRoutes } from '../../src/playground/create-playground-routes';
import { ReportService } from '../../src/report/report-service';
import { createHealthRoutes, pbxReadinessCheck } from '../../src/server/health-routes';
import { createHttpServer } from '../../src/server/http-server';
import { startBot } from '../../src/start-bot';

export const PLAYGROUND_TEST_NOW = '2026-11-29T10:00:00Z';

/** A parsed log line of the server under test. */
export type LogEntry = { level: string; message: string } & Record<string, unknown>;

/**
 * The bot's HTTP server with the playground, as `npm start` runs it without THREECX_URL: on the
 * built-in demo PBX (seed 42, its history ending at the pinned clock). The CLI runs the same way.
 */
export interface PlaygroundTestBed {
  url: string;
  logs: LogEntry[];
  /** `npm run -s calls -- <words> --json --tz <zone> --now <now>` in-process, against the same PBX. */
  runCliJson(words: string[], timeZone: string): Promise<Report>;
  /** POSTs a body (an object, or raw text) to a playground API path. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

interface Served {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the real bot (`startBot`); while start-bot does not mount the playground yet, starts a
 * server built the way start-bot builds it (same connection, report and chat services).
 */
export async function startPlaygroundTestBed(): Promise<PlaygroundTestBed> {
  const now = () => new Date(PLAYGROUND_TEST_NOW);
  const env: Record<string, string> = {}; // no THREECX_URL: the built-in demo PBX, as in `npm start`
  const logs: LogEntry[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line) as LogEntry) });
  const config = loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'sqlite::memory:' });
  const served = await startServer(config, logger, now);
  return {
    url: served.url,
    logs,
    runCliJson: async (words, timeZone) => {
      let stdout = '';
      let stderr = '';
      const io: CliIo = {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
        env,
        now,
        machineTimeZone: 'UTC',
      };
      const code = await runCli([...words, '--json', '--tz', timeZone, '--now', PLAYGROUND_TEST_NOW], io);
      if (code !== 0) throw new Error(`calls CLI exited with ${code}: ${stderr}`);
      return JSON.parse(stdout) as Report;
    },
    post: (path, body, headers = {}) =>
      fetch(`${served.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    close: async () => {
      await served.close();
    },
  };
}

async function startServer(config: Config, logger: Logger, now: () => Date): Promise<Served> {
  const bot = await startBot({ config, logger, now });
  const page = await fetch(`${bot.url}/`);
  await page.arrayBuffer();
  if (page.ok) return bot;
  await bot.close();
  return startStandIn(config, logger, now);
}

/** What start-bot builds, plus the playground routes. */
async function startStandIn(config: Config, logger: Logger, now: () => Date): Promise<Served> {
  const connection: PbxConnection = await connectPbx(config, { logger, now: now() });
  const reports = new ReportService({
    source: connection.source,
    serviceLevelSeconds: config.serviceLevelSeconds,
  });
  const chat = new ChatService({
    reports,
    logger,
    now,
    weekStart: config.weekStart,
    maxPeriodDays: config.maxPeriodDays,
    actions: { exportCsv: true, share: true },
  });
  const routes = [
    ...createHealthRoutes([pbxReadinessCheck(connection.source)]),
    ...createPlaygroundRoutes({
      chat,
      logger,
      defaultTimeZone: config.defaultTimeZone ?? 'UTC',
      pbxDescription: 'the built-in demo PBX',
      now,
    }),
  ];
  const server = createHttpServer(routes, logger);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await connection.close();
    },
  };
}
