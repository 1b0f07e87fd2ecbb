/**
 * Issue 20's report targets over history, against a big demo PBX in its own process; each
 * measurement in a fresh process of its own (`child` mode), the store a SQLite file:
 * - `first`: the first read of `last month` with history (an empty store; the report's time to its
 *   JSON, and until its days are stored) next to the same report with HISTORY_DAYS=0, in turns,
 *   `repeats` pairs; `firstRatio` is the median of history ÷ none;
 * - `month`: `last month` with that month and the month before stored: time from the command's
 *   start to its JSON, and the PBX call-log requests it made (target: ≤ 0.3 s, 0 requests; the
 *   stored days ending with the newest with calls are counted first, `PbxLogProbe`: reported apart);
 * - `trend`: `last 12 months by month` with those months stored (target ≤ 2 s; peak RSS, target
 *   < 200 MB for 1,000,000 stored legs); its first read stores them (`trendFillSeconds`); then
 *   `last 400 days ext 101` over the same store, once to store the days the trend did not read
 *   (`agent400FillSeconds`), then from the store (target ≤ 3 s); the same trend over a PBX of
 *   its own whose year holds about 1,000,000 legs (`millionTrend…`: peak RSS, target < 200 MB);
 *   and `last 400 days ext 101` again over a PBX of its own whose calls go back 800 days
 *   (`agent400OlderPbx…`): the trend's PBX holds none older than 400 days, so there the previous
 *   period (the 400 days before, older than HISTORY_DAYS and always asked of the PBX) is empty.
 * Prints one `RESULT` JSON line.
 * `node --require tsx/cjs bench/history-report.ts [callsPerDay] [repeats] [trend: 1|0]`
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { Agent, type Dispatcher } from 'undici';
import { parseCommand } from '../src/commands/parse-command';
import { loadTimeZoneData } from '../src/config/is-valid-time-zone';
import { HistoryCallLogSource } from '../src/history/history-call-log-source';
import { limitHeapGrowth } from '../src/limit-heap-growth';
import { ReportService } from '../src/report/report-service';
import { SqliteScheduleStore } from '../src/schedule/sqlite-schedule-store';
import { CALL_LOG_FUNCTION_PATH } from '../src/threecx/call-log-url';
import { XapiClient } from '../src/threecx/xapi-client';
import { printResult, readPeakRssMb, runBenchChild } from './lib/run-bench-child';
import { type SpawnedDemoPbx, spawnDemoPbx } from './lib/spawn-demo-pbx';

const TIME_ZONE = 'Europe/London';
const TREND = 'last 12 months by month';
const AGENT_400 = 'last 400 days ext 101';

interface ChildResult {
  /** From the process's start to the command's (Node, tsx, the modules loaded, the store opened). */
  startupSeconds: number;
  /** From the command's start to its JSON. */
  seconds: number;
  /** Until the days it read were stored too (history only). */
  storedSeconds: number;
  /** The longest the event loop waited for a turn while the report ran (other requests wait as long). */
  eventLoopMaxMs: number;
  callLogRequests: number;
  /** Of those, requests that only count rows (`$top=1`). */
  countRequests: number;
  storedDays: number;
  storedLegs: number;
  storedBytes: number;
  peakRssMb: number | undefined;
}

/** An undici agent that counts the call-log requests it sends, and those only counting rows (`$top=1`). */
class CountingAgent extends Agent {
  callLogRequests = 0;
  countRequests = 0;

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const path = String(options.path);
    if (path.startsWith(CALL_LOG_FUNCTION_PATH)) {
      this.callLogRequests++;
      if (/[?&](\$|%24)top=1(&|$)/.test(path)) this.countRequests++;
    }
    return super.dispatch(options, handler);
  }
}

