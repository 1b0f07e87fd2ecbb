/**
 * The live alerts' poller (src/alerts/missed-call-poller.ts) against a busy demo PBX (in this
 * process, its clock pinned and moved by the benchmark), the real XAPI client and SQLite in memory;
 * the chat platform is a delivery that only records. Two measurements:
 * 1. PBX requests per poll with 1 subscription and with 100 (filters spread over every extension
 *    and both queues, some without filters): the same query set whatever their number.
 * 2. The time from a missed call's end to its alert at the defaults (ALERT_POLL_SECONDS=30,
 *    ALERT_SETTLE_SECONDS=15), on a simulated clock: polls every 30 simulated seconds for 30
 *    minutes of a busy morning (the demo's own missed calls and 100 more at random instants), each
 *    alert's delay = the poll's simulated time - the call's end, plus the real time that poll took
 *    (so slow work would show).
 * Prints one `RESULT` JSON line. `node --require tsx/cjs bench/alert-poll.ts [callsPerDay]`
 */
import type { AlertDelivery } from '../src/alerts/alert-delivery';
import type { AlertSubscription } from '../src/alerts/alert-store';
import { MissedCallPoller } from '../src/alerts/missed-call-poller';
import { createLogger } from '../src/core/logger';
import { type DemoPbx, startDemoPbx } from '../src/demo/demo-pbx';
import { limitHeapGrowth } from '../src/limit-heap-growth';
import { SqliteScheduleStore } from '../src/schedule/sqlite-schedule-store';
import { XapiClient } from '../src/threecx/xapi-client';
import { printResult } from './lib/run-bench-child';

/** Tue 17 Nov 2026, 10:00 in London: the demo company's busiest hours follow. */
const START = new Date('2026-11-17T10:00:00Z');
const POLL_MS = 30_000;
const SUBSCRIPTIONS = 100;
const SIMULATED_MINUTES = 30;
/** Missed calls added to the demo's own in the simulated half hour, for a sample of delays. */
const INJECTED_CALLS = 100;

interface Bench {
  pbx: DemoPbx;
  client: XapiClient;
  store: SqliteScheduleStore;
  poller: MissedCallPoller;
  posts: { endedAtMs: number; postedAtMs: number }[];
  close(): Promise<void>;
}

async function startBench(callsPerDay: number, subscriptions: AlertSubscription[]): Promise<Bench> {
  const pbx = await startDemoPbx({ now: START, days: 2, callsPerDay });
  const now = () => pbx.now();
  const client = new XapiClient({
    baseUrl: pbx.url,
    clientId: pbx.clientId,
    clientSecret: pbx.clientSecret,
    now: () => pbx.now().getTime(),
  });
  const store = new SqliteScheduleStore({ path: ':memory:', now });
  for (const subscription of subscriptions) await store.alerts.createSubscription(subscription);
  const posts: Bench['posts'] = [];
  const delivery: AlertDelivery = {
    post: async (_subscription, alert) => {
      posts.push({ endedAtMs: alert.call.endedAt.getTime(), postedAtMs: now().getTime() });
      return { messageId: `m${posts.length}` };
    },
    update: async () => {},
    remind: async () => {},
  };
  const poller = new MissedCallPoller({
    store: store.alerts,
    source: client,
    delivery,
    now,
    logger: createLogger({ level: 'error' }),
    pollSeconds: POLL_MS / 1000,
    settleSeconds: 15,
    claimReminderMinutes: 30,
    retentionDays: 30,
  });
  return {
    pbx,
    client,
    store,
    poller,
    posts,
    close: async () => {
      await client.close();
      await store.close();
      await pbx.close();
    },
  };
}

/** Subscription `index`: one extension, one queue, or everything, in its own channel. */
function buildSubscription(index: number): AlertSubscription {
  const suffix = String(index).padStart(3, '0');
  const kind = index % 5;
  return {
    id: `ap0${suffix}`,
    target: { platform: 'slack', conversationId: `C0ALERT${suffix}`, teamId: 'T0CALLS01' },
    creator: { platform: 'slack', id: `U0SUB${suffix}` },
    extensions: kind < 3 ? [String(100 + (index % 25))] : [],
    queues: kind === 3 ? [index % 2 ? '800' : '801'] : [],
    timeZone: 'Europe/London',
    createdAt: new Date(START.getTime() - 3_600_000),
  };
}

