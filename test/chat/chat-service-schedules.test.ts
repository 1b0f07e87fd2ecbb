import { ChatService } from '../../src/chat/chat-service';
import type { CallLogSource } from '../../src/core/call-log-source';
import type { ChatUser } from '../../src/core/chat-user';
import type { ConversationTarget } from '../../src/core/conversation-target';
import { silentLogger } from '../../src/core/logger';
import type { Reply } from '../../src/core/reply';
import { ReportService } from '../../src/report/report-service';
import { createDigestReportRunner } from '../../src/schedule/create-digest-report-runner';
import { DigestCommands } from '../../src/schedule/digest-commands';
import { DigestScheduler } from '../../src/schedule/digest-scheduler';
import { createClock, createRecordingDelivery, openMemoryStore } from '../schedule/schedule-helpers';

/** A PBX with no calls: enough for the chat service, which needs one for report commands. */
const EMPTY_SOURCE: CallLogSource = {
  async *streamRows() {},
  async *streamLegs() {},
  countRows: async () => 0,
  getDirectory: async () => ({ users: [], queues: [] }),
  checkConnection: async () => {},
};

const USER: ChatUser = { platform: 'slack', id: 'U1', timeZone: 'Europe/Berlin' };
const CHANNEL: ConversationTarget = { platform: 'slack', id: 'C1', teamId: 'T1' };

function setUp(options: { withSchedules?: boolean } = {}) {
  // Fri 30 Oct 2026, 11:00 in Berlin.
  const clock = createClock('2026-10-30T10:00:00Z');
  const store = openMemoryStore();
  const reports = new ReportService({ source: EMPTY_SOURCE, serviceLevelSeconds: 20 });
  const ids = ['k3m9qa', 'p7x2zd'];
  const schedules =
    options.withSchedules === false
      ? undefined
      : new DigestCommands({ store, now: clock.now, createId: () => ids.shift() ?? 'zzzzzz' });
  const chat = new ChatService({
    reports,
    logger: silentLogger,
    now: clock.now,
    weekStart: 'monday',
    maxPeriodDays: 400,
    actions: { exportCsv: true, share: true },
    ...(schedules && { schedules }),
  });
  return { clock, store, reports, chat };
}

function noticeText(reply: Reply): string {
  if (reply.kind !== 'notice') throw new Error(`expected a notice, got ${JSON.stringify(reply)}`);
  return reply.text;
}

describe('ChatService: digest commands', () => {
  it('creates, lists and removes digests in the conversation they were typed in', async () => {
    const { chat, store } = setUp();
    const created = await chat.answerText(
      'schedule every weekday at 8:00 last workday missed',
      USER,
      CHANNEL,
    );
    expect(created.share).toBe(false);
    expect(noticeText(created.reply)).toMatch(
      /^Digest k3m9qa scheduled: every weekday at 08:00 \(Europe\/Berlin\), posting "last workday missed" here\.\nFirst run: Mon 2 Nov 2026 08:00\./,
    );
    expect((await store.getSchedule('k3m9qa'))?.target).toEqual({
      platform: 'slack',
      conversationId: 'C1',
      teamId: 'T1',
    });
    const listed = await chat.answerText('schedules', USER, CHANNEL);
    expect(noticeText(listed.reply).split('\n').slice(0, 3)).toEqual([
      'Digests in this conversation (1):',
      '• k3m9qa: every weekday at 08:00 (Europe/Berlin), "last workday missed"',
      '   next Mon 2 Nov 2026 08:00 · last: no run yet',
    ]);
    const elsewhere = await chat.answerText('unschedule k3m9qa', USER, { platform: 'slack', id: 'C2' });
    expect(elsewhere.reply).toEqual({
      kind: 'error',
      message: 'There is no digest k3m9qa in this conversation.',
      hint: 'Try: schedules',
    });
    const removed = await chat.answerText('unschedule K3M9QA', USER, CHANNEL);
    expect(noticeText(removed.reply)).toBe(
      'Digest k3m9qa removed (every weekday at 08:00, "last workday missed"); it will not post again.',
    );
    expect(await store.listEnabledSchedules()).toEqual([]);
  });

  it('answers a bad rule with the forms and a corrected command', async () => {
    const { chat } = setUp();
    const answer = await chat.answerText('schedule every blursday yesterday', USER, CHANNEL);
    expect(answer.reply.kind).toBe('error');
    if (answer.reply.kind !== 'error') return;
    expect(answer.reply.message).toBe(
      'I could not read "every blursday" as a schedule. Did you mean "thursday"? Schedules look like: every day at 8:00, every weekday at 8:00, every monday at 9, every mon,wed at 9:15, every hour, every month on the 1st at 7:00, or a cron expression in quotes such as "30 7 * * 1-5".',
    );
    expect(answer.reply.hint).toBe('Try: schedule every thursday at 8:00 yesterday');
  });

  it('answers "schedule help" with the digest usage', async () => {
    const { chat } = setUp();
    const answer = await chat.answerText('schedule help', USER, CHANNEL);
    expect(answer.reply.kind).toBe('help');
  });

  it('says where digests work when there is no conversation, and when digests are off', async () => {
    const { chat } = setUp();
    expect((await chat.answerText('schedule every day at 8 yesterday', USER)).reply).toEqual({
      kind: 'error',
      message:
        'Digests are posted to a Slack channel or a Teams conversation: type the schedule command there, where the bot is a member.',
    });
    const off = setUp({ withSchedules: false });
    expect((await off.chat.answerText('schedules', USER, CHANNEL)).reply).toEqual({
      kind: 'error',
      message: 'Scheduled digests are not switched on for this bot.',
      hint: 'Ask your administrator to enable them (they need DATABASE_URL and the digest scheduler).',
    });
  });

  it('still answers report commands, with or without a conversation', async () => {
    const { chat } = setUp();
    for (const conversation of [undefined, CHANNEL]) {
      const answer = await chat.answerText('yesterday', USER, conversation);
      expect(answer.reply.kind).toBe('report');
      if (answer.reply.kind !== 'report') return;
      expect(answer.reply.windowLabel).toBe('Thu 29 Oct 2026 (Europe/Berlin)');
      expect(answer.reply.report.totals.calls).toBe(0);
    }
  });

  it('a digest created in chat is posted once by the scheduler at its first run', async () => {
    const { chat, store, reports, clock } = setUp();
    await chat.answerText('schedule every day at 8:00 yesterday missed', USER, CHANNEL);
    const recording = createRecordingDelivery(clock.now);
    const scheduler = new DigestScheduler({
      store,
      delivery: recording.delivery,
      runReport: createDigestReportRunner({ reports, weekStart: 'monday', maxPeriodDays: 400 }),
      now: clock.now,
      logger: silentLogger,
    });
    await scheduler.tick();
    expect(recording.delivered).toEqual([]);
    clock.set('2026-10-31T07:00:00Z');
    await scheduler.tick();
    await scheduler.tick();
    expect(recording.delivered).toHaveLength(1);
    const reply = recording.delivered[0]?.reply;
    expect(reply?.kind === 'report' && reply.windowLabel).toBe('Fri 30 Oct 2026 (Europe/Berlin)');
    expect(reply?.kind === 'report' && reply.notes).toEqual(['Scheduled digest k3m9qa · every day at 08:00']);
    expect(reply?.kind === 'report' && reply.focus).toBe('missed');
  });
});
