/**
 * The client's CPU time for one `last month` report against a demo PBX on loopback (in its own
 * process, so only the client's work is counted): user + system time of this process around
 * `ReportService.runReport`, on a fresh, warm client each time (token and directory fetched, legs
 * cache empty), as report-vs-floor.ts runs it. CPU time, unlike wall time, barely moves when other
 * work shares the machine. Prints one `RESULT` JSON line (median, and every run).
 * `node --require tsx/cjs bench/report-cpu.ts [callsPerDay] [repeats] [warmups]`
 */
import { parseCommand } from '../src/commands/parse-command';
import { limitHeapGrowth } from '../src/limit-heap-growth';
import { ReportService } from '../src/report/report-service';
import { XapiClient } from '../src/threecx/xapi-client';
import { printResult } from './lib/run-bench-child';
import { spawnDemoPbx } from './lib/spawn-demo-pbx';

const CONCURRENCY = 4;
const PAGE_SIZE = 1000;
const TIME_ZONE = 'Europe/London';

async function main(): Promise<void> {
  limitHeapGrowth();
  const callsPerDay = Number(process.argv[2] ?? 2000);
  const repeats = Number(process.argv[3] ?? 7);
  const warmups = Number(process.argv[4] ?? 2);
  const pbx = await spawnDemoPbx({ callsPerDay, days: 70 });
  try {
    const parsed = parseCommand('last month', { now: new Date(), timeZone: TIME_ZONE });
    if (!parsed.ok) throw parsed.error;
    const request = parsed.request;
    const cpuMs: number[] = [];
    const wallMs: number[] = [];
    for (let run = 0; run < warmups + repeats; run++) {
      const client = new XapiClient({
        baseUrl: pbx.url,
        clientId: pbx.clientId,
        clientSecret: pbx.clientSecret,
        concurrency: CONCURRENCY,
        pageSize: PAGE_SIZE,
      });
      const service = new ReportService({ source: client, serviceLevelSeconds: 20 });
      await client.getDirectory();
      const cpu = process.cpuUsage();
      const started = process.hrtime.bigint();
      await service.runReport(request);
      const wall = Number(process.hrtime.bigint() - started) / 1e6;
      const used = process.cpuUsage(cpu);
      await client.close();
      if (run < warmups) continue;
      cpuMs.push(Math.round((used.user + used.system) / 1000));
      wallMs.push(Math.round(wall));
    }
    printResult({ callsPerDay, cpuMs: median(cpuMs), wallMs: median(wallMs), runs: { cpuMs, wallMs } });
  } finally {
    pbx.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
