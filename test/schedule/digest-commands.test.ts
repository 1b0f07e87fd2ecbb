import { parseCommand } from '../../src/commands/parse-command';
import type { ChatUser } from '../../src/core/chat-user';
import type { ConversationTarget } from '../../src/core/conversation-target';
import { AppError, CommandError } from '../../src/core/errors';
import type { Reply } from '../../src/core/reply';
import type { ReportRequest } from '../../src/core/report-request';
import { type DigestCommandAccess, DigestCommands } from '../../src/schedule/digest-commands';
import type { ScheduleCommand } from '../../src/schedule/parse-schedule-command';
import { createClock, openMemoryStore } from './schedule-helpers';

const USER: ChatUser = { platform: 'slack', id: 'U1', email: 'lead@example.com', timeZone: 'Europe/Berlin' };
const CHANNEL: ConversationTarget = { platform: 'slack', id: 'C1', teamId: 'T1', label: '#support' };
const OTHER_CHANNEL: ConversationTarget = { platform: 'slack', id: 'C2', teamId: 'T1' };

const WEEKDAY_DIGEST: Extract<ScheduleCommand, { kind: 'create' }> = {
  kind: 'create',
  rule: { cron: '0 8 * * 1-5', description: 'every weekday at 08:00' },
  command: 'last workday missed',
  firstRunAt: new Date('2026-11-02T07:00:00Z'),
  request: requestFor('last workday missed'),
};

function requestFor(command: string): ReportRequest {
  const parsed = parseCommand(command, { now: new Date('2026-11-02T07:00:00Z'), timeZone: 'Europe/Berlin' });
  if (!parsed.ok) throw parsed.error;
  return parsed.request;
}

function setUp(ids: string[] = ['k3m9qa', 'p7x2zd', 'a1b2c3']) {
  const clock = createClock('2026-10-30T10:00:00Z');
  const store = openMemoryStore();
  const queue = [...ids];
  const commands = new DigestCommands({ store, now: clock.now, createId: () => queue.shift() ?? 'zzzzzz' });
  return { clock, store, commands };
}

function textOf(reply: Reply): string {
  if (reply.kind !== 'notice') throw new Error(`expected a notice, got ${reply.kind}`);
  return reply.text;
}

async function rejectionOf(promise: Promise<unknown>): Promise<CommandError> {
  const error = await refusalOf(promise);
  if (error instanceof CommandError) return error;
  throw error;
}

/** The AppError (a command error, or a refusal by the access rules) the promise rejects with. */
async function refusalOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('DigestCommands: create', () => {
  it('stores the digest for this conversation and confirms id, rule, zone, first run and command', async () => {
    const { store, commands } = setUp();
    const reply = await commands.answer(WEEKDAY_DIGEST, USER, CHANNEL);
    expect(textOf(reply)).toBe(
      'Digest k3m9qa scheduled: every weekday at 08:00 (Europe/Berlin), posting "last workday missed" here.\n' +
        'First run: Mon 2 Nov 2026 08:00. "schedules" lists the digests here; "unschedule k3m9qa" removes this one.',
    );
    expect(await store.getSchedule('k3m9qa')).toEqual({
      id: 'k3m9qa',
      target: { platform: 'slack', conversationId: 'C1', teamId: 'T1', label: '#support' },
      creator: { platform: 'slack', id: 'U1', email: 'lead@example.com' },
      timeZone: 'Europe/Berlin',
      rule: { cron: '0 8 * * 1-5', description: 'every weekday at 08:00' },
      command: 'last workday missed',
      createdAt: new Date('2026-10-30T10:00:00Z'),
      enabled: true,
    });
  });

  it("stores the creator's locale with the digest", async () => {
    const { store, commands } = setUp();
    await commands.answer(WEEKDAY_DIGEST, { ...USER, locale: 'en-GB' }, CHANNEL);
    expect((await store.getSchedule('k3m9qa'))?.locale).toBe('en-GB');
  });

  it('keeps the Teams conversation reference key (the conversation id unless given)', async () => {
    const { store, commands } = setUp();
    const teamsUser: ChatUser = { platform: 'teams', id: 'aad-1', timeZone: 'America/New_York' };
    await commands.answer(WEEKDAY_DIGEST, teamsUser, { platform: 'teams', id: '19:abc@thread.tacv2' });
    expect((await store.getSchedule('k3m9qa'))?.target).toEqual({
      platform: 'teams',
      conversationId: '19:abc@thread.tacv2',
      referenceKey: '19:abc@thread.tacv2',
    });
    expect((await store.getSchedule('k3m9qa'))?.timeZone).toBe('America/New_York');
  });

  it('picks another id when one is taken', async () => {
    const { store, commands } = setUp(['aaaaaa', 'aaaaaa', 'bbbbbb']);
    await commands.answer(WEEKDAY_DIGEST, USER, CHANNEL);
    await commands.answer({ ...WEEKDAY_DIGEST, command: 'yesterday' }, USER, CHANNEL);
    expect((await store.listSchedules({ platform: 'slack', conversationId: 'C1' })).map((s) => s.id)).toEqual(
      ['aaaaaa', 'bbbbbb'],
    );
  });

  it('refuses the same digest twice in one conversation, but not in another', async () => {
    const { commands } = setUp();
    await commands.answer(WEEKDAY_DIGEST, USER, CHANNEL);
    const error = await rejectionOf(
      commands.answer({ ...WEEKDAY_DIGEST, command: 'Last Workday Missed' }, USER, CHANNEL),
    );
    expect(error.message).toBe('That digest already exists here as k3m9qa.');
    expect(textOf(await commands.answer(WEEKDAY_DIGEST, USER, OTHER_CHANNEL))).toMatch(
      /^Digest p7x2zd scheduled/,
    );
  });

  it('limits how many digests one conversation has', async () => {
    const store = openMemoryStore();
    let counter = 0;
    const commands = new DigestCommands({
      store,
      now: () => new Date('2026-10-30T10:00:00Z'),
      createId: () => `abcd${String(counter++).padStart(2, '0')}`,
      maxPerConversation: 2,
    });
    await commands.answer(WEEKDAY_DIGEST, USER, CHANNEL);
    await commands.answer({ ...WEEKDAY_DIGEST, command: 'yesterday' }, USER, CHANNEL);
    const error = await rejectionOf(commands.answer({ ...WEEKDAY_DIGEST, command: 'today' }, USER, CHANNEL));
    expect(error.message).toBe(
      'This conversation already has 2 digests, the most it may have. Remove one first.',
    );
  });

  it('refuses conversations digests cannot be posted to', async () => {
    const { commands } = setUp();
    const error = await rejectionOf(
      commands.answer(WEEKDAY_DIGEST, USER, { platform: 'web', id: 'playground' }),
    );
    expect(error.message).toBe(
      'Digests are posted to Slack channels and Teams conversations; this one cannot receive them.',
    );
  });
});

