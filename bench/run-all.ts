/**
 * `npm run bench`: every benchmark, each in its own Node process against its own demo PBX (also in
 * its own process), then one table. Not part of `npm test`; takes a few minutes.
 * Environment: BENCH_REPEATS (default 9) runs of the report and the floor, medians shown.
 */
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { runBenchChild } from './lib/run-bench-child';

interface ReportVsFloor {
  /** The command measured, e.g. `last month` (with the month before as its previous period). */
  words: string;
  /** Periods read: 2 for a summary (its own and the one before), 1 for a trend. */
  periods: number;
  delayMs: number;
  window: string;
  windows: number;
  rows: number;
  floorSeconds: number;
  reportSeconds: number;
  ratio: number;
  cachedSeconds: number;
  sequentialSeconds: number;
  sameFigures: boolean;
  runs: { floorSeconds: number[]; reportSeconds: number[] };
}

interface ReportMemory {
  legs: number;
  calls: number;
  seconds: number;
  idleRssMb: number;
  peakRssMb: number;
  cachedLegs: number;
}

interface DigestRun {
  requests: number;
  tokenRequests: number;
  seconds: number;
}

/** 100 stored digests due at the same occurrence, one scheduler tick. */
interface Digests {
  digests: number;
  single: DigestRun;
  tick: DigestRun & { delivered: number; channels: number };
}

interface StreamRows {
  rows: number;
  rowsPerSecond: number;
  peakRssMb: number;
}

/** Slack ack latency for 50 concurrent signed /calls requests, all different. */
interface SlackAck {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  aloneP50Ms: number;
  answerP50Ms: number;
  answerP99Ms: number;
  floorP50Ms: number;
  floorP99Ms: number;
}

/** Event-loop delay while one 10 MB answer is read (nested, or of many small nested elements). */
interface NestedAnswers {
  repeats: number;
  cases: Array<{ name: string; maxDelayMs: number; outcome: string }>;
}

/** The live alerts' poller: PBX requests per poll, and the delay from a call's end to its alert (bench/alert-poll.ts). */
interface AlertPoll {
  one: { callLogRequests: number; otherRequests: number; pollMs: number };
  hundred: { subscriptions: number; callLogRequests: number; otherRequests: number; pollMs: number };
  delay: { alerts: number; p50Seconds: number; maxSeconds: number; slowestPollMs: number };
}

/** A day's legs in the history's compact form (bench/history-codec.ts). */
interface HistoryCodec {
  day: string;
  legs: number;
  bytesPerLeg: number;
  encodeMs: number;
  decodeMs: number;
  decodedLegs: number;
  decode100kMs: number;
}

/** Reports over the call-log history (bench/history-report.ts), each in a fresh process. */
interface HistoryReports {
  firstRatio: number;
  noHistorySeconds: number;
  firstReadSeconds: number;
  firstRequests: number[][];
  monthSeconds: number;
  monthStartupSeconds: number;
  monthCallLogRequests: number;
  monthCountRequests: number;
  storedDays: number;
  storedLegs: number;
  sqliteBytesPerLeg: number;
  trendSeconds: number;
  trendStoredLegs: number;
  trendPeakRssMb: number;
  trendEventLoopMaxMs: number;
  millionTrendLegs: number;
  millionTrendSeconds: number;
  millionTrendPeakRssMb: number;
  trendCallLogRequests: number;
  agent400Seconds: number;
  agent400CallLogRequests: number;
  agent400OlderPbxSeconds: number;
  agent400OlderPbxCallLogRequests: number;
}

