import { webApi } from '@slack/bolt';
import { AccessControl } from '../../src/access/access-control';
import { DigestAccessRevokedError } from '../../src/access/authorize-digest-run';
import { readAccessPolicyText } from '../../src/access/load-access-policy';
import { SlackDigestCreators } from '../../src/adapters/slack/slack-digest-creators';
import { parseCommand } from '../../src/commands/parse-command';
import { loadConfig } from '../../src/config/load-config';
import { connectPbx, type PbxConnection } from '../../src/connect-pbx';
import { silentLogger } from '../../src/core/logger';
import type { Reply } from '../../src/core/reply';
import { ReportService } from '../../src/report/report-service';
import {
  createDigestReportRunner,
  type DigestRunAccess,
} from '../../src/schedule/create-digest-report-runner';
import { DigestScheduler } from '../../src/schedule/digest-scheduler';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/fake-slack-api';
import {
  buildSchedule,
  createClock,
  createRecordingDelivery,
  openMemoryStore,
} from '../schedule/schedule-helpers';

const CAROL = { platform: 'slack' as const, id: 'U0CAROL001', email: 'carol.lead@example.com' };
const WITH_CAROL = 'managers:\n  - who: carol.lead@example.com\n    queues: [800]\n';
const WITHOUT_CAROL = 'admins: [alice.admin@example.com]\n';

let connection: PbxConnection;
let reports: ReportService;
/** Slack's users.info, asked for the creator at every run. */
let slack: FakeSlackApi;

beforeAll(async () => {
  connection = await connectPbx(loadConfig({}), {
    logger: silentLogger,
    now: new Date('2026-11-29T10:00:00Z'),
  });
  reports = new ReportService({ source: connection.source, serviceLevelSeconds: 20 });
  slack = await startFakeSlackApi();
  slack.setUser(CAROL.id, { tz: 'Europe/Berlin', email: CAROL.email });
});
afterAll(async () => {
  await connection.close();
  await slack.close();
});

function accessWith(yaml: string): DigestRunAccess {
  const rules = new AccessControl({
    policy: readAccessPolicyText(yaml, 'policy.yaml'),
    unmapped: 'none',
    getDirectory: () => connection.source.getDirectory(),
    logger: silentLogger,
  });
  const client = new webApi.WebClient('xoxb-digest-access', {
    slackApiUrl: slack.apiUrl,
    retryConfig: { retries: 0 },
  });
  return { rules, creators: { slack: new SlackDigestCreators(client) } };
}

function schedulerFor(
  access: DigestRunAccess,
  store: ReturnType<typeof openMemoryStore>,
  clock: ReturnType<typeof createClock>,
) {
  const recording = createRecordingDelivery(clock.now);
  const scheduler = new DigestScheduler({
    store,
    delivery: recording.delivery,
    runReport: createDigestReportRunner({ reports, weekStart: 'monday', maxPeriodDays: 400, access }),
    now: clock.now,
    logger: silentLogger,
  });
  return { scheduler, delivered: recording.delivered };
}

function reportOf(reply: Reply | undefined) {
  if (reply?.kind !== 'report') throw new Error(`expected a report, got ${JSON.stringify(reply)}`);
  return reply;
}

describe('digests run with their creator’s rights', () => {
  it("keeps a manager's digest to their queue, and posts a notice once they left the policy", async () => {
    const store = openMemoryStore();
    const digest = buildSchedule({
      id: 'k3m9qa',
      creator: CAROL,
      command: 'yesterday',
      createdAt: new Date('2026-11-26T12:00:00Z'),
    });
    await store.createSchedule(digest);
    const clock = createClock('2026-11-27T07:00:30Z');

    const first = schedulerFor(accessWith(WITH_CAROL), store, clock);
    await first.scheduler.tick();
    expect(first.delivered).toHaveLength(1);
    const reply = reportOf(first.delivered[0]?.reply);
    const parsed = parseCommand('nov 26 queue 800', {
      now: clock.now(),
      timeZone: 'Europe/Berlin',
      weekStart: 'monday',
      maxPeriodDays: 400,
    });
    if (!parsed.ok) throw parsed.error;
    const expected = await reports.runReport(parsed.request);
    expect(expected.totals.calls).toBeGreaterThan(5);
    expect(reply.windowLabel).toBe('Thu 26 Nov 2026 (Europe/Berlin)');
    expect(reply.report.totals).toEqual(expected.totals);
    expect(reply.report.byQueue.map((row) => row.queue)).toEqual(['800']);
    expect(reply.report.byExtension).toEqual([]);
    expect(reply.report.filters.queues).toEqual([]);
    expect(reply.notes).toEqual([
      'Scheduled digest k3m9qa · every day at 08:00',
      'Showing only the calls of your access (queue 800).',
    ]);

    // The bot restarts with a policy that no longer names Carol.
    clock.set('2026-11-28T07:00:30Z');
    const second = schedulerFor(accessWith(WITHOUT_CAROL), store, clock);
    await second.scheduler.tick();
    expect(second.delivered).toHaveLength(1);
    const notice = second.delivered[0]?.reply;
    expect(notice?.kind).toBe('notice');
    expect(notice?.kind === 'notice' && notice.text).toContain(
      'Digest k3m9qa (every day at 08:00, "yesterday") has stopped: the person who created it no longer has access to these calls.',
    );
    expect(JSON.stringify(notice)).not.toMatch(/\d+ calls/);

    // The digest is now paused: the next day's run posts nothing at all.
    expect((await store.getSchedule('k3m9qa'))?.enabled).toBe(false);
    expect((await store.getLastRun('k3m9qa'))?.status).toBe('failed');
    clock.set('2026-11-29T07:00:30Z');
    await second.scheduler.tick();
    expect(second.delivered).toHaveLength(1);
  });

  it('throws DigestAccessRevokedError carrying the notice to post', async () => {
    const runner = createDigestReportRunner({
      reports,
      weekStart: 'monday',
      maxPeriodDays: 400,
      access: accessWith(WITHOUT_CAROL),
    });
    const digest = buildSchedule({ id: 'p7x2zd', creator: CAROL, command: 'yesterday queue 800 missed' });
    const error = await runner(digest, new Date('2026-11-27T07:00:00Z')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DigestAccessRevokedError);
    expect((error as DigestAccessRevokedError).scheduleId).toBe('p7x2zd');
    expect((error as DigestAccessRevokedError).notice).toEqual({
      kind: 'notice',
      text: [
        'Digest p7x2zd (every day at 08:00, "yesterday queue 800 missed") has stopped: the person who created it no longer has access to these calls.',
        '"unschedule p7x2zd" removes it; someone with access can schedule it again.',
      ].join('\n'),
    });
  });
});