describe('DigestCommands: list and remove, only within the conversation', () => {
  it('lists id, rule, zone, command, next run and the last run', async () => {
    const { store, commands, clock } = setUp();
    await commands.answer(WEEKDAY_DIGEST, USER, CHANNEL);
    await commands.answer(
      {
        kind: 'create',
        rule: { cron: '0 * * * *', description: 'every hour' },
        command: 'past 1 hours queue 800',
        firstRunAt: new Date('2026-10-30T11:00:00Z'),
        request: requestFor('past 1 hours queue 800'),
      },
      { ...USER, timeZone: 'UTC' },
      CHANNEL,
    );
    const monday = new Date('2026-11-02T07:00:00Z');
    await store.claimOccurrence('k3m9qa', monday, new Date('2026-11-02T07:10:00Z'), monday);
    await store.markFailed('k3m9qa', monday, 'Could not reach the PBX (token): connection refused', monday, {
      noticeSent: true,
    });
    const hour = new Date('2026-11-02T11:00:00Z');
    await store.claimOccurrence('p7x2zd', hour, new Date('2026-11-02T11:10:00Z'), hour);
    await store.markSent('p7x2zd', hour, hour);
    clock.set('2026-11-02T11:20:00Z');
    expect(textOf(await commands.answer({ kind: 'list' }, USER, CHANNEL))).toBe(
      [
        'Digests in this conversation (2):',
        '• k3m9qa: every weekday at 08:00 (Europe/Berlin), "last workday missed"',
        '   next Tue 3 Nov 2026 08:00 · last: failed Mon 2 Nov 2026 08:00: Could not reach the PBX (token): connection refused (a notice was posted instead)',
        '• p7x2zd: every hour (UTC), "past 1 hours queue 800"',
        '   next Mon 2 Nov 2026 12:00 · last: sent Mon 2 Nov 2026 11:00',
        '"unschedule <id>" removes one.',
      ].join('\n'),
    );
    expect(textOf(await commands.answer({ kind: 'list' }, USER, OTHER_CHANNEL))).toBe(
      'No digests in this conversation yet. Create one, e.g. "schedule every weekday at 8:00 last workday missed".',
    );
  });

  it('removes a digest of this conversation, and never one of another', async () => {
    const { store, commands } = setUp();
    await commands.answer(WEEKDAY_DIGEST, USER, CHANNEL);
    const elsewhere = await rejectionOf(
      commands.answer({ kind: 'delete', id: 'k3m9qa' }, USER, OTHER_CHANNEL),
    );
    expect(elsewhere.message).toBe('There is no digest k3m9qa in this conversation.');
    expect(elsewhere.example).toBe('schedules');
    expect(await store.getSchedule('k3m9qa')).toBeDefined();
    const unknown = await rejectionOf(commands.answer({ kind: 'delete', id: 'zzzzzz' }, USER, CHANNEL));
    expect(unknown.message).toBe('There is no digest zzzzzz in this conversation.');
    expect(textOf(await commands.answer({ kind: 'delete', id: 'k3m9qa' }, USER, CHANNEL))).toBe(
      'Digest k3m9qa removed (every weekday at 08:00, "last workday missed"); it will not post again.',
    );
    expect(await store.getSchedule('k3m9qa')).toBeUndefined();
  });

  it('answers help with the schedule usage', async () => {
    const { commands } = setUp();
    const reply = await commands.answer({ kind: 'help' }, USER, CHANNEL);
    expect(reply.kind).toBe('help');
    expect(reply.kind === 'help' && reply.text.split('\n')[0]).toBe(
      'Digests post a report to this conversation on a schedule: `schedule <when> <report command>`.',
    );
  });
});