/** `child <dbPath|-> <url> <clientId> <secret> <words>`: one report in this fresh process. */
async function child(args: string[]): Promise<void> {
  limitHeapGrowth();
  const [dbPath, url, clientId, clientSecret, words] = args as [string, string, string, string, string];
  const agent = new CountingAgent({ keepAliveTimeout: 10_000, connections: 16 });
  const client = new XapiClient({ baseUrl: url, clientId, clientSecret, dispatcher: agent });
  const store = dbPath === '-' ? undefined : new SqliteScheduleStore({ path: dbPath });
  const source = store
    ? new HistoryCallLogSource({ inner: client, store: store.history.forPbx(url), historyDays: 400 })
    : undefined;
  const service = new ReportService({ source: source ?? client, serviceLevelSeconds: 20 });
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loadTimeZoneData(); // as the bot does at its start (start-bot.ts)
  const started = performance.now();
  loopDelay.enable();
  const parsed = parseCommand(words, { now: new Date(), timeZone: TIME_ZONE });
  if (!parsed.ok) throw parsed.error;
  const json = JSON.stringify(await service.runReport(parsed.request));
  const seconds = (performance.now() - started) / 1000;
  loopDelay.disable();
  await source?.whenIdle();
  const storedSeconds = (performance.now() - started) / 1000;
  const stats = await store?.history.stats();
  if (json.length < 100) throw new Error('no report');
  printResult({
    startupSeconds: started / 1000,
    seconds,
    storedSeconds,
    eventLoopMaxMs: Math.round(loopDelay.max / 1e6),
    callLogRequests: agent.callLogRequests,
    countRequests: agent.countRequests,
    storedDays: stats?.days ?? 0,
    storedLegs: stats?.legs ?? 0,
    storedBytes: stats?.bytes ?? 0,
    peakRssMb: readPeakRssMb(),
  } satisfies ChildResult);
  await store?.close();
  await client.close();
  await agent.close();
}

