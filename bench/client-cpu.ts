/**
 * The client's CPU time for `last month` against a demo PBX on loopback (in its own process, so
 * only the client's work is counted): user + system time of this process around one
 * `ReportService.runReport` (`report`, the default), or around reading the same period's legs
 * with `streamLegPages` (`legs`: the 3CX client alone, without the report engine). Each run on a
 * fresh, warm client (token and directory fetched, legs cache empty), as report-vs-floor.ts runs
 * the report. CPU time moves much less than wall time when other work shares the machine, but
 * still by ±15 % run to run on a busy one: compare medians of many runs, paired in time.
 * Prints one `RESULT` JSON line (median, and every run).
 * `node --require tsx/cjs bench/client-cpu.ts [callsPerDay] [repeats] [warmups] [report|legs]`
 */
import { parseCommand } from '../src/commands/parse-command';
import { limitHeapGrowth } from '../src/limit-heap-growth';
import { FETCH_MARGIN_MS, ReportService } from '../src/report/report-service';
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
  const mode = process.argv[5] === 'legs' ? 'legs' : 'report';
  const pbx = await spawnDemoPbx({ callsPerDay, days: 70 });
  try {
    const parsed = parseCommand('last month', { now: new Date(), timeZone: TIME_ZONE });
    if (!parsed.ok) throw parsed.error;
    const request = parsed.request;
    const query = {
      from: new Date(request.window.from.getTime() - FETCH_MARGIN_MS),
      to: new Date(request.window.to.getTime() + FETCH_MARGIN_MS),
      callLog: request.callLog,
    };
    const cpuMs: number[] = [];
    const wallMs: number[] = [];
    let legs = 0;
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
      if (mode === 'legs') {
        legs = 0;
        for await (const page of client.streamLegPages(query)) legs += page.length;
      } else {
        await service.runReport(request);
      }
      const wall = Number(process.hrtime.bigint() - started) / 1e6;
      const used = process.cpuUsage(cpu);
      await client.close();
      if (run < warmups) continue;
      cpuMs.push(Math.round((used.user + used.system) / 1000));
      wallMs.push(Math.round(wall));
    }
    printResult({
      callsPerDay,
      mode,
      ...(mode === 'legs' ? { legs } : {}),
      cpuMs: median(cpuMs),
      wallMs: median(wallMs),
      runs: { cpuMs, wallMs },
    });
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
