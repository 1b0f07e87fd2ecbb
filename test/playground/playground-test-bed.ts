import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { MissedCallPoller } from '../../src/alerts/missed-call-poller';
import { loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/core/logger';
import type { Report } from '../../src/core/report';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import type { PlaygroundPlan } from '../../src/playground/plan-playground';
import type { DigestScheduler } from '../../src/schedule/digest-scheduler';
import { startBot } from '../../src/start-bot';
import { demoPbxEnv, runCliReport } from '../helpers/run-cli-in-process';

export const PLAYGROUND_TEST_NOW = '2026-11-29T10:00:00Z';

/** A parsed log line of the server under test. */
export type LogEntry = { level: string; message: string } & Record<string, unknown>;

/** What a raw HTTP exchange answered. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * The real bot (`startBot`) with the playground on loopback. By default as `npm start` runs it
 * without THREECX_URL: on the built-in demo PBX (its history ending at the pinned clock). With
 * `realPbx`, a demo PBX is served apart and named by THREECX_URL, as a real 3CX would be: the
 * playground then asks for its token. The CLI runs against the same PBX.
 */
export interface PlaygroundTestBed {
  url: string;
  logs: LogEntry[];
  /** How startBot planned the playground (with its token, if any). */
  plan: PlaygroundPlan;
  /** The separately served PBX (`realPbx`), whose `requests` show what the bot asked it. */
  pbx: DemoPbx | undefined;
  /** The bot's digest scheduler; with `startScheduler: false`, `tick()` runs a pass when the test says. */
  scheduler: DigestScheduler;
  /** The bot's alert poller; with `startScheduler: false` it has no timer either, and `tick()` polls when the test says. */
  alertPoller: MissedCallPoller;
  /** `npm run -s calls -- <words> --json --tz <zone> --now <now>` in-process, against the same PBX. */
  runCliJson(words: string[], timeZone: string): Promise<Report>;
  /** POSTs a body (an object, or raw text) to a playground API path. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** One request over node:http, which (unlike fetch) sends the Host header it is given, as a proxy does. */
  send(
    path: string,
    options?: { method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<RawResponse>;
  close(): Promise<void>;
}

export interface PlaygroundTestBedOptions {
  /** Serve a demo PBX apart and configure it as THREECX_URL (a "real" PBX). Default false. */
  realPbx?: boolean;
  /** More environment, e.g. PLAYGROUND_TOKEN. */
  env?: Record<string, string>;
  /** The bot's clock; default pinned at PLAYGROUND_TEST_NOW (the built-in demo PBX's history ends where it is at the start). */
  now?: () => Date;
  /** Start the scheduler's timer; default true (as `npm start`). */
  startScheduler?: boolean;
}

export async function startPlaygroundTestBed(
  options: PlaygroundTestBedOptions = {},
): Promise<PlaygroundTestBed> {
  const now = new Date(PLAYGROUND_TEST_NOW);
  const logs: LogEntry[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line) as LogEntry) });
  const pbx = options.realPbx ? await startDemoPbx({ seed: 42, now }) : undefined;
  const config = loadConfig({
    ...(pbx && demoPbxEnv(pbx)),
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: 'sqlite::memory:',
    ...options.env,
  });
  const bot = await startBot({
    config,
    logger,
    now: options.now ?? (() => now),
    startScheduler: options.startScheduler ?? true,
  }).catch(async (error: unknown) => {
    await pbx?.close();
    throw error;
  });
  if (!bot.playground.serve) {
    await bot.close();
    await pbx?.close();
    throw new Error('startBot did not mount the playground on loopback');
  }
  return {
    url: bot.url,
    logs,
    plan: bot.playground,
    pbx,
    scheduler: bot.scheduler,
    alertPoller: bot.alertPoller,
    runCliJson: (words, timeZone) => runCliReport(words, timeZone, { now, ...(pbx && { pbx }) }),
    post: (path, body, headers = {}) =>
      fetch(`${bot.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    send: (path, { method = 'GET', headers = {}, body } = {}) =>
      new Promise((resolve, reject) => {
        const outgoing = httpRequest(new URL(path, bot.url), { method, headers }, (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
          );
        });
        outgoing.on('error', reject);
        outgoing.end(body);
      }),
    close: async () => {
      await bot.close();
      await pbx?.close();
    },
  };
}