/** The natural-language reader on 1,000 seeded sentences (bench/read-periods.ts). */
interface ReadPeriods {
  sentences: number;
  longestCharacters: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const CALLS_PER_DAY = 2000;
const LATENCY_MS = 20;

async function main(): Promise<void> {
  const startedMs = Date.now();
  const repeats = process.env.BENCH_REPEATS ?? '9';
  const machine = describeMachine();
  process.stderr.write('Running: report vs floor (loopback)...\n');
  const loopback = await runBenchChild<ReportVsFloor>('report-vs-floor.ts', [
    String(CALLS_PER_DAY),
    repeats,
    '0',
  ]);
  process.stderr.write(`Running: report vs floor (${LATENCY_MS} ms per request)...\n`);
  const distant = await runBenchChild<ReportVsFloor>('report-vs-floor.ts', [
    String(CALLS_PER_DAY),
    repeats,
    String(LATENCY_MS),
  ]);
  process.stderr.write(`Running: one month alone, no previous period (${LATENCY_MS} ms per request)...\n`);
  const alone = await runBenchChild<ReportVsFloor>('report-vs-floor.ts', [
    String(CALLS_PER_DAY),
    repeats,
    String(LATENCY_MS),
    'last month by month',
  ]);
  process.stderr.write(`Running: a 12-month trend by month (${LATENCY_MS} ms per request)...\n`);
  const year = await runBenchChild<ReportVsFloor>('report-vs-floor.ts', [
    String(CALLS_PER_DAY),
    '1',
    String(LATENCY_MS),
    'last 12 months by month',
  ]);
  process.stderr.write('Running: 100 digests due at once, one scheduler tick...\n');
  const digests = await runBenchChild<Digests>('coalesce-digests.ts', [String(CALLS_PER_DAY)]);
  process.stderr.write('Running: the alert poller, 1 and 100 subscriptions, and 30 simulated minutes...\n');
  const alerts = await runBenchChild<AlertPoll>('alert-poll.ts', [String(CALLS_PER_DAY)]);
  process.stderr.write('Running: peak memory over 1,000,000 legs...\n');
  const memory = await runBenchChild<ReportMemory>('report-memory.ts', [String(CALLS_PER_DAY), '305']);
  process.stderr.write('Running: streamRows over 1,000,000 rows...\n');
  const stream = await runBenchChild<StreamRows>('stream-call-log.ts', ['1000000']);
  process.stderr.write('Running: Slack ack latency, 50 concurrent /calls...\n');
  const slack = await runBenchChild<SlackAck>('slack-ack.ts', [String(CALLS_PER_DAY), '50']);
  process.stderr.write('Running: event loop while a 10 MB nested answer is read...\n');
  const nested = await runBenchChild<NestedAnswers>('nested-answer.ts', ['3']);
  process.stderr.write("Running: a day's legs encoded for the history...\n");
  const codec = await runBenchChild<HistoryCodec>('history-codec.ts', [String(CALLS_PER_DAY)]);
  process.stderr.write(
    'Running: reports over the call-log history (a first read, the store, 13 months)...\n',
  );
  const history = await runBenchChild<HistoryReports>('history-report.ts', [String(CALLS_PER_DAY), '3', '1']);
  process.stderr.write('Running: the period reader on 1,000 sentences...\n');
  const periods = await runBenchChild<ReadPeriods>('read-periods.ts', ['1000']);

  printTable({
    loopback,
    distant,
    alone,
    year,
    digests,
    alerts,
    memory,
    stream,
    slack,
    nested,
    codec,
    history,
    periods,
  });
  const minutes = (Date.now() - startedMs) / 60_000;
  console.log(
    `\n${machine}; ${repeats} runs each of the report and the floor (medians); ${minutes.toFixed(1)} min.`,
  );
}

function printTable(results: {
  loopback: ReportVsFloor;
  distant: ReportVsFloor;
  alone: ReportVsFloor;
  year: ReportVsFloor;
  digests: Digests;
  alerts: AlertPoll;
  memory: ReportMemory;
  stream: StreamRows;
  slack: SlackAck;
  nested: NestedAnswers;
  codec: HistoryCodec;
  history: HistoryReports;
  periods: ReadPeriods;
}): void {
  const { loopback, distant, alone, year, digests, alerts, memory, stream, slack, nested, codec, periods } =
    results;
  const { history } = results;
  const rows: Array<[string, string, string, string]> = [];
  const s = (seconds: number) => `${seconds.toFixed(2)} s`;
  rows.push([
    `\`${year.words}\`: a 12-month trend, PBX ${year.delayMs} ms per request away (${formatCount(year.rows)} rows; floor ${s(year.floorSeconds)})`,
    s(year.reportSeconds),
    'report the time',
    '',
  ]);
  for (const run of [loopback, distant, alone]) {
    const where = run.delayMs === 0 ? 'PBX on loopback' : `PBX ${run.delayMs} ms per request away`;
    const { ratio } = run;
    const speedup = run.sequentialSeconds / run.reportSeconds;
    rows.push(
      [
        `\`${run.words}\` report (${run.periods === 2 ? 'with the month before' : 'the month alone'}), ${where} (${formatCount(run.rows)} rows, ${run.windows} day windows)`,
        s(run.reportSeconds),
        '',
        '',
      ],
      [`floor: the same pages downloaded and parsed, 4 at a time, ${where}`, s(run.floorSeconds), '', ''],
      ['report ÷ floor (median of paired runs)', ratio.toFixed(2), '≤ 1.15', verdict(ratio <= 1.15)],
      [
        `plain sequential client ($top=100, rows kept, then summed), ${where}`,
        s(run.sequentialSeconds),
        '',
        '',
      ],
      [
        'sequential ÷ report',
        `${speedup.toFixed(1)}× (same figures: ${run.sameFigures ? 'yes' : 'NO'})`,
        '≥ 3×',
        verdict(speedup >= 3),
      ],
      [`the same report again (windows from the cache), ${where}`, s(run.cachedSeconds), '', ''],
    );
  }
  const ms = (value: number) => value.toFixed(0);
  rows.push(
    [
      `Slack ack latency, ${slack.requests} concurrent signed /calls requests, all different (p50 / p99 / max)`,
      `${ms(slack.p50Ms)} / ${ms(slack.p99Ms)} / ${ms(slack.maxMs)} ms`,
      'p99 < 50 ms',
      verdict(slack.p99Ms < 50),
    ],
    ['Slack ack latency, one /calls request at a time (p50 of 5)', `${ms(slack.aloneP50Ms)} ms`, '', ''],
    [
      `floor: ${slack.requests} concurrent requests refused at once (wrong signature, no work; p50 / p99)`,
      `${ms(slack.floorP50Ms)} / ${ms(slack.floorP99Ms)} ms`,
      '',
      '',
    ],
    [
      `time to the final answer on response_url, the same ${slack.requests} requests (p50 / p99)`,
      `${ms(slack.answerP50Ms)} / ${ms(slack.answerP99Ms)} ms`,
      '',
      '',
    ],
    [
      `peak RSS, one report over ${formatCount(memory.legs)} legs (${formatCount(memory.calls)} calls; idle process ${memory.idleRssMb.toFixed(0)} MB)`,
      `${memory.peakRssMb.toFixed(0)} MB in ${s(memory.seconds)}`,
      '< 200 MB',
      verdict(memory.peakRssMb < 200),
    ],
    [
      `PBX call-log requests, ${digests.digests} stored digests due at once (\`yesterday\`, ${digests.tick.channels} channels), one scheduler tick`,
      `${digests.tick.requests} (one report alone: ${digests.single.requests}); ${digests.tick.delivered} delivered in ${s(digests.tick.seconds)}`,
      '1 query set',
      verdict(digests.tick.requests === digests.single.requests),
    ],
    [
      `PBX token requests, the same tick`,
      `${digests.tick.tokenRequests} (one report alone: ${digests.single.tokenRequests})`,
      '',
      '',
    ],
    [
      `PBX requests per alert poll, ${alerts.hundred.subscriptions} subscriptions (call log + other), poll time`,
      `${alerts.hundred.callLogRequests} + ${alerts.hundred.otherRequests} (1 subscription: ${alerts.one.callLogRequests} + ${alerts.one.otherRequests}), ${ms(alerts.hundred.pollMs)} ms`,
      '1 query set',
      verdict(
        alerts.hundred.callLogRequests === alerts.one.callLogRequests &&
          alerts.hundred.otherRequests === alerts.one.otherRequests,
      ),
    ],
    [
      `call end → alert at the defaults (30 s poll, 15 s settle), simulated clock + real poll time, ${alerts.delay.alerts} alerts (p50 / max)`,
      `${alerts.delay.p50Seconds.toFixed(1)} / ${alerts.delay.maxSeconds.toFixed(1)} s`,
      '< 60 s',
      verdict(alerts.delay.maxSeconds < 60),
    ],
    [
      `streamRows, ${formatCount(stream.rows)} rows (the \`rows\` view / CSV path)`,
      `${formatCount(Math.round(stream.rowsPerSecond))} rows/s, peak RSS ${stream.peakRssMb.toFixed(0)} MB`,
      '',
      '',
    ],
  );
  for (const entry of nested.cases) {
    rows.push([
      `event loop delay (max of ${nested.repeats}) while the client reads ${entry.name} (${entry.outcome.startsWith('read') ? 'read' : 'refused'})`,
      `${ms(entry.maxDelayMs)} ms`,
      '< 100 ms',
      verdict(entry.maxDelayMs < 100),
    ]);
  }
  rows.push([
    `history: a weekday's legs encoded (${formatCount(codec.legs)} legs, ${codec.day}; encode / decode ms; decoding ${formatCount(codec.decodedLegs)} legs)`,
    `${codec.bytesPerLeg.toFixed(1)} bytes a leg (before the database's overhead); ${codec.encodeMs.toFixed(0)} / ${codec.decodeMs.toFixed(0)} ms; ${codec.decode100kMs.toFixed(0)} ms`,
    '≤ 120 bytes a leg (file after VACUUM)',
    verdict(codec.bytesPerLeg <= 120),
  ]);
  rows.push(...historyRows(history, s));
  rows.push([
    `reading ${periods.sentences} seeded sentences (up to ${periods.longestCharacters} characters; p50 / p99 / max)`,
    `${periods.p50Ms.toFixed(2)} / ${periods.p99Ms.toFixed(2)} / ${periods.maxMs.toFixed(2)} ms`,
    'p99 < 20 ms',
    verdict(periods.p99Ms < 20),
  ]);
  console.log('| measurement | result | target | met |');
  console.log('|---|---:|---|:-:|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

/** Issue 20's rows: reports over the call-log history, each in a fresh process. */
function historyRows(
  history: HistoryReports,
  s: (seconds: number) => string,
): Array<[string, string, string, string]> {
  const [without, withHistory] = history.firstRequests[0] ?? [0, 0];
  return [
    [
      `history: the first read of \`last month\` (and its previous month) with history ÷ without, fresh processes (${s(history.firstReadSeconds)} / ${s(history.noHistorySeconds)}; call-log requests ${withHistory} / ${without})`,
      history.firstRatio.toFixed(2),
      '≤ 1.10',
      verdict(history.firstRatio <= 1.1),
    ],
    [
      `history: \`last month\` with both months stored (${history.storedDays} days, ${formatCount(history.storedLegs)} legs), fresh process, command to JSON (Node and tsx start-up apart: ${s(history.monthStartupSeconds)})`,
      `${s(history.monthSeconds)}, ${history.monthCallLogRequests - history.monthCountRequests} requests for rows, ${history.monthCountRequests} counting the stored days ending with the newest with calls (the check that the PBX's log is the one stored)`,
      '≤ 0.3 s, 0 requests',
      verdict(history.monthSeconds <= 0.3 && history.monthCallLogRequests === 0),
    ],
    [
      `history: \`last 12 months by month\` from the store (${formatCount(history.trendStoredLegs)} legs stored; peak RSS)`,
      `${s(history.trendSeconds)}, ${history.trendPeakRssMb.toFixed(0)} MB, ${history.trendCallLogRequests} call-log requests`,
      '≤ 2 s',
      verdict(history.trendSeconds <= 2),
    ],
    [
      'history: the longest the event loop waited while that trend was reported (Slack commands and health checks wait as long)',
      `${history.trendEventLoopMaxMs} ms`,
      '',
      '',
    ],
    [
      `history: the same trend over a PBX whose year holds ${formatCount(history.millionTrendLegs)} legs, from the store (time; peak RSS)`,
      `${s(history.millionTrendSeconds)}, ${history.millionTrendPeakRssMb.toFixed(0)} MB`,
      '< 200 MB reading 1,000,000 stored legs',
      verdict(history.millionTrendPeakRssMb < 200),
    ],
    [
      `history: \`last 400 days ext 101\` read a second time (its days stored by the first; ${history.agent400CallLogRequests} call-log requests: its previous period, the 400 days before, is older than HISTORY_DAYS and asked of the PBX, which holds no calls that old)`,
      s(history.agent400Seconds),
      '≤ 3 s',
      verdict(history.agent400Seconds <= 3),
    ],
    [
      `history: the same over a PBX whose calls go back 800 days (${history.agent400OlderPbxCallLogRequests} call-log requests: the previous period's 400 days hold calls there)`,
      s(history.agent400OlderPbxSeconds),
      '≤ 3 s',
      verdict(history.agent400OlderPbxSeconds <= 3),
    ],
    [
      'history: the SQLite file after VACUUM ÷ the legs stored',
      `${history.sqliteBytesPerLeg.toFixed(1)} bytes a leg`,
      '≤ 120',
      verdict(history.sqliteBytesPerLeg <= 120),
    ],
  ];
}

function verdict(met: boolean): string {
  return met ? 'yes' : 'no';
}

function formatCount(value: number): string {
  return value.toLocaleString('en-GB');
}

function describeMachine(): string {
  const cpu = cpus();
  const gb = (bytes: number) => (bytes / 1024 ** 3).toFixed(0);
  return (
    `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${gb(totalmem())} GB RAM ` +
    `(${gb(freemem())} GB free), Node ${process.version}, ${process.platform}; ` +
    `load average at start ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}`
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
