/**
 * `last month` against a big demo PBX (in its own process): the report's time next to the floor
 * (the same windows and pages merely downloaded and parsed, as concurrently), the same report
 * again from the cache, and the plain sequential client. The floor and the report run in turns,
 * `repeats` times each; `ratio` is the median of each report's time over the floor run just
 * before it (the machine's load changes less within a pair). Prints one `RESULT` JSON line.
 * `delayMs` > 0 puts a proxy in front of the PBX that holds every request that long (a PBX further
 * away, or slower to query, than one on loopback).
 * The floor downloads every window the report needs: a summary's own period and the period
 * before it (its `previous`), a comparison's sides (`words`, default `last month`).
 * `node --require tsx/cjs bench/report-vs-floor.ts [callsPerDay] [repeats] [delayMs] [words]`
 */
import { parseCommand } from '../src/commands/parse-command';
import { previousWindow } from '../src/core/previous-window';
import type { ReportRequest } from '../src/core/report-request';
import type { TimeWindow } from '../src/core/time-window';
import { limitHeapGrowth } from '../src/limit-heap-growth';
import { wantsPreviousPeriod } from '../src/report/answer-parts';
import { FETCH_MARGIN_MS, ReportService } from '../src/report/report-service';
import { LEG_FIELDS } from '../src/threecx/call-log-row';
import { splitIntoWindows } from '../src/threecx/call-log-windows';
import { XapiClient } from '../src/threecx/xapi-client';
import { downloadFloor } from './lib/download-floor';
import { PbxSession } from './lib/pbx-session';
import { printResult } from './lib/run-bench-child';
import { runSequentialReport } from './lib/sequential-report';
import { spawnDemoPbx } from './lib/spawn-demo-pbx';
import { spawnLatencyProxy } from './lib/spawn-latency-proxy';

const DAY_MS = 86_400_000;
const CONCURRENCY = 4;
const PAGE_SIZE = 1000;
const SERVICE_LEVEL_SECONDS = 20;
const TIME_ZONE = 'Europe/London';

async function main(): Promise<void> {
  // As the bot's own entry points do (src/main.ts), so that this measures the bot's process.
  limitHeapGrowth();
  const callsPerDay = Number(process.argv[2] ?? 2000);
  const repeats = Number(process.argv[3] ?? 3);
  const delayMs = Number(process.argv[4] ?? 0);
  const words = process.argv[5] ?? 'last month';
  const parsed = parseCommand(words, { now: new Date(), timeZone: TIME_ZONE });
  if (!parsed.ok) throw parsed.error;
  const request = parsed.request;
  const periods = periodsOf(request);
  const days =
    Math.ceil((Date.now() - Math.min(...periods.map((period) => period.from.getTime()))) / DAY_MS) + 2;
  const demo = await spawnDemoPbx({ callsPerDay, days: Math.max(70, days) });
  const proxy = delayMs > 0 ? await spawnLatencyProxy(demo.url, delayMs) : undefined;
  const pbx = { ...demo, url: proxy?.url ?? demo.url };
  const session = new PbxSession(pbx, 4 * CONCURRENCY);
  try {
    const query = {
      from: new Date(request.window.from.getTime() - FETCH_MARGIN_MS),
      to: new Date(request.window.to.getTime() + FETCH_MARGIN_MS),
      callLog: request.callLog,
    };
    // The client asks for each period widened by the fetch margin, in windows of a day.
    const windows = periods.flatMap((period) =>
      splitIntoWindows(
        period.from.getTime() - FETCH_MARGIN_MS,
        period.to.getTime() + FETCH_MARGIN_MS,
        DAY_MS,
      ),
    );
    const floorOptions = {
      concurrency: CONCURRENCY,
      pageSize: PAGE_SIZE,
      callLog: request.callLog,
      select: LEG_FIELDS,
    };
    const rows = await downloadFloor(session, windows, floorOptions); // warm-up: JIT, the PBX's counts
    const floorSeconds: number[] = [];
    const reportSeconds: number[] = [];
    const cachedSeconds: number[] = [];
    let report: unknown;
    for (let repeat = 0; repeat < repeats; repeat++) {
      floorSeconds.push(await timeSeconds(() => downloadFloor(session, windows, floorOptions)));
      const client = new XapiClient({
        baseUrl: pbx.url,
        clientId: pbx.clientId,
        clientSecret: pbx.clientSecret,
        concurrency: CONCURRENCY,
        pageSize: PAGE_SIZE,
      });
      const service = new ReportService({ source: client, serviceLevelSeconds: SERVICE_LEVEL_SECONDS });
      // A running bot's client: token and directory already fetched, the legs cache empty.
      await client.getDirectory();
      reportSeconds.push(await timeSeconds(async () => (report = await service.runReport(request))));
      cachedSeconds.push(await timeSeconds(() => service.runReport(request)));
      await client.close();
    }
    const directory = await (async () => {
      const client = new XapiClient({
        baseUrl: pbx.url,
        clientId: pbx.clientId,
        clientSecret: pbx.clientSecret,
      });
      const loaded = await client.getDirectory();
      await client.close();
      return loaded;
    })();
    // Warm-up, as for the floor: the demo PBX builds its JSON per day and field list on first use,
    // and the sequential client asks for whole rows, which nothing above asked for.
    await downloadFloor(session, windows, { ...floorOptions, select: undefined });
    let sequential: { report: unknown; rows: number } | undefined;
    const sequentialSeconds = await timeSeconds(async () => {
      sequential = await runSequentialReport(session, query, request, directory, SERVICE_LEVEL_SECONDS);
    });
    printResult({
      words,
      periods: periods.length,
      callsPerDay,
      delayMs,
      window: `${request.window.from.toISOString()}..${request.window.to.toISOString()}`,
      windows: windows.length,
      rows,
      floorSeconds: median(floorSeconds),
      reportSeconds: median(reportSeconds),
      ratio: median(reportSeconds.map((seconds, index) => seconds / floorSeconds[index]!)),
      cachedSeconds: median(cachedSeconds),
      sequentialSeconds,
      sequentialRows: sequential?.rows,
      sameFigures: JSON.stringify(sequential?.report) === JSON.stringify(withoutAssumptions(report)),
      runs: { floorSeconds, reportSeconds, cachedSeconds },
    });
  } finally {
    await session.close();
    proxy?.stop();
    demo.stop();
  }
}

/** Every period the report reads: its own, the previous one of a plain summary, a comparison's other sides. */
function periodsOf(request: ReportRequest): TimeWindow[] {
  const others = request.comparison?.sides.slice(1).map((side) => side.window) ?? [];
  return [
    request.window,
    ...(wantsPreviousPeriod(request) ? [previousWindow(request.window)] : []),
    ...others,
  ];
}

async function timeSeconds(task: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await task();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * The service's report of the period itself: without the request's `assumptions` (how the words
 * were read) and the period before (`previous`), which the sequential client does not compute.
 */
function withoutAssumptions(report: unknown): unknown {
  const {
    assumptions: _readingOfTheWords,
    previous: _periodBefore,
    ...figures
  } = report as Record<string, unknown>;
  return figures;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
