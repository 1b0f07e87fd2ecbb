/**
 * Peak memory of a process that reports over 1,000,000 legs: a big demo PBX (in its own process)
 * with 2,000 calls a day, and one summary report over all its days through the default client
 * (legs cache on). Prints one `RESULT` JSON line. Run it in its own process (`run-all.ts` does),
 * so that the kernel's high-water mark (VmHWM) is this report's alone.
 * `node --require tsx/cjs bench/report-memory.ts [callsPerDay] [days] [cachedLegs, 0 = no cache]`
 */
import type { CallLeg } from '../src/core/call-leg';
import type { CallLogQuery, CallLogSource } from '../src/core/call-log-source';
import { DEFAULT_CALL_LOG_PARAMETERS, emptyFilters } from '../src/core/report-request';
import { limitHeapGrowth } from '../src/limit-heap-growth';
import { ReportService } from '../src/report/report-service';
import { XapiClient } from '../src/threecx/xapi-client';
import { sampleMemory } from './lib/memory-sampler';
import { printResult, readPeakRssMb } from './lib/run-bench-child';
import { spawnDemoPbx } from './lib/spawn-demo-pbx';

const DAY_MS = 86_400_000;

async function main(): Promise<void> {
  // As the bot's own entry points do (src/main.ts), so that this measures the bot's process.
  limitHeapGrowth();
  const callsPerDay = Number(process.argv[2] ?? 2000);
  const days = Number(process.argv[3] ?? 305);
  const cacheLegs = process.argv[4] === undefined ? undefined : Number(process.argv[4]);
  const pbx = await spawnDemoPbx({ callsPerDay, days });
  const client = new XapiClient({
    baseUrl: pbx.url,
    clientId: pbx.clientId,
    clientSecret: pbx.clientSecret,
    ...(cacheLegs === undefined ? {} : { cache: cacheLegs === 0 ? false : { maxLegs: cacheLegs } }),
  });
  try {
    const counted = countingLegs(client);
    const service = new ReportService({ source: counted.source, serviceLevelSeconds: 20 });
    const to = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
    const from = new Date(to.getTime() - (days - 1) * DAY_MS);
    const idleRssMb = process.memoryUsage().rss / 1024 / 1024;
    const memory = sampleMemory();
    const started = process.hrtime.bigint();
    const report = await service.runReport({
      view: 'summary',
      window: { from, to, timeZone: 'Europe/London' },
      filters: emptyFilters(),
      callLog: { ...DEFAULT_CALL_LOG_PARAMETERS },
      odata: {},
      me: false,
      assumptions: [],
      names: [],
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const sampled = memory.stop();
    printResult({
      legs: counted.legs(),
      calls: report.totals.calls,
      missed: report.totals.missed,
      seconds,
      idleRssMb,
      peakRssMb: readPeakRssMb() ?? sampled.peakRssMb,
      peakHeapMb: sampled.peakHeapMb,
      cachedLegs: client.legsCache?.legCount ?? 0,
    });
  } finally {
    await client.close();
    pbx.stop();
  }
}

/** The client as a source, counting the legs the report reads. */
function countingLegs(client: XapiClient): { source: CallLogSource; legs: () => number } {
  let legs = 0;
  const source: CallLogSource = {
    streamRows: (query) => client.streamRows(query),
    countRows: (query) => client.countRows(query),
    getDirectory: () => client.getDirectory(),
    checkConnection: () => client.checkConnection(),
    legDisorderMs: client.legDisorderMs,
    streamLegs: (query) => client.streamLegs(query),
    async *streamLegPages(query: CallLogQuery): AsyncGenerator<readonly CallLeg[]> {
      for await (const page of client.streamLegPages(query)) {
        legs += page.length;
        yield page;
      }
    },
  };
  return { source, legs: () => legs };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
