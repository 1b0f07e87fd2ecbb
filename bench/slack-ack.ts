/**
 * Slack ack latency: 50 concurrent signed `/calls` requests, all different (50 users, 10 periods,
 * 5 filters), against the real bot in its own process (`startBot` with Slack configured, the Web
 * API a fake in this process, SQLite in memory, an access policy making every user an admin), the
 * demo PBX in a third process and the requests sent from a fourth (`lib/slack-load-main.ts`, over
 * warm keep-alive connections). Ack = request written until its 200 arrives; answer = request
 * written until the first response_url post that is not the "Working on it…" note. One warm-up command
 * (answered in full) first, as a running bot would have served before, then 5 commands one at a
 * time (the ack with nothing queued). Prints one `RESULT` line.
 * `node --require tsx/cjs bench/slack-ack.ts [callsPerDay] [requests]`
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeSlackApi, type RecordedResponse, startFakeSlackApi } from '../test/helpers/fake-slack-api';
import { buildSignedSlackRequest, buildSlashCommand } from '../test/helpers/slack-request';
import { printResult, runBenchChild } from './lib/run-bench-child';
import type { SlackLoadInput, SlackLoadResult } from './lib/slack-load-main';
import { spawnDemoPbx } from './lib/spawn-demo-pbx';
import { spawnSlackBot } from './lib/spawn-slack-bot';

const SIGNING_SECRET = 'bench-signing-secret-5d1e9b0c7a24';
const BOT_TOKEN = 'xoxb-bench-1111-2222-abcdefabcdef';
const PERIODS = [
  'yesterday',
  'last week',
  'this week',
  'today',
  'last workday',
  'last 7 days',
  'past 3 hours',
  'last 3 days',
  'since monday',
  'past 2 weeks',
];
/** Commands sent one at a time first (each answered before the next), for the ack without a queue. */
const ALONE = 5;
const FILTERS = ['', 'missed', 'ext {ext}', 'queue 800', 'inbound answered'];

