import { loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/core/logger';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { type RunningBot, startBot } from '../../src/start-bot';
import { INTEGRATION_POLICY } from '../access/access-test-setup';
import { writePolicyFile } from '../helpers/access-policy-files';
import {
  type FakeSlackApi,
  type FakeSlackUser,
  type RecordedApiCall,
  startFakeSlackApi,
} from '../helpers/fake-slack-api';
import { demoPbxEnv } from '../helpers/run-cli-in-process';
import {
  buildBlockActions,
  buildSlashCommand,
  postToSlackEvents,
  SLACK_TEST_IDS,
} from '../helpers/slack-request';

export const E2E_SIGNING_SECRET = 'alerts-e2e-signing-secret-5d1c0a9e';
export const E2E_BOT_TOKEN = 'xoxb-alerts-e2e-1111-abcdefabcdef';

/**
 * The real bot on the wall clock, as `npm start` runs it: its alert poller's own timer
 * (`ALERT_POLL_SECONDS=5`), the demo PBX's live log (a call appears when it ends, by the wall
 * clock), the fake Slack Web API, and the integration access policy (Carol manages queue 800,
 * Ben is the agent of 101). Nothing is ticked by hand.
 */
export interface AlertEndToEndBot {
  bot: RunningBot;
  pbx: DemoPbx;
  slack: FakeSlackApi;
  logs: string[];
  /** `/calls <text>` from `userId` in the test channel. */
  command(text: string, userId: string): Promise<void>;
  /** A click on a button of a message in the test channel. */
  click(actionId: string, value: string, userId: string): Promise<void>;
  /**
   * The first Web API call of `method` that `matches`, with when it was seen (polled every 50 ms, so
   * at most that late); fails after `timeoutMs`.
   */
  waitForCall(
    method: string,
    matches: (call: RecordedApiCall) => boolean,
    timeoutMs: number,
  ): Promise<{ call: RecordedApiCall; seenAtMs: number }>;
  close(): Promise<void>;
}

export async function startAlertEndToEndBot(users: Record<string, FakeSlackUser>): Promise<AlertEndToEndBot> {
  const pbx = await startDemoPbx({ days: 2, callsPerDay: 40 });
  const slack = await startFakeSlackApi();
  for (const [id, user] of Object.entries(users)) slack.setUser(id, user);
  const logs: string[] = [];
  const config = loadConfig({
    DATABASE_URL: 'sqlite::memory:',
    SLACK_SIGNING_SECRET: E2E_SIGNING_SECRET,
    SLACK_BOT_TOKEN: E2E_BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    ...demoPbxEnv(pbx),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'debug',
    ACCESS_POLICY: await writePolicyFile(INTEGRATION_POLICY),
    ALERT_POLL_SECONDS: '5',
  });
  const logger = createLogger({ level: 'debug', write: (line) => logs.push(line) });
  const bot = await startBot({ config, logger });
  const eventsUrl = `${bot.url}/slack/events`;
  const signed = { signingSecret: E2E_SIGNING_SECRET };
  const post = async (body: Parameters<typeof postToSlackEvents>[1]) => {
    const result = await postToSlackEvents(eventsUrl, body, {
      ...signed,
      timestampSeconds: Math.floor(Date.now() / 1000),
    });
    if (result.status !== 200) throw new Error(`Slack request answered ${result.status}: ${result.body}`);
  };
  let responses = 0;
  return {
    bot,
    pbx,
    slack,
    logs,
    command: (text, userId) =>
      post({
        form: buildSlashCommand({
          text,
          user_id: userId,
          response_url: slack.responseUrl(`e2e-${++responses}`),
        }),
      }),
    click: (actionId, value, userId) =>
      post({
        payload: buildBlockActions({
          actionId,
          value,
          userId,
          channelId: SLACK_TEST_IDS.channelId,
          isEphemeral: false,
          responseUrl: slack.responseUrl(`e2e-${++responses}`),
        }),
      }),
    waitForCall: async (method, matches, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const call = slack.callsOf(method).find(matches);
        if (call) return { call, seenAtMs: Date.now() };
        if (Date.now() > deadline) {
          const seen = slack.calls.map(
            (recorded) => `${recorded.method} ${String(recorded.args.text ?? '')}`,
          );
          throw new Error(`no matching ${method} in ${timeoutMs} ms; calls: ${seen.join(' | ')}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
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
