/**
 * The client's CPU time to fetch and read one `last month` of legs (what a report gets from the
 * client, without the report engine) against a demo PBX on loopback in its own process: user +
 * system time of this process around `streamLegPages`, on a fresh, warm client each time (token
 * and directory fetched, legs cache empty). Prints one `RESULT` JSON line (median, and every run).
 * `node --require tsx/cjs bench/legs-cpu.ts [callsPerDay] [repeats] [warmups]`
 */
import { parseCommand } from '../src/commands/parse-command';
import { limitHeapGrowth } from '../src/limit-heap-growth';
import { FETCH_MARGIN_MS } from '../src/report/report-service';
import { XapiClient } from '../src/threecx/xapi-client';
import { printResult } from './lib/run-bench-child';
import { spawnDemoPbx } from './lib/spawn-demo-pbx';

async function main(): Promise<void> {
  limitHeapGrowth();
  const callsPerDay = Number(process.argv[2] ?? 2000);
  const repeats = Number(process.argv[3] ?? 7);
  const warmups = Number(process.argv[4] ?? 2);
  const pbx = await spawnDemoPbx({ callsPerDay, days: 70 });
  try {
    const parsed = parseCommand('last month', { now: new Date(), timeZone: 'Europe/London' });
    if (!parsed.ok) throw parsed.error;
    const { window, callLog } = parsed.request;
    const query = {
      from: new Date(window.from.getTime() - FETCH_MARGIN_MS),
      to: new Date(window.to.getTime() + FETCH_MARGIN_MS),
      callLog,
    };
    const cpuMs: number[] = [];
    let legs = 0;
    for (let run = 0; run < warmups + repeats; run++) {
      const client = new XapiClient({
        baseUrl: pbx.url,
        clientId: pbx.clientId,
        clientSecret: pbx.clientSecret,
      });
      await client.getDirectory();
      const cpu = process.cpuUsage();
      legs = 0;
      for await (const page of client.streamLegPages(query)) legs += page.length;
      const used = process.cpuUsage(cpu);
      await client.close();
      if (run >= warmups) cpuMs.push(Math.round((used.user + used.system) / 1000));
    }
    printResult({ callsPerDay, legs, cpuMs: median(cpuMs), runs: { cpuMs } });
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