async function main(): Promise<void> {
  const callsPerDay = Number(process.argv[2] ?? 2000);
  const count = Number(process.argv[3] ?? 50);
  const users = Array.from({ length: count }, (_, index) => `U0BENCH${String(index).padStart(3, '0')}`);
  const folder = mkdtempSync(join(tmpdir(), 'calls-bot-bench-'));
  const policyPath = join(folder, 'access-policy.yaml');
  writeFileSync(
    policyPath,
    `version: 1\nadmins:\n${[...users, 'U0BENCHWARM'].map((id) => `  - ${id}\n`).join('')}`,
  );
  const pbx = await spawnDemoPbx({ callsPerDay, days: 20 });
  const slack = await startFakeSlackApi();
  for (const id of [...users, 'U0BENCHWARM']) {
    slack.setUser(id, { tz: 'Europe/Berlin', email: `${id.toLowerCase()}@example.com` });
  }
  let bot: { url: string; stop(): void } | undefined;
  try {
    bot = await spawnSlackBot({
      DATABASE_URL: 'sqlite::memory:',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slack.apiUrl,
      THREECX_URL: pbx.url,
      THREECX_CLIENT_ID: pbx.clientId,
      THREECX_CLIENT_SECRET: pbx.clientSecret,
      ACCESS_POLICY: policyPath,
      PORT: '0',
      HOST: '127.0.0.1',
    });
    const eventsUrl = `${bot.url}/slack/events`;
    const warmUp = await sendCommands(eventsUrl, slack, [
      { userId: 'U0BENCHWARM', channelId: 'C0BENCHWARM', text: 'yesterday', responseId: 'warm-up' },
    ]);
    await Promise.all(warmUp.answers);
    const aloneMs: number[] = [];
    for (let index = 0; index < ALONE; index += 1) {
      const alone = await sendCommands(eventsUrl, slack, [
        {
          userId: 'U0BENCHWARM',
          channelId: 'C0BENCHWARM',
          text: `yesterday ext ${101 + index}`,
          responseId: `a${index}`,
        },
      ]);
      aloneMs.push(...alone.ackMs);
      await Promise.all(alone.answers);
    }
    const floorMs = await measureRefusalFloor(eventsUrl, slack, users);
    const commands = users.map((userId, index) => ({
      userId,
      channelId: `C0BENCH${String(index).padStart(3, '0')}`,
      text: commandText(index),
      responseId: `r${index}`,
    }));
    const run = await sendCommands(eventsUrl, slack, commands);
    const answers = await Promise.all(run.answers);
    const notAnswered = answers.filter((answer) => !answer.body.blocks).length;
    const distinctCommands = new Set(commands.map((command) => command.text)).size;
    process.stderr.write(
      `slack-ack: ${distinctCommands} different commands, ${notAnswered} without blocks\n`,
    );
    printResult({
      requests: count,
      distinctCommands,
      p50Ms: percentile(run.ackMs, 0.5),
      p99Ms: percentile(run.ackMs, 0.99),
      maxMs: Math.max(...run.ackMs),
      answerP50Ms: percentile(
        answers.map((answer) => answer.ms),
        0.5,
      ),
      answerP99Ms: percentile(
        answers.map((answer) => answer.ms),
        0.99,
      ),
      aloneP50Ms: percentile(aloneMs, 0.5),
      floorP50Ms: percentile(floorMs, 0.5),
      floorP99Ms: percentile(floorMs, 0.99),
      workingNotes: answers.filter((answer) => answer.noted).length,
    });
  } finally {
    bot?.stop();
    pbx.stop();
    await slack.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The floor of this measurement: the same number of concurrent requests with a wrong signature,
 * which the bot refuses (401) at once without any work. What the machine, the connections and
 * the load generator cost, before the bot does anything.
 */
async function measureRefusalFloor(
  eventsUrl: string,
  slack: FakeSlackApi,
  users: readonly string[],
): Promise<number[]> {
  const requests = users.map((user, index) =>
    signRequest(
      buildSlashCommand({
        text: 'yesterday',
        user_id: user,
        response_url: slack.responseUrl(`floor${index}`),
      }),
      'not-the-signing-secret',
    ),
  );
  const result = await runLoad(eventsUrl, requests);
  const refused = result.statuses.filter((status) => status === 401).length;
  if (refused !== requests.length) throw new Error(`expected ${requests.length} 401s, got ${refused}`);
  return result.ackMs;
}

/** Command `index`: one of 10 periods with one of 5 filters (ext rotating over agents 101-107). */
function commandText(index: number): string {
  const period = PERIODS[index % PERIODS.length]!;
  const filter = FILTERS[Math.floor(index / PERIODS.length) % FILTERS.length]!;
  return `${period} ${filter.replace('{ext}', String(101 + (index % 7)))}`.trim();
}

interface Command {
  userId: string;
  channelId: string;
  text: string;
  responseId: string;
}

interface Answer {
  ms: number;
  noted: boolean;
  body: RecordedResponse['body'];
}

/**
 * Sends signed `/calls` requests at once from the load generator's process; returns each ack time
 * and, per command, the time from its request's write to the first response_url post that is not
 * the "Working on it…" note.
 */
async function sendCommands(
  eventsUrl: string,
  slack: FakeSlackApi,
  commands: readonly Command[],
): Promise<{ ackMs: number[]; answers: Promise<Answer>[] }> {
  const requests = commands.map((command) =>
    signRequest(
      buildSlashCommand({
        text: command.text,
        user_id: command.userId,
        user_name: command.userId.toLowerCase(),
        channel_id: command.channelId,
        channel_name: command.channelId.toLowerCase(),
        response_url: slack.responseUrl(command.responseId),
      }),
      SIGNING_SECRET,
    ),
  );
  const finalPosts = commands.map((command) => waitForFinalPost(slack, command.responseId));
  const load = await runLoad(eventsUrl, requests);
  load.statuses.forEach((status, index) => {
    if (status !== 200) throw new Error(`the bot answered ${status} to "${commands[index]!.text}"`);
  });
  const answers = finalPosts.map(async (post, index) => {
    const final = await post;
    return { ...final, ms: final.atMs - load.sentAtMs[index]! };
  });
  return { ackMs: load.ackMs, answers };
}

async function waitForFinalPost(
  slack: FakeSlackApi,
  responseId: string,
): Promise<{ atMs: number; noted: boolean; body: RecordedResponse['body'] }> {
  for (let received = 1; ; received += 1) {
    const responses = await slack.waitForResponses(responseId, received, 180_000);
    const last = responses[responses.length - 1]!;
    const isNote = typeof last.body.text === 'string' && last.body.text.startsWith('Working on it');
    if (!isNote)
      return { atMs: performance.timeOrigin + performance.now(), noted: received > 1, body: last.body };
  }
}

function signRequest(
  form: Record<string, string>,
  signingSecret: string,
): SlackLoadInput['requests'][number] {
  const { headers, text } = buildSignedSlackRequest(
    { form },
    { signingSecret, timestampSeconds: Math.floor(Date.now() / 1000) },
  );
  return { headers, body: text };
}

function runLoad(url: string, requests: SlackLoadInput['requests']): Promise<SlackLoadResult> {
  return runBenchChild<SlackLoadResult>('lib/slack-load-main.ts', [], [], JSON.stringify({ url, requests }));
}

/** Nearest-rank percentile (with 50 samples, p99 is the slowest). */
function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)]!;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
