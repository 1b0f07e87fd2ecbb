import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseCommand } from '../../src/commands/parse-command';
import { silentLogger } from '../../src/core/logger';
import type { ReportReply } from '../../src/core/reply';
import { ReportService } from '../../src/report/report-service';
import { createDigestReportRunner } from '../../src/schedule/create-digest-report-runner';
import { DigestScheduler } from '../../src/schedule/digest-scheduler';
import type { XapiClient } from '../../src/threecx/xapi-client';
import { createTestClient, type DemoPbx, startTestPbx } from '../threecx/demo-helpers';
import {
  buildSchedule,
  createClock,
  createRecordingDelivery,
  MINUTE_MS,
  openMemoryStore,
} from './schedule-helpers';

/** Tue 24 Nov 2026, 08:00 in Berlin. */
const OCCURRENCE = new Date('2026-11-24T07:00:00Z');

let pbx: DemoPbx;
let client: XapiClient;
let reports: ReportService;

beforeAll(async () => {
  pbx = await startTestPbx();
  client = createTestClient(pbx);
  reports = new ReportService({ source: client, serviceLevelSeconds: 20 });
});

afterAll(async () => {
  await client.close();
  await pbx.close();
});

function asReport(reply: unknown): ReportReply {
  const report = reply as ReportReply;
  if (report.kind !== 'report') throw new Error(`expected a report reply, got ${JSON.stringify(reply)}`);
  return report;
}

describe('createDigestReportRunner against the demo PBX', () => {
  it('resolves "yesterday" relative to the occurrence, in the digest zone, with a note naming the digest', async () => {
    const run = createDigestReportRunner({ reports, weekStart: 'monday', maxPeriodDays: 400 });
    const reply = asReport(await run(buildSchedule(), OCCURRENCE));
    expect(reply.report.window).toEqual({
      from: '2026-11-23T00:00:00.000+01:00',
      to: '2026-11-24T00:00:00.000+01:00',
      timeZone: 'Europe/Berlin',
    });
    expect(reply.windowLabel).toBe('Mon 23 Nov 2026 (Europe/Berlin)');
    expect(reply.notes).toEqual(['Scheduled digest abc123 · every day at 08:00']);
    expect(reply.actions).toEqual([]);
    expect(reply.focus).toBe('summary');
    // The same figures the chat would give for that day.
    const parsed = parseCommand('yesterday', { now: OCCURRENCE, timeZone: 'Europe/Berlin' });
    if (!parsed.ok) throw parsed.error;
    const direct = await reports.runReport(parsed.request);
    expect(reply.report).toEqual(direct);
    expect(direct.totals.calls).toBeGreaterThan(50);
  });

  it('"last workday missed" on a Monday morning covers the Friday before and leads with missed calls', async () => {
    const run = createDigestReportRunner({ reports, weekStart: 'monday', maxPeriodDays: 400 });
    const schedule = buildSchedule({
      timeZone: 'America/New_York',
      command: 'last workday missed',
      rule: { cron: '0 8 * * 1-5', description: 'every weekday at 08:00' },
    });
    // Mon 23 Nov 2026, 08:00 in New York.
    const reply = asReport(await run(schedule, new Date('2026-11-23T13:00:00Z')));
    expect(reply.windowLabel).toBe('Fri 20 Nov 2026 (America/New_York)');
    expect(reply.focus).toBe('missed');
    expect(reply.report.filters.status).toBe('missed');
    expect(reply.notes).toEqual(['Scheduled digest abc123 · every weekday at 08:00']);
  });

  it('offers the platform buttons when asked', async () => {
    const run = createDigestReportRunner({
      reports,
      weekStart: 'monday',
      maxPeriodDays: 400,
      actions: { slack: { exportCsv: true, share: false } },
    });
    const reply = asReport(await run(buildSchedule(), OCCURRENCE));
    expect(reply.actions.map((action) => action.id)).toEqual([
      'missed',
      'by-extension',
      'previous',
      'next',
      'export-csv',
      'export-xlsx',
    ]);
    const teams = asReport(
      await run(buildSchedule({ target: { platform: 'teams', conversationId: '19:a' } }), OCCURRENCE),
    );
    expect(teams.actions).toEqual([]);
  });

  it('refuses a stored command that has become unreadable or is no report', async () => {
    const run = createDigestReportRunner({ reports, weekStart: 'monday', maxPeriodDays: 400 });
    await expect(run(buildSchedule({ command: 'yesterday blursday' }), OCCURRENCE)).rejects.toThrow(
      /blursday/,
    );
    await expect(run(buildSchedule({ command: 'rows yesterday' }), OCCURRENCE)).rejects.toThrow(
      '"rows yesterday" cannot be a digest: schedule a summary or a list.',
    );
  });
});

describe('DigestScheduler with the report runner', () => {
  it('posts the report of the day before the occurrence, even when it runs 40 minutes late', async () => {
    const clock = createClock('2026-11-24T07:40:00Z');
    const store = openMemoryStore();
    await store.createSchedule(buildSchedule({ createdAt: new Date('2026-11-20T12:00:00Z') }));
    const recording = createRecordingDelivery(clock.now);
    const scheduler = new DigestScheduler({
      store,
      delivery: recording.delivery,
      runReport: createDigestReportRunner({ reports, weekStart: 'monday', maxPeriodDays: 400 }),
      now: clock.now,
      graceMinutes: 60,
      logger: silentLogger,
    });
    await scheduler.tick();
    expect(recording.delivered).toHaveLength(1);
    const reply = asReport(recording.delivered[0]?.reply);
    expect(reply.windowLabel).toBe('Mon 23 Nov 2026 (Europe/Berlin)');
    expect((await store.getLastRun('abc123'))?.status).toBe('sent');
    await store.close();
  });

  it('posts a notice instead of staying silent when the PBX is down', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const downClient = createTestClient(pbx, {
      baseUrl: `http://127.0.0.1:${port}`,
      retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const clock = createClock('2026-11-24T07:00:00Z');
    const store = openMemoryStore();
    await store.createSchedule(buildSchedule({ createdAt: new Date('2026-11-20T12:00:00Z') }));
    const recording = createRecordingDelivery(clock.now);
    const scheduler = new DigestScheduler({
      store,
      delivery: recording.delivery,
      runReport: createDigestReportRunner({
        reports: new ReportService({ source: downClient, serviceLevelSeconds: 20 }),
        weekStart: 'monday',
        maxPeriodDays: 400,
      }),
      now: clock.now,
      logger: silentLogger,
    });
    try {
      await scheduler.tick();
      clock.advance(10 * MINUTE_MS);
      await scheduler.tick();
    } finally {
      await downClient.close();
    }
    expect(recording.delivered).toHaveLength(1);
    const notice = recording.delivered[0]?.reply;
    expect(notice?.kind).toBe('notice');
    const text = notice?.kind === 'notice' ? notice.text : '';
    expect(text).toMatch(
      /^The 08:00 digest could not be produced: Could not reach the PBX \(.+\): .+\. Check THREECX_URL/,
    );
    expect(text.split('\n')[1]).toBe('Scheduled digest abc123 · every day at 08:00');
    const run = await store.getLastRun('abc123');
    expect(run).toMatchObject({ status: 'failed', noticeSent: true });
    expect(run?.reason).toMatch(/^Could not reach the PBX/);
    await store.close();
  });
});