/** Call-log and directory requests of one steady poll (after a first one), and how long it took. */
async function measurePoll(callsPerDay: number, count: number) {
  const bench = await startBench(
    callsPerDay,
    Array.from({ length: count }, (_, index) => buildSubscription(index)),
  );
  try {
    await bench.poller.tick();
    bench.pbx.advanceClock(POLL_MS);
    const before = countRequests(bench.pbx);
    const started = process.hrtime.bigint();
    const outcome = await bench.poller.tick();
    const pollMs = Number(process.hrtime.bigint() - started) / 1e6;
    const after = countRequests(bench.pbx);
    if (outcome.kind !== 'polled') throw new Error(`the poll did not run: ${JSON.stringify(outcome)}`);
    return {
      subscriptions: count,
      callLogRequests: after.callLog - before.callLog,
      otherRequests: after.other - before.other,
      legs: outcome.legs,
      pollMs,
      firstPollPosts: bench.posts.length,
    };
  } finally {
    await bench.close();
  }
}

/** Polls every 30 simulated seconds; each alert's delay from its call's end (see the header). */
async function measureDelay(callsPerDay: number) {
  const bench = await startBench(callsPerDay, [{ ...buildSubscription(4), createdAt: START }]);
  injectMissedCalls(bench.pbx, INJECTED_CALLS);
  const delays: number[] = [];
  let slowestPollMs = 0;
  try {
    for (let poll = 0; poll <= (SIMULATED_MINUTES * 60_000) / POLL_MS; poll++) {
      const seen = bench.posts.length;
      const started = process.hrtime.bigint();
      await bench.poller.tick();
      const pollMs = Number(process.hrtime.bigint() - started) / 1e6;
      slowestPollMs = Math.max(slowestPollMs, pollMs);
      for (const post of bench.posts.slice(seen))
        delays.push((post.postedAtMs - post.endedAtMs + pollMs) / 1000);
      bench.pbx.advanceClock(POLL_MS);
    }
  } finally {
    await bench.close();
  }
  delays.sort((a, b) => a - b);
  return {
    clock: 'simulated (30 s polls), plus each poll’s real duration',
    alerts: delays.length,
    p50Seconds: delays[Math.floor(delays.length / 2)] ?? 0,
    maxSeconds: delays[delays.length - 1] ?? 0,
    slowestPollMs,
  };
}

/**
 * `count` more missed calls besides the demo's own, at evenly spread (seeded) instants of the
 * simulated half hour, ringing 5 to 120 s, so that call ends fall anywhere between two polls.
 */
function injectMissedCalls(pbx: DemoPbx, count: number): void {
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let index = 0; index < count; index++) {
    pbx.injectCall({
      kind: 'missed',
      at: new Date(START.getTime() + next() * (SIMULATED_MINUTES - 3) * 60_000),
      from: `+4477009${String(index).padStart(5, '0')}`,
      to: next() < 0.5 ? '800' : String(100 + Math.floor(next() * 25)),
      ringSeconds: 5 + Math.round(next() * 115),
    });
  }
}

function countRequests(pbx: DemoPbx): { callLog: number; other: number } {
  const callLog = pbx.requests.filter((request) => request.endpoint === 'calllog').length;
  return { callLog, other: pbx.requests.length - callLog };
}

async function main(): Promise<void> {
  limitHeapGrowth();
  const callsPerDay = Number(process.argv[2] ?? 2000);
  const one = await measurePoll(callsPerDay, 1);
  const hundred = await measurePoll(callsPerDay, SUBSCRIPTIONS);
  const delay = await measureDelay(callsPerDay);
  printResult({ callsPerDay, one, hundred, delay });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
