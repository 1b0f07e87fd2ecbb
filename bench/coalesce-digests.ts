/**
 * 100 real digests falling due in the same minute: 100 schedules in SQLite (in memory) with the
 * same rule and command (`every day at 08:00`, `yesterday`, Europe/Berlin), each for its own Slack
 * channel and creator, one `DigestScheduler.tick()` with `now` pinned a minute after the
 * occurrence, `runReport` from `createDigestReportRunner` + `ReportService` + `XapiClient`, and a
 * delivery that records what it is given. The demo PBX runs in its own process behind a counting
 * proxy (no delay): call-log and token requests are counted, next to what one report alone costs
 * on a fresh client. Prints one `RESULT` JSON line.
 * `node --require tsx/cjs bench/coalesce-digests.ts [callsPerDay]`
 */
import { DateTime } from 'luxon';
import { createLogger } from '../src/core/logger';
import { limitHeapGrowth } from '../src/limit-heap-growth';
import { ReportService } from '../src/report/report-service';
import { createDigestReportRunner } from '../src/schedule/create-digest-report-runner';
import type { DigestSchedule } from '../src/schedule/digest-schedule';
import { DigestScheduler } from '../src/schedule/digest-scheduler';
import { openScheduleStore } from '../src/schedule/open-schedule-store';
import { XapiClient } from '../src/threecx/xapi-client';
import { startLatencyProxy } from './lib/latency-proxy';
import { printResult } from './lib/run-bench-child';
import { spawnDemoPbx } from './lib/spawn-demo-pbx';

const DIGESTS = 100;
const TIME_ZONE = 'Europe/Berlin';
const COMMAND = 'yesterday';
const RULE = { cron: '0 8 * * *', description: 'every day at 08:00' };

async function main(): Promise<void> {
  // As the bot's own entry points do (src/main.ts), so that this measures the bot's process.
  limitHeapGrowth();
  const callsPerDay = Number(process.argv[2] ?? 2000);
  const pbx = await spawnDemoPbx({ callsPerDay, days: 16 });
  const counts = { callLog: 0, token: 0 };
  const proxy = await startLatencyProxy(pbx.url, 0, (path) => {
    if (path.startsWith('/xapi/v1/ReportCallLogData/')) counts.callLog += 1;
    if (path.startsWith('/connect/token')) counts.token += 1;
  });
  const occurrence = latestOccurrence(new Date());
  const now = () => new Date(occurrence.getTime() + 60_000);
  const createService = () => {
    const client = new XapiClient({
      baseUrl: proxy.url,
      clientId: pbx.clientId,
      clientSecret: pbx.clientSecret,
    });
    return { client, service: new ReportService({ source: client, serviceLevelSeconds: 20 }) };
  };
  /** Call-log and token requests made by `run`, and its duration. */
  const measure = async (run: () => Promise<unknown>) => {
    const before = { ...counts };
    const started = process.hrtime.bigint();
    await run();
    return {
      requests: counts.callLog - before.callLog,
      tokenRequests: counts.token - before.token,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
    };
  };
  try {
    const alone = createService();
    const runner = (service: ReportService) =>
      createDigestReportRunner({ reports: service, weekStart: 'monday', maxPeriodDays: 400 });
    const schedules = Array.from({ length: DIGESTS }, (_, index) => buildSchedule(index, occurrence));
    const single = await measure(() => runner(alone.service)(schedules[0]!, occurrence));
    await alone.client.close();

    const { client, service } = createService();
    const store = await openScheduleStore('sqlite::memory:', { now });
    for (const schedule of schedules) await store.createSchedule(schedule);
    const delivered: string[] = [];
    const scheduler = new DigestScheduler({
      store,
      delivery: {
        deliver: async (schedule) => {
          delivered.push(schedule.target.conversationId);
        },
      },
      runReport: runner(service),
      now,
      logger: createLogger({ level: 'error' }),
    });
    const tick = await measure(() => scheduler.tick());
    await client.close();
    await store.close();
    if (delivered.length !== DIGESTS) throw new Error(`${delivered.length} of ${DIGESTS} digests delivered`);
    printResult({
      digests: DIGESTS,
      occurrence: occurrence.toISOString(),
      single,
      tick: { ...tick, delivered: delivered.length, channels: new Set(delivered).size },
    });
  } finally {
    await proxy.close();
    pbx.stop();
  }
}

/** The most recent 08:00 in Berlin at least a minute before `now` (the PBX has that day's history). */
function latestOccurrence(now: Date): Date {
  let at = DateTime.fromJSDate(now, { zone: TIME_ZONE }).set({
    hour: 8,
    minute: 0,
    second: 0,
    millisecond: 0,
  });
  if (at.toMillis() > now.getTime() - 60_000) at = at.minus({ days: 1 });
  return at.toJSDate();
}

/** Digest `index`: the same rule and command, its own channel and creator, created the day before. */
function buildSchedule(index: number, occurrence: Date): DigestSchedule {
  const suffix = String(index).padStart(3, '0');
  return {
    id: `bd0${suffix}`,
    target: {
      platform: 'slack',
      conversationId: `C0DIGEST${suffix}`,
      teamId: 'T0CALLS01',
      label: `#team-${suffix}`,
    },
    creator: { platform: 'slack', id: `U0CREATOR${suffix}` },
    timeZone: TIME_ZONE,
    rule: RULE,
    command: COMMAND,
    createdAt: new Date(occurrence.getTime() - 3_600_000),
    enabled: true,
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
