import { loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/core/logger';
import type { Report } from '../../src/core/report';
import { startBot } from '../../src/start-bot';
import { runCliReport } from '../helpers/run-cli-in-process';

export const PLAYGROUND_TEST_NOW = '2026-11-29T10:00:00Z';

/** A parsed log line of the server under test. */
export type LogEntry = { level: string; message: string } & Record<string, unknown>;

/**
 * The real bot (`startBot`) with the playground, as `npm start` runs it without THREECX_URL: on
 * loopback, on the built-in demo PBX (its history ending at the pinned clock). The CLI runs the same way.
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

export async function startPlaygroundTestBed(): Promise<PlaygroundTestBed> {
  const now = new Date(PLAYGROUND_TEST_NOW);
  const logs: LogEntry[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line) as LogEntry) });
  // No THREECX_URL: the built-in demo PBX, as in `npm start`.
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'sqlite::memory:' });
  const bot = await startBot({ config, logger, now: () => now });
  if (!bot.playground) {
    await bot.close();
    throw new Error('startBot did not mount the playground on loopback');
  }
  return {
    url: bot.url,
    logs,
    runCliJson: (words, timeZone) => runCliReport(words, timeZone, { now }),
    post: (path, body, headers = {}) =>
      fetch(`${bot.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    close: () => bot.close(),
  };
}
