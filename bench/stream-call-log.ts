/**
 * Streams 1,000,000 call-log rows from a big demo PBX (in its own process) through the XAPI
 * client's `streamRows`, holding none of them, and prints rows per second and this process's peak
 * memory (a table, and a `RESULT` JSON line for `run-all.ts`).
 * `node --require tsx/cjs bench/stream-call-log.ts [rows]`
 */
import { DEFAULT_CALL_LOG_PARAMETERS } from '../src/core/report-request';
import { limitHeapGrowth } from '../src/limit-heap-growth';
import { XapiClient } from '../src/threecx/xapi-client';
import { sampleMemory } from './lib/memory-sampler';
import { printResult, readPeakRssMb } from './lib/run-bench-child';
import { spawnDemoPbx } from './lib/spawn-demo-pbx';

async function main(): Promise<void> {
  // As the bot's own entry points do (src/main.ts), so that this measures the bot's process.
  limitHeapGrowth();
  const target = Number(process.argv[2] ?? 1_000_000);
  const days = 200;
  const pbx = await spawnDemoPbx({ callsPerDay: 4000, days });
  const client = new XapiClient({ baseUrl: pbx.url, clientId: pbx.clientId, clientSecret: pbx.clientSecret });
  try {
    const to = new Date();
    const from = new Date(to.getTime() - days * 86_400_000);
    const memory = sampleMemory();
    const started = process.hrtime.bigint();
    let rows = 0;
    let textLength = 0;
    for await (const row of client.streamRows({
      from,
      to,
      callLog: DEFAULT_CALL_LOG_PARAMETERS,
      top: target,
    })) {
      rows++;
      if (typeof row.TalkingDuration === 'string') textLength += row.TalkingDuration.length;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const { peakRssMb, peakHeapMb } = memory.stop();
    const peakMb = readPeakRssMb() ?? peakRssMb;
    console.log('| rows | seconds | rows/second | peak RSS (MB) | peak heap (MB) |');
    console.log('|---:|---:|---:|---:|---:|');
    console.log(
      `| ${rows} | ${seconds.toFixed(1)} | ${Math.round(rows / seconds)} | ${peakMb.toFixed(0)} | ${peakHeapMb.toFixed(0)} |`,
    );
    printResult({ rows, seconds, rowsPerSecond: rows / seconds, peakRssMb: peakMb, peakHeapMb, textLength });
  } finally {
    await client.close();
    pbx.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
