import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { silentLogger } from '../../src/core/logger';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { exitOnSignals, RESTARTING_TEXT, shutdownGraceMs } from '../../src/server/graceful-shutdown';
import { TEST_ADMINS_POLICY_PATH } from '../helpers/access-policy-files';
import { type FakeSlackApi, type RecordedResponse, startFakeSlackApi } from '../helpers/fake-slack-api';
import { BOT_TOKEN, isWorkingNote, SIGNING_SECRET } from '../helpers/slack-bot-harness';
import { buildSlashCommand, postToSlackEvents, SLACK_TEST_IDS } from '../helpers/slack-request';
import { localBotEnv, type MainProcess, startMainProcess } from '../playground/main-process';

jest.setTimeout(90_000);

const REPO = resolve(__dirname, '../..');

/** `npm start` as a real process, a demo PBX it takes for a 3CX, and a fake Slack. */
let pbx: DemoPbx;
let slack: FakeSlackApi;
beforeAll(async () => {
  pbx = await startDemoPbx({ seed: 42 });
  slack = await startFakeSlackApi();
  slack.setUser(SLACK_TEST_IDS.userId, { tz: 'Europe/Berlin', email: 'ben@example.com' });
});
afterEach(() => pbx.setDelay(0));
afterAll(async () => {
  await slack?.close();
  await pbx?.close();
});

function botEnv(extra: Record<string, string> = {}): Record<string, string> {
  return localBotEnv(pbx, {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    ACCESS_POLICY: TEST_ADMINS_POLICY_PATH,
    ...extra,
  });
}

function urlOf(stdout: string): string {
  const url = /^calls-bot is listening on (http:\/\/\S+)$/m.exec(stdout)?.[1];
  if (!url) throw new Error(`no address in the banner:\n${stdout}`);
  return url;
}

/** True when nothing answers on `url` any more. */
async function refuses(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    return false;
  } catch {
    return true;
  }
}

let responseCounter = 0;

/** `/calls <text>` signed at the real clock (the process has no other); resolves once acknowledged. */
async function sendCommand(url: string, text: string): Promise<string> {
  responseCounter += 1;
  const responseId = `shutdown-${responseCounter}`;
  const result = await postToSlackEvents(
    `${url}/slack/events`,
    { form: buildSlashCommand({ text, response_url: slack.responseUrl(responseId) }) },
    { signingSecret: SIGNING_SECRET, timestampSeconds: Math.floor(Date.now() / 1000) },
  );
  expect(result.status).toBe(200);
  return responseId;
}

/** Resolves once the PBX has received more than `count` requests: the report is under way. */
async function pbxRequestsPast(count: number): Promise<void> {
  while (pbx.requests.length <= count) await new Promise((done) => setTimeout(done, 20));
}

/** The first response to `responseId` that is not a "Working on it…" note. */
async function answerTo(responseId: string): Promise<Record<string, unknown>> {
  for (let count = 1; ; count += 1) {
    const received = await slack.waitForResponses(responseId, count, 60_000);
    const last = received[received.length - 1];
    if (last && !isWorkingNote(last.body)) return last.body;
  }
}

function answersOf(responseId: string): RecordedResponse[] {
  return slack.responsesTo(responseId).filter((response) => !isWorkingNote(response.body));
}

function logMessages(bot: MainProcess): string[] {
  return bot
    .stderr()
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { message: string }).message);
}

