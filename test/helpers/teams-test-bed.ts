import type { TeamsChatAdapter } from '../../src/adapters/teams/create-teams-adapter';
import { loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/core/logger';
import type { Report } from '../../src/core/report';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { type RunningBot, startBot } from '../../src/start-bot';
import { TEST_ADMINS_POLICY_PATH } from './access-policy-files';
import { type ConnectorCall, type FakeBotConnector, startFakeBotConnector } from './fake-bot-connector';
import { demoPbxEnv, runCliReport } from './run-cli-in-process';

export const TEAMS_TEST_NOW = '2026-11-29T10:00:00Z';

/** A parsed log line of the bot under test. */
export type LogEntry = { level: string; message: string } & Record<string, unknown>;

/** The real bot (`startBot`) against a demo PBX, with a fake Bot Connector for its replies. */
export interface TeamsTestBed {
  bot: RunningBot;
  teams: TeamsChatAdapter;
  pbx: DemoPbx;
  connector: FakeBotConnector;
  logs: LogEntry[];
  /** POSTs a body (an activity object, or raw text) to the bot's /api/messages. */
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  /** POSTs an activity (expecting 200) and returns the message the bot sent back in reply to it. */
  ask(activity: Record<string, unknown>): Promise<ConnectorCall>;
  /** Waits until every accepted activity has been handled. */
  settle(): Promise<void>;
  /** `npm run -s calls -- <words> --json --tz <zone>` in-process, against the same PBX and clock. */
  runCliJson(words: string[], timeZone: string): Promise<Report>;
  /** Moves the bot's clock (it starts at TEAMS_TEST_NOW). */
  setNow(date: Date): void;
  close(): Promise<void>;
}

export interface TeamsTestBedOptions {
  /** The demo PBX's "now" (its data ends there); default TEAMS_TEST_NOW. */
  pbxNow?: Date;
  /** Start the digest scheduler's timer; default false (tests call `bot.scheduler.tick()`). */
  startScheduler?: boolean;
  /** Every read of the bot's clock moves it on by this much, as a real clock moves while a reply is built; default 0. */
  clockStepMs?: number;
  /**
   * Run the bot as `npm start` without THREECX_URL: on its own built-in demo PBX (same seed and
   * clock as `pbx` unless `pbxNow` differs, so `runCliJson` gives the same figures; `pbx.requests`
   * then sees none of the bot's). Default false: THREECX_URL names `pbx`.
   */
  builtInPbx?: boolean;
}

export async function startTeamsTestBed(
  env: Record<string, string> = { TEAMS_DEV_NO_AUTH: 'true' },
  options: TeamsTestBedOptions = {},
): Promise<TeamsTestBed> {
  const pbx = await startDemoPbx({ seed: 42, now: options.pbxNow ?? new Date(TEAMS_TEST_NOW) });
  const connector = await startFakeBotConnector();
  const logs: LogEntry[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line) as LogEntry) });
  let bot: RunningBot;
  let current = new Date(TEAMS_TEST_NOW);
  const step = options.clockStepMs ?? 0;
  const now = () => {
    const read = current;
    if (step > 0) current = new Date(current.getTime() + step);
    return read;
  };
  try {
    const config = loadConfig({
      ...(!options.builtInPbx && demoPbxEnv(pbx)),
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: 'sqlite::memory:',
      ACCESS_POLICY: TEST_ADMINS_POLICY_PATH,
      ...env,
    });
    bot = await startBot({
      config,
      logger,
      now,
      startScheduler: options.startScheduler ?? false,
    });
  } catch (error) {
    await Promise.all([pbx.close(), connector.close()]);
    throw error;
  }
  const teams = bot.adapters.find((adapter) => adapter.description.startsWith('Teams')) as TeamsChatAdapter;
  const post: TeamsTestBed['post'] = async (body, headers = {}) => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: await response.text() };
  };
  return {
    bot,
    teams,
    pbx,
    connector,
    logs,
    post,
    ask: async (activity) => {
      const response = await post(activity);
      if (response.status !== 200)
        throw new Error(`/api/messages answered ${response.status}: ${response.body}`);
      const [reply] = await connector.waitForCalls(
        1,
        (call) => call.replyToActivityId === activity.id && call.activity.type === 'message',
      );
      return reply!;
    },
    settle: () => teams.stop?.() ?? Promise.resolve(),
    setNow: (date) => {
      current = date;
    },
    runCliJson: (words, timeZone) => runCliReport(words, timeZone, { pbx, now: new Date(TEAMS_TEST_NOW) }),
    close: async () => {
      await bot.close();
      await Promise.all([pbx.close(), connector.close()]);
    },
  };
}