describe('DigestCommands with access rules', () => {
  const MANAGER: ChatUser = { platform: 'slack', id: 'UMGR', timeZone: 'Europe/Berlin' };
  const ADMIN: ChatUser = { platform: 'slack', id: 'UADMIN', timeZone: 'Europe/Berlin' };
  const OTHER: ChatUser = { platform: 'slack', id: 'UOTHER', timeZone: 'Europe/Berlin' };
  /** Access rules where the manager may see queue 800 only, and UADMIN is an admin. */
  const access: DigestCommandAccess = {
    async authorize(user, request) {
      if (user.id === 'UADMIN') return { ok: true, notes: [] };
      if (user.id !== 'UMGR')
        return { ok: false, error: new AppError('forbidden', 'You have no access to call data yet.') };
      if (request.filters.queues.some((queue) => queue !== '800')) {
        return { ok: false, error: new AppError('forbidden', 'Queue 801 is outside what you may see.') };
      }
      return { ok: true, notes: ['Narrowed to what you may see: queue 800.'] };
    },
    isAdmin: (user) => user.id === 'UADMIN',
    async requireAnyAccess(user) {
      if (user.id !== 'UADMIN' && user.id !== 'UMGR') {
        throw new AppError('forbidden', 'You have no access to call data yet.');
      }
    },
  };

  function setUpWithAccess() {
    const clock = createClock('2026-10-30T10:00:00Z');
    const store = openMemoryStore();
    const ids = ['k3m9qa', 'p7x2zd'];
    const commands = new DigestCommands({
      store,
      now: clock.now,
      createId: () => ids.shift() ?? 'zzzzzz',
      access,
    });
    return { store, commands };
  }

  const digestOf = (command: string) => ({ ...WEEKDAY_DIGEST, command, request: requestFor(command) });

  it('refuses a digest of calls its creator may not see, and stores nothing', async () => {
    const { store, commands } = setUpWithAccess();
    const error = await refusalOf(commands.answer(digestOf('yesterday queue 801'), MANAGER, CHANNEL));
    expect(error.message).toBe('Queue 801 is outside what you may see.');
    expect(await store.listSchedules({ platform: 'slack', conversationId: 'C1' })).toEqual([]);
    const stranger = await refusalOf(commands.answer(digestOf('yesterday'), OTHER, CHANNEL));
    expect(stranger.message).toBe('You have no access to call data yet.');
  });

  it("says when a digest will be narrowed to the creator's scope", async () => {
    const { commands } = setUpWithAccess();
    const text = textOf(await commands.answer(digestOf('yesterday'), MANAGER, CHANNEL));
    expect(text.split('\n')[1]).toBe('Narrowed to what you may see: queue 800.');
  });

  it('lists the digests only to someone with some access', async () => {
    const { commands } = setUpWithAccess();
    await commands.answer(digestOf('yesterday'), MANAGER, CHANNEL);
    const refusal = await refusalOf(commands.answer({ kind: 'list' }, OTHER, CHANNEL));
    expect(refusal.message).toBe('You have no access to call data yet.');
    expect(textOf(await commands.answer({ kind: 'list' }, MANAGER, CHANNEL))).toMatch(
      /^Digests in this conversation \(1\):\n• k3m9qa:/,
    );
  });

  it('lets only the creator or an admin remove a digest', async () => {
    const { store, commands } = setUpWithAccess();
    await commands.answer(digestOf('yesterday'), MANAGER, CHANNEL);
    const error = await refusalOf(commands.answer({ kind: 'delete', id: 'k3m9qa' }, OTHER, CHANNEL));
    expect(error.message).toBe(
      'Digest k3m9qa was set up by someone else: only they or an admin may remove it.',
    );
    expect(await store.getSchedule('k3m9qa')).toBeDefined();
    expect(textOf(await commands.answer({ kind: 'delete', id: 'k3m9qa' }, ADMIN, CHANNEL))).toMatch(
      /^Digest k3m9qa removed/,
    );
    await commands.answer(digestOf('yesterday'), MANAGER, CHANNEL);
    expect(textOf(await commands.answer({ kind: 'delete', id: 'p7x2zd' }, MANAGER, CHANNEL))).toMatch(
      /^Digest p7x2zd removed/,
    );
  });
});
