/**
 * Slack ack latency: 50 concurrent signed `/calls` requests, all different (50 users, 10 periods,
 * 5 filters), against the real bot in its own process (`startBot` with Slack configured, the Web
 * API a fake in this process, SQLite in memory, an access policy making every user an admin), the
 * demo PBX in a third process. Ack = request sent until its 200 arrives; answer = request sent
 * until the first response_url post that is not the "Working on it…" note. One warm-up command
 * (answered in full) first, as a running bot would have served before, then 5 commands one at a
 * time (the ack with nothing queued). Prints one `RESULT` line.
 * `node --require tsx/cjs bench/slack-ack.ts [callsPerDay] [requests]`
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeSlackApi, type RecordedResponse, startFakeSlackApi } from '../test/helpers/fake-slack-api';
import { buildSlashCommand, postToSlackEvents } from '../test/helpers/slack-request';
import { printResult } from './lib/run-bench-child';
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
    const warmUp = await sendCommand(eventsUrl, slack, 'U0BENCHWARM', 'C0BENCHWARM', 'yesterday', 'warm-up');
    await warmUp.answer;
    const aloneMs: number[] = [];
    for (let index = 0; index < ALONE; index += 1) {
      const alone = sendCommand(
        eventsUrl,
        slack,
        'U0BENCHWARM',
        'C0BENCHWARM',
        `yesterday ext ${101 + index}`,
        `a${index}`,
      );
      aloneMs.push(await alone.ackMs);
      await alone.answer;
    }
    const floorMs = await measureRefusalFloor(eventsUrl, slack, users);
    const texts = users.map((_, index) => commandText(index));
    const runs = users.map((user, index) =>
      sendCommand(
        eventsUrl,
        slack,
        user,
        `C0BENCH${String(index).padStart(3, '0')}`,
        texts[index]!,
        `r${index}`,
      ),
    );
    const acks = await Promise.all(runs.map((run) => run.ackMs));
    const answers = await Promise.all(runs.map((run) => run.answer));
    const notAnswered = answers.filter((answer) => !answer.body.blocks).length;
    process.stderr.write(
      `slack-ack: ${new Set(texts).size} different commands, ${notAnswered} without blocks\n`,
    );
    printResult({
      requests: count,
      distinctCommands: new Set(texts).size,
      p50Ms: percentile(acks, 0.5),
      p99Ms: percentile(acks, 0.99),
      maxMs: Math.max(...acks),
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
 * this load generator cost, before the bot does anything.
 */
async function measureRefusalFloor(
  eventsUrl: string,
  slack: FakeSlackApi,
  users: readonly string[],
): Promise<number[]> {
  return Promise.all(
    users.map(async (user, index) => {
      const form = buildSlashCommand({
        text: 'yesterday',
        user_id: user,
        response_url: slack.responseUrl(`floor${index}`),
      });
      const startedMs = performance.now();
      const result = await postToSlackEvents(
        eventsUrl,
        { form },
        { signingSecret: 'not-the-signing-secret', timestampSeconds: Math.floor(Date.now() / 1000) },
      );
      if (result.status !== 401) throw new Error(`expected 401 for a wrong signature, got ${result.status}`);
      return performance.now() - startedMs;
    }),
  );
}

/** Command `index`: one of 10 periods with one of 5 filters (ext rotating over agents 101-107). */
function commandText(index: number): string {
  const period = PERIODS[index % PERIODS.length]!;
  const filter = FILTERS[Math.floor(index / PERIODS.length) % FILTERS.length]!;
  return `${period} ${filter.replace('{ext}', String(101 + (index % 7)))}`.trim();
}

/** Sends one signed `/calls`; resolves the ack time and, later, the time to the final answer. */
function sendCommand(
  eventsUrl: string,
  slack: FakeSlackApi,
  userId: string,
  channelId: string,
  text: string,
  responseId: string,
): {
  ackMs: Promise<number>;
  answer: Promise<{ ms: number; noted: boolean; body: RecordedResponse['body'] }>;
} {
  const form = buildSlashCommand({
    text,
    user_id: userId,
    user_name: userId.toLowerCase(),
    channel_id: channelId,
    channel_name: channelId.toLowerCase(),
    response_url: slack.responseUrl(responseId),
  });
  const startedMs = performance.now();
  const ackMs = postToSlackEvents(
    eventsUrl,
    { form },
    { signingSecret: SIGNING_SECRET, timestampSeconds: Math.floor(Date.now() / 1000) },
  ).then((result) => {
    if (result.status !== 200) throw new Error(`the bot answered ${result.status} to "${text}"`);
    return performance.now() - startedMs;
  });
  const answer = (async () => {
    for (let received = 1; ; received += 1) {
      const responses = await slack.waitForResponses(responseId, received, 180_000);
      const last = responses[responses.length - 1]!;
      const isNote = typeof last.body.text === 'string' && last.body.text.startsWith('Working on it');
      if (!isNote) return { ms: performance.now() - startedMs, noted: received > 1, body: last.body };
    }
  })();
  return { ackMs, answer };
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