async function main(): Promise<void> {
  const callsPerDay = Number(process.argv[2] ?? 2000);
  const repeats = Number(process.argv[3] ?? 3);
  const withTrend = (process.argv[4] ?? '1') === '1';
  const demo = await spawnDemoPbx({ callsPerDay, days: withTrend ? 400 : 70 });
  const dir = mkdtempSync(join(tmpdir(), 'calls-bot-history-bench-'));
  const runOn = (pbx: SpawnedDemoPbx, dbPath: string, words: string) =>
    runBenchChild<ChildResult>('history-report.ts', [
      'child',
      dbPath,
      pbx.url,
      pbx.clientId,
      pbx.clientSecret,
      words,
    ]);
  const run = (dbPath: string, words: string) => runOn(demo, dbPath, words);
  try {
    // Warm-up: the PBX generates and keeps the days (its own caches), the JIT of both paths.
    await run('-', 'last month');
    const none: number[] = [];
    const first: number[] = [];
    const firstStored: number[] = [];
    const ratios: number[] = [];
    const firstRequests: number[][] = [];
    let monthDb = '';
    for (let repeat = 0; repeat < repeats; repeat++) {
      const without = await run('-', 'last month');
      monthDb = join(dir, `month-${repeat}.sqlite`);
      const withHistory = await run(monthDb, 'last month');
      none.push(without.seconds);
      first.push(withHistory.seconds);
      firstStored.push(withHistory.storedSeconds);
      ratios.push(withHistory.seconds / without.seconds);
      firstRequests.push([without.callLogRequests, withHistory.callLogRequests, withHistory.countRequests]);
    }
    const months: ChildResult[] = [];
    for (let repeat = 0; repeat < repeats; repeat++) months.push(await run(monthDb, 'last month'));
    const stats = months.at(-1)!;
    const result: Record<string, unknown> = {
      callsPerDay,
      noHistorySeconds: median(none),
      firstReadSeconds: median(first),
      firstReadStoredSeconds: median(firstStored),
      firstRatio: median(ratios),
      /** Per pair: call-log requests without history, with it, and of those the `$top=1` counts. */
      firstRequests,
      monthSeconds: median(months.map((month) => month.seconds)),
      monthStartupSeconds: median(months.map((month) => month.startupSeconds)),
      monthCallLogRequests: Math.max(...months.map((month) => month.callLogRequests)),
      monthEventLoopMaxMs: Math.max(...months.map((month) => month.eventLoopMaxMs)),
      /** Of those, the counts of stored days (ending with the newest with calls) asked before reading the store (`PbxLogProbe`). */
      monthCountRequests: Math.max(...months.map((month) => month.countRequests)),
      storedDays: stats.storedDays,
      storedLegs: stats.storedLegs,
      encodedBytesPerLeg: Math.round((stats.storedBytes / Math.max(1, stats.storedLegs)) * 10) / 10,
      sqliteBytesPerLeg: bytesPerLeg(monthDb, stats.storedLegs),
    };
    if (withTrend) {
      const trendDb = join(dir, 'trend.sqlite');
      const fill = await run(trendDb, TREND);
      const trends: ChildResult[] = [];
      for (let repeat = 0; repeat < repeats; repeat++) trends.push(await run(trendDb, TREND));
      result.trendFillSeconds = fill.storedSeconds;
      result.trendSeconds = median(trends.map((trend) => trend.seconds));
      result.trendCallLogRequests = Math.max(...trends.map((trend) => trend.callLogRequests));
      result.trendStoredLegs = trends.at(-1)!.storedLegs;
      result.trendPeakRssMb = Math.max(...trends.map((trend) => trend.peakRssMb ?? 0));
      result.trendEventLoopMaxMs = Math.max(...trends.map((trend) => trend.eventLoopMaxMs));
      // One agent over 400 days: a first read stores the days the trend did not, then from the store.
      const agentFill = await run(trendDb, AGENT_400);
      const agent = await run(trendDb, AGENT_400);
      result.agent400FillSeconds = agentFill.seconds;
      result.agent400Seconds = agent.seconds;
      result.agent400CallLogRequests = agent.callLogRequests;
      result.agent400PeakRssMb = agent.peakRssMb;
      Object.assign(result, await millionLegTrend(runOn, dir, repeats));
      Object.assign(result, await agentOverOlderPbx(runOn, dir, callsPerDay));
    }
    printResult(result);
  } finally {
    demo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Calls a day at which the demo's 12 months hold about 1,000,000 legs (1.77 legs a call). */
const MILLION_LEG_CALLS_PER_DAY = 1550;

type RunOn = (pbx: SpawnedDemoPbx, dbPath: string, words: string) => Promise<ChildResult>;

/**
 * `words` over a demo PBX of its own (`pbxSize`) and a store of its own: a first read stores the
 * days, then `repeats` reads are measured.
 */
async function onPbxOfItsOwn(
  runOn: RunOn,
  db: string,
  pbxSize: { callsPerDay: number; days: number },
  words: string,
  repeats: number,
): Promise<ChildResult[]> {
  const pbx = await spawnDemoPbx(pbxSize);
  try {
    await runOn(pbx, db, words);
    const runs: ChildResult[] = [];
    for (let repeat = 0; repeat < repeats; repeat++) runs.push(await runOn(pbx, db, words));
    return runs;
  } finally {
    pbx.stop();
  }
}

/**
 * The memory target is for reading 1,000,000 stored legs: the same 12-month trend over a demo PBX
 * of its own whose year holds about that many, stored by a first read, then read `repeats` times.
 */
async function millionLegTrend(
  runOn: RunOn,
  dir: string,
  repeats: number,
): Promise<{ millionTrendLegs: number; millionTrendSeconds: number; millionTrendPeakRssMb: number }> {
  const pbxSize = { callsPerDay: MILLION_LEG_CALLS_PER_DAY, days: 400 };
  const trends = await onPbxOfItsOwn(runOn, join(dir, 'million.sqlite'), pbxSize, TREND, repeats);
  return {
    millionTrendLegs: trends.at(-1)!.storedLegs,
    millionTrendSeconds: median(trends.map((trend) => trend.seconds)),
    millionTrendPeakRssMb: Math.max(...trends.map((trend) => trend.peakRssMb ?? 0)),
  };
}

/**
 * `last 400 days ext 101` over a PBX whose calls go back 800 days: its previous period (the 400
 * days before) is older than HISTORY_DAYS, so it is asked of the PBX at every read, and here it
 * holds calls (the trend's PBX has none that old). Read once after the read that stores its days.
 */
async function agentOverOlderPbx(
  runOn: RunOn,
  dir: string,
  callsPerDay: number,
): Promise<{ agent400OlderPbxSeconds: number; agent400OlderPbxCallLogRequests: number }> {
  const pbxSize = { callsPerDay, days: 800 };
  const [agent] = await onPbxOfItsOwn(runOn, join(dir, 'older.sqlite'), pbxSize, AGENT_400, 1);
  return { agent400OlderPbxSeconds: agent!.seconds, agent400OlderPbxCallLogRequests: agent!.callLogRequests };
}

/** The file's bytes after `VACUUM` per stored leg. */
function bytesPerLeg(path: string, legs: number): number | undefined {
  if (legs === 0) return undefined;
  const db = new Database(path);
  db.exec('VACUUM');
  db.close();
  const size = statSync(path).size;
  return Math.round((size / legs) * 10) / 10;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value * 1000) / 1000;
}

if (process.argv[2] === 'child') {
  child(process.argv.slice(3)).catch((error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