describe('npm start', () => {
  it('stops cleanly when its npm process gets SIGTERM: exit 0, the port closed', async () => {
    // From the repository (npm needs package.json), with the PBX and store pinned so that a
    // developer's .env changes nothing that matters here.
    const home = mkdtempSync(join(tmpdir(), 'calls-bot-npm-'));
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? '', HOME: home, ...botEnv() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    npm.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    npm.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | string>((done) =>
      npm.once('exit', (code, signal) => done(code ?? signal ?? 'unknown')),
    );
    try {
      await new Promise<void>((ready, fail) => {
        npm.stdout.on('data', () => {
          if (/^ {2}Health:/m.test(stdout)) ready();
        });
        void exited.then(() => fail(new Error(`npm start exited:\n${stdout}\n${stderr}`)));
      });
      const url = urlOf(stdout);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);

      npm.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(await refuses(url)).toBe(true);
      expect(stderr).toContain('"message":"stopping","signal":"SIGTERM"');
      expect(stderr).toContain('"message":"stopped"');
    } finally {
      npm.kill('SIGKILL');
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('stopping with replies in flight (src/main.ts as a process)', () => {
  it('with nothing in flight, exits 0 at once and closes the port', async () => {
    const bot = await startMainProcess(botEnv());
    const url = urlOf(bot.stdout());
    expect(await bot.stop()).toBe(0);
    expect(await refuses(url)).toBe(true);
    expect(logMessages(bot)).toEqual(expect.arrayContaining(['stopping', 'stopped']));
  });

  it('tells the asker of a report still running after the grace period that the bot restarts', async () => {
    const bot = await startMainProcess(botEnv({ SHUTDOWN_GRACE_MS: '1000' }));
    const url = urlOf(bot.stdout());
    pbx.setDelay(4_000);
    const before = pbx.requests.length;
    const responseId = await sendCommand(url, 'yesterday');
    await pbxRequestsPast(before);

    bot.kill('SIGTERM');
    const answer = await answerTo(responseId);
    expect(answer).toEqual({ response_type: 'ephemeral', replace_original: false, text: RESTARTING_TEXT });
    expect(await bot.exited).toBe(0);
    expect(await refuses(url)).toBe(true);
    // The report, failing as the PBX client closed under it, did not answer after that message.
    expect(answersOf(responseId)).toHaveLength(1);
    expect(logMessages(bot)).toEqual(
      expect.arrayContaining([
        'replies still running at shutdown; telling the askers to ask again',
        'stopped',
      ]),
    );
  });

  it('delivers a report that finishes within the grace period as usual, then exits 0', async () => {
    const bot = await startMainProcess(botEnv({ SHUTDOWN_GRACE_MS: '60000' }));
    const url = urlOf(bot.stdout());
    pbx.setDelay(300);
    const before = pbx.requests.length;
    const responseId = await sendCommand(url, 'yesterday');
    await pbxRequestsPast(before);

    bot.kill('SIGTERM');
    expect(answersOf(responseId)).toHaveLength(0);
    const answer = await answerTo(responseId);
    expect(answer.text).not.toBe(RESTARTING_TEXT);
    expect(JSON.stringify(answer.blocks)).toContain('Answered');
    expect(await bot.exited).toBe(0);
    expect(await refuses(url)).toBe(true);
    expect(answersOf(responseId)).toHaveLength(1);
  });

  it('exits at once on a second signal, without waiting for the grace period', async () => {
    const bot = await startMainProcess(botEnv({ SHUTDOWN_GRACE_MS: '600000' }));
    const url = urlOf(bot.stdout());
    pbx.setDelay(600_000);
    const before = pbx.requests.length;
    await sendCommand(url, 'yesterday');
    await pbxRequestsPast(before);

    bot.kill('SIGTERM');
    await waitForLog(bot, '"message":"stopping"');
    bot.kill('SIGINT');
    expect(await bot.exited).toBe(1);
    expect(logMessages(bot)).toContain('stopping at once (second signal)');
  });
});

async function waitForLog(bot: MainProcess, text: string): Promise<void> {
  while (!bot.stderr().includes(text)) await new Promise((done) => setTimeout(done, 20));
}

describe('exitOnSignals', () => {
  function harness(stop: (graceMs: number) => Promise<void>) {
    const signals = new EventEmitter();
    const exits: number[] = [];
    const grace: number[] = [];
    exitOnSignals({
      logger: silentLogger,
      graceMs: 1234,
      stop: (graceMs) => {
        grace.push(graceMs);
        return stop(graceMs);
      },
      exit: (code) => exits.push(code),
      signals: signals as unknown as Pick<NodeJS.Process, 'on'>,
    });
    return { signals, exits, grace };
  }

  it('stops once with the grace period, then exits 0', async () => {
    const { signals, exits, grace } = harness(async () => {});
    signals.emit('SIGINT', 'SIGINT');
    await new Promise((done) => setImmediate(done));
    expect(grace).toEqual([1234]);
    expect(exits).toEqual([0]);
  });

  it('exits 1 when stopping fails, and at once on a second signal', async () => {
    const failing = harness(async () => {
      throw new Error('store would not close');
    });
    failing.signals.emit('SIGTERM', 'SIGTERM');
    await new Promise((done) => setImmediate(done));
    expect(failing.exits).toEqual([1]);

    const hanging = harness(() => new Promise<void>(() => {}));
    hanging.signals.emit('SIGTERM', 'SIGTERM');
    hanging.signals.emit('SIGTERM', 'SIGTERM');
    expect(hanging.exits).toEqual([1]);
    expect(hanging.grace).toEqual([1234]);
  });
});

describe('shutdownGraceMs', () => {
  it('is 10 s unless SHUTDOWN_GRACE_MS says otherwise, in whole milliseconds', () => {
    expect(shutdownGraceMs({})).toBe(10_000);
    expect(shutdownGraceMs({ SHUTDOWN_GRACE_MS: '250' })).toBe(250);
    expect(() => shutdownGraceMs({ SHUTDOWN_GRACE_MS: '2s' })).toThrow(/SHUTDOWN_GRACE_MS/);
  });
});
