import { SLACK_METHOD_SCOPES } from '../../src/adapters/slack/slack-scopes';
import { loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/core/logger';
import { type DemoPbx, type DemoPbxOptions, startDemoPbx } from '../../src/demo/demo-pbx';
import { type RunningBot, startBot } from '../../src/start-bot';
import { TEST_ADMINS_POLICY_PATH } from './access-policy-files';
import {
  type FakeSlackApi,
  type FakeSlackUser,
  type RecordedResponse,
  startFakeSlackApi,
} from './fake-slack-api';
import { demoPbxEnv } from './run-cli-in-process';
import {
  type BlockActionOptions,
  buildBlockActions,
  buildSlashCommand,
  postToSlackEvents,
  SLACK_TEST_IDS,
  type SlackPostOptions,
  type SlackPostResult,
  type SlackRequestBody,
} from './slack-request';

/** The pinned clock of every Slack integration test (a Sunday, 11:00 in Berlin). */
export const SLACK_NOW = new Date('2026-11-29T10:00:00Z');
export const SLACK_NOW_SECONDS = Math.floor(SLACK_NOW.getTime() / 1000);
export const SIGNING_SECRET = 'test-signing-secret-3f9a1c77d2e84b06';
export const BOT_TOKEN = 'xoxb-test-1111-2222-abcdefabcdef';

/** A Block Kit button as found in a recorded message. */
export interface FoundButton {
  action_id: string;
  value: string;
  text: { text: string };
}

export interface SlackBotHarness {
  bot: RunningBot;
  pbx: DemoPbx;
  slack: FakeSlackApi;
  /** Every log line the bot wrote (JSON), to check that no secret is in them. */
  logs: string[];
  eventsUrl: string;
  /** The bot's clock: starts at SLACK_NOW; `setNow` moves it (signatures follow it). */
  now(): Date;
  setNow(date: Date): void;
  /** POSTs a signed request at the bot's clock (or as `options` say). */
  post(body: SlackRequestBody, options?: Partial<SlackPostOptions>): Promise<SlackPostResult>;
  /** Sends `/calls <text>`; its response_url is `slack.responseUrl(responseId)`. */
  sendCommand(
    text: string,
    fields?: Record<string, string>,
  ): Promise<SlackPostResult & { responseId: string }>;
  /** Clicks a button; `responseId` names its response_url (omit for App Home). */
  click(options: Omit<BlockActionOptions, 'responseUrl'> & { responseId?: string }): Promise<SlackPostResult>;
  /** The responses to `responseId` up to the first that is not a "Working on it…" note, which comes last. */
  waitForAnswer(responseId: string): Promise<{ notes: RecordedResponse[]; answer: Record<string, unknown> }>;
  close(): Promise<void>;
}

export interface SlackBotHarnessOptions {
  pbx?: DemoPbxOptions;
  /**
   * Run the bot as `npm start` without THREECX_URL: on its own built-in demo PBX (the same seed
   * and clock as `pbx` when `pbx` options are left alone, so the CLI against `pbx` gives the same
   * figures; `pbx.requests` then sees none of the bot's). Default false: THREECX_URL names `pbx`.
   */
  builtInPbx?: boolean;
  /** Extra environment for loadConfig (DEFAULT_TIMEZONE, ...). */
  env?: Record<string, string>;
  /** users.info answers; by default the test user is in Europe/Berlin. */
  users?: Record<string, FakeSlackUser>;
  /** Start the digest scheduler's timer; default false (tests call `bot.scheduler.tick()`). */
  startScheduler?: boolean;
  /** Every read of the bot's clock moves it on by this much, as a real clock moves while a reply is built; default 0. */
  clockStepMs?: number;
}

let responseCounter = 0;

/** Starts a demo PBX, the fake Slack Web API and the real bot (`startBot`) wired to both. */
export async function startSlackBotHarness(options: SlackBotHarnessOptions = {}): Promise<SlackBotHarness> {
  const pbx = await startDemoPbx({ seed: 42, now: SLACK_NOW, ...options.pbx });
  const slack = await startFakeSlackApi();
  const users = options.users ?? {
    [SLACK_TEST_IDS.userId]: { tz: 'Europe/Berlin', email: 'ben@example.com' },
  };
  for (const [id, user] of Object.entries(users)) slack.setUser(id, user);
  const logs: string[] = [];
  let current = SLACK_NOW;
  const step = options.clockStepMs ?? 0;
  const now = () => {
    const read = current;
    if (step > 0) current = new Date(current.getTime() + step);
    return read;
  };
  const config = loadConfig({
    DATABASE_URL: 'sqlite::memory:',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    ...(!options.builtInPbx && demoPbxEnv(pbx)),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'debug',
    ACCESS_POLICY: TEST_ADMINS_POLICY_PATH,
    ...options.env,
  });
  const logger = createLogger({ level: 'debug', write: (line) => logs.push(line), now });
  const bot = await startBot({ config, logger, now, startScheduler: options.startScheduler ?? false });
  const eventsUrl = `${bot.url}/slack/events`;
  const post = (body: SlackRequestBody, postOptions: Partial<SlackPostOptions> = {}) =>
    postToSlackEvents(eventsUrl, body, {
      signingSecret: SIGNING_SECRET,
      timestampSeconds: Math.floor(current.getTime() / 1000),
      ...postOptions,
    });
  return {
    bot,
    pbx,
    slack,
    logs,
    eventsUrl,
    now,
    setNow: (date) => {
      current = date;
    },
    post,
    sendCommand: async (text, fields = {}) => {
      responseCounter += 1;
      const responseId = `command-${responseCounter}`;
      const result = await post({
        form: buildSlashCommand({ text, response_url: slack.responseUrl(responseId), ...fields }),
      });
      return { ...result, responseId };
    },
    click: ({ responseId, ...click }) =>
      post({
        payload: buildBlockActions({
          ...click,
          ...(responseId !== undefined && { responseUrl: slack.responseUrl(responseId) }),
        }),
      }),
    waitForAnswer: async (responseId) => {
      for (let count = 1; ; count += 1) {
        const received = await slack.waitForResponses(responseId, count);
        const last = received[received.length - 1];
        if (last && !isWorkingNote(last.body)) return { notes: received.slice(0, -1), answer: last.body };
      }
    },
    close: async () => {
      slack.releaseHolds();
      await bot.close();
      await slack.close();
      await pbx.close();
    },
  };
}

/** The buttons of a recorded message body (response_url post or chat.postMessage args). */
export function findButtons(message: Record<string, unknown>): FoundButton[] {
  const blocks = (message.blocks ?? []) as { type: string; elements?: FoundButton[] }[];
  return blocks.filter((block) => block.type === 'actions').flatMap((block) => block.elements ?? []);
}

/** The button with `action_id`, or a failing test. */
export function buttonOf(message: Record<string, unknown>, actionId: string): FoundButton {
  const button = findButtons(message).find((candidate) => candidate.action_id === actionId);
  if (!button)
    throw new Error(
      `no button ${actionId} in ${JSON.stringify(findButtons(message).map((b) => b.action_id))}`,
    );
  return button;
}

/** Every text of a message's blocks, joined by newlines (for `toContain` checks). */
export function blockTexts(message: Record<string, unknown>): string {
  const texts: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'text' && typeof inner === 'string') texts.push(inner);
        else if (key !== 'value') visit(inner);
      }
    }
  };
  visit(message.blocks);
  return texts.join('\n');
}

/** True for the "Working on it…" note a slow answer is preceded by. */
export function isWorkingNote(body: Record<string, unknown>): boolean {
  return typeof body.text === 'string' && body.text.startsWith('Working on it');
}

/** Every Web API method the bot called must be in SLACK_METHOD_SCOPES (so the manifest grants its scopes). */
export function listUnscopedMethods(slack: FakeSlackApi): string[] {
  return [...new Set(slack.calls.map((call) => call.method))].filter(
    (method) => !(method in SLACK_METHOD_SCOPES),
  );
}
