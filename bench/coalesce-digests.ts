/**
 * 100 digests for the same window falling due in the same minute: 100 concurrent
 * `ReportService.runReport` calls, counted in call-log requests at a demo PBX (in this process, so
 * its request log can be read). Once with identical requests, once with 100 different filters
 * over the same window (one per agent, as per-team digests would be), each next to the requests a
 * single report makes. Prints one `RESULT` JSON line.
 * `node --require tsx/cjs bench/coalesce-digests.ts [callsPerDay]` (the digests report `last week`)
 */
import { parseCommand } from '../src/commands/parse-command';
import type { ReportRequest } from '../src/core/report-request';
import { startDemoPbx } from '../src/demo/demo-pbx';
import { ReportService } from '../src/report/report-service';
import { XapiClient } from '../src/threecx/xapi-client';
import { printResult } from './lib/run-bench-child';

const DIGESTS = 100;

async function main(): Promise<void> {
  const callsPerDay = Number(process.argv[2] ?? 2000);
  const now = new Date();
  const pbx = await startDemoPbx({ callsPerDay, days: 16, now });
  const callLogRequests = () => pbx.requests.filter((entry) => entry.endpoint === 'calllog').length;
  /** Call-log requests made by `run` on a fresh client (empty cache), and its duration. */
  const measure = async (run: (service: ReportService) => Promise<unknown>) => {
    const client = new XapiClient({
      baseUrl: pbx.url,
      clientId: pbx.clientId,
      clientSecret: pbx.clientSecret,
    });
    const service = new ReportService({ source: client, serviceLevelSeconds: 20 });
    await client.getDirectory();
    const before = callLogRequests();
    const started = process.hrtime.bigint();
    await run(service);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await client.close();
    return { requests: callLogRequests() - before, seconds };
  };
  try {
    const request = requestFor('last week', now);
    const agents = pbx.directory.users.map((user) => user.number);
    const filtered = Array.from({ length: DIGESTS }, (_, index) =>
      requestFor(`last week ext ${agents[index % agents.length]}`, now),
    );
    const single = await measure((service) => service.runReport(request));
    const identical = await measure((service) =>
      Promise.all(Array.from({ length: DIGESTS }, () => service.runReport(request))),
    );
    const different = await measure((service) =>
      Promise.all(filtered.map((digest) => service.runReport(digest))),
    );
    printResult({ digests: DIGESTS, single, identical, different });
  } finally {
    await pbx.close();
  }
}

function requestFor(command: string, now: Date): ReportRequest {
  const parsed = parseCommand(command, { now, timeZone: 'Europe/London' });
  if (!parsed.ok) throw parsed.error;
  return parsed.request;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
