import { AccessControl } from '../../src/access/access-control';
import { readAccessPolicyText } from '../../src/access/load-access-policy';
import { AlertCommands } from '../../src/alerts/alert-commands';
import { parseAlertCommand } from '../../src/alerts/parse-alert-command';
import type { ChatUser } from '../../src/core/chat-user';
import type { ConversationTarget } from '../../src/core/conversation-target';
import { AppError } from '../../src/core/errors';
import { createLogger } from '../../src/core/logger';
import type { Reply } from '../../src/core/reply';
import type { SqliteScheduleStore } from '../../src/schedule/sqlite-schedule-store';
import { createClock, openMemoryStore } from '../schedule/schedule-helpers';

/**
 * `AlertCommands` on a real store and real access rules (a policy, a directory of two agents):
 * what each command stores, answers and refuses. Slack, Teams and the playground carry the same
 * answers (slack-alerts.test.ts, teams-alerts.test.ts, playground-alerts.test.ts).
 */

const BEN: ChatUser = { platform: 'slack', id: 'U0BEN', email: 'ben@example.com', timeZone: 'Europe/Berlin' };
const CHLOE: ChatUser = {
  platform: 'slack',
  id: 'U0CHLOE',
  email: 'chloe@example.com',
  timeZone: 'Europe/Berlin',
};
const CAROL: ChatUser = {
  platform: 'slack',
  id: 'U0CAROL',
  email: 'carol@example.com',
  timeZone: 'Europe/Berlin',
};
const ALICE: ChatUser = {
  platform: 'slack',
  id: 'U0ALICE',
  email: 'alice@example.com',
  timeZone: 'America/New_York',
};
const NOBODY: ChatUser = { platform: 'slack', id: 'U0NOBODY', email: 'nobody@example.com', timeZone: 'UTC' };
const CHANNEL: ConversationTarget = { platform: 'slack', id: 'C1', teamId: 'T1', label: '#support' };
const OTHER_CHANNEL: ConversationTarget = { platform: 'slack', id: 'C2' };
const POLICY = ['admins: [U0ALICE]', 'managers:', '  - who: carol@example.com', '    queues: [800]'].join(
  '\n',
);
const DIRECTORY = {
  users: [
    { number: '101', firstName: 'Ben', lastName: 'Okafor', email: 'ben@example.com' },
    { number: '102', firstName: 'Chloé', lastName: 'Durand', email: 'chloe@example.com' },
  ],
  queues: [{ number: '800', name: 'Sales' }],
};

let store: SqliteScheduleStore;
let logs: string[];
let commands: AlertCommands;
let ids: string[];
let clock: ReturnType<typeof createClock>;

beforeEach(() => {
  store = openMemoryStore();
  logs = [];
  clock = createClock('2026-11-02T08:15:00Z');
  ids = ['k3m9qa', 'p7x2zd', 'a1b2c3', 'd4e5f6'];
  const logger = createLogger({ level: 'info', write: (line) => logs.push(line) });
  const access = new AccessControl({
    policy: readAccessPolicyText(POLICY, 'policy.yaml'),
    unmapped: 'none',
    getDirectory: async () => DIRECTORY,
    logger,
  });
  commands = new AlertCommands({
    store: store.alerts,
    now: clock.now,
    createId: () => ids.shift() ?? 'zzzzzz',
    access,
  });
});
afterEach(() => store.close());

async function say(text: string, user: ChatUser, conversation = CHANNEL): Promise<string> {
  const reply = await commands.answer(commandOf(text), user, conversation);
  return textOf(reply);
}

function commandOf(text: string) {
  const parsed = parseAlertCommand(text);
  if (!parsed?.ok) throw new Error(`not an alert command: ${text}`);
  return parsed.command;
}

function textOf(reply: Reply): string {
  if (reply.kind === 'notice' || reply.kind === 'help') return reply.text;
  throw new Error(`expected a notice, got ${reply.kind}`);
}

async function refusal(text: string, user: ChatUser, conversation = CHANNEL): Promise<AppError> {
  try {
    await commands.answer(commandOf(text), user, conversation);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`"${text}" was answered`);
}

const auditLines = () =>
  logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.audit === true);

describe('AlertCommands: subscribing', () => {
  it('subscribes the conversation with the filters typed, and confirms id, calls and how to end it', async () => {
    expect(await say('alerts missed queue 800', ALICE)).toBe(
      [
        'Alerts k3m9qa on: missed calls of queue 800 will be posted here once the call has ended, with who called, a Call link and an "I\'ll call back" button.',
        '"alerts" lists the alerts here; "alerts off k3m9qa" ends these.',
      ].join('\n'),
    );
    expect(await store.alerts.getSubscription('k3m9qa')).toEqual({
      id: 'k3m9qa',
      target: { platform: 'slack', conversationId: 'C1', teamId: 'T1', label: '#support' },
      creator: { platform: 'slack', id: 'U0ALICE', email: 'alice@example.com' },
      extensions: [],
      queues: ['800'],
      timeZone: 'America/New_York',
      createdAt: new Date('2026-11-02T08:15:00Z'),
    });
    // One audit line, as for a digest.
    expect(auditLines()).toEqual([
      expect.objectContaining({
        user: 'U0ALICE',
        via: 'alerts',
        command: 'alerts missed queue 800',
        role: 'admin',
        decision: 'allowed',
      }),
    ]);
  });

  it("gives an agent without filters their own extension's alerts, and says so", async () => {
    expect(await say('alerts missed', BEN)).toBe(
      [
        'Alerts k3m9qa on: missed calls of ext 101 will be posted here once the call has ended, with who called, a Call link and an "I\'ll call back" button.',
        'Without "queue" or "ext", an agent\'s alerts are for their own extension.',
        '"alerts" lists the alerts here; "alerts off k3m9qa" ends these.',
      ].join('\n'),
    );
    expect((await store.alerts.getSubscription('k3m9qa'))?.extensions).toEqual(['101']);
    // Another agent's are their own extension's.
    expect(await say('alerts missed', CHLOE)).toContain(
      'Alerts p7x2zd on: missed calls of ext 102 will be posted',
    );
    // The same alerts again are refused, however they were asked for.
    const twin = await refusal('alerts missed ext 101', BEN);
    expect([twin.message, twin.hint]).toEqual([
      'These alerts (missed calls of ext 101) are on here already, as k3m9qa.',
      'Try: alerts',
    ]);
  });

  it("refuses a filter outside the subscriber's access, like a digest, and stores nothing", async () => {
    const refused = await refusal('alerts missed queue 800', BEN);
    expect(refused.kind).toBe('forbidden');
    expect(refused.message).toBe('You may not see the calls of queue 800.');
    expect((await refusal('alerts missed ext 101,102', BEN)).message).toBe(
      'You may not see the calls of extension 102.',
    );
    expect(await store.alerts.listAllSubscriptions()).toEqual([]);
    expect(auditLines().map((line) => [line.command, line.decision, line.reason])).toEqual([
      ['alerts missed queue 800', 'refused', 'You may not see the calls of queue 800.'],
      ['alerts missed ext 101,102', 'refused', 'You may not see the calls of extension 102.'],
    ]);
  });

  it("keeps a manager's unfiltered alerts to their access at every post, and says so", async () => {
    expect(await say('alerts missed', CAROL)).toContain(
      'Alerts k3m9qa on: every missed call will be posted here once the call has ended, with who called, a Call link and an "I\'ll call back" button.\nOnly the calls within your access (queue 800) are posted.',
    );
    expect(await say('alerts missed queue 800', CAROL)).toContain(
      'Alerts p7x2zd on: missed calls of queue 800',
    );
  });

  it('refuses someone the bot cannot place, with the how-to', async () => {
    const refused = await refusal('alerts missed', NOBODY);
    expect(refused.message).toBe(
      'You have no access to call reports yet: your Slack account is not linked to a 3CX extension.',
    );
  });

  it('holds a conversation to 20 subscriptions; the 21st is refused and other conversations are not', async () => {
    ids = Array.from({ length: 22 }, (_, index) => `a${String(index).padStart(5, '0')}`);
    for (let index = 0; index < 20; index++) await say(`alerts missed ext ${101 + index}`, ALICE);
    const full = await refusal('alerts missed ext 200', ALICE);
    expect([full.message, full.hint]).toEqual([
      'This conversation already has 20 alert subscriptions, the most it may have. End one first with "alerts off <id>".',
      'Try: alerts',
    ]);
    expect(await say('alerts missed ext 200', ALICE, OTHER_CHANNEL)).toContain('Alerts a00020 on:');
  });

  it('refuses a conversation nothing can be posted to', async () => {
    const refused = await refusal('alerts missed', ALICE, { platform: 'cli', id: 'terminal' });
    expect(refused.message).toBe(
      'Alerts are posted to Slack channels and Teams conversations; this one cannot receive them.',
    );
  });
});

describe('AlertCommands: listing and ending', () => {
  beforeEach(async () => {
    await say('alerts missed', BEN);
    clock.advance(60 * 60_000);
    await say('alerts missed queue 800', CAROL);
    await say('alerts missed', ALICE, OTHER_CHANNEL);
  });

  it("lists this conversation's subscriptions: id, calls, who and since when, in the asker's zone", async () => {
    expect(await say('alerts', BEN)).toBe(
      [
        'Alerts in this conversation (2):',
        '• k3m9qa: missed calls of ext 101 · by you · since Mon 2 Nov 2026 09:15',
        '• p7x2zd: missed calls of queue 800 · by carol@example.com · since Mon 2 Nov 2026 10:15',
        '"alerts off <id>" ends one.',
      ].join('\n'),
    );
    expect(await say('alerts', ALICE, OTHER_CHANNEL)).toBe(
      [
        'Alerts in this conversation (1):',
        '• a1b2c3: every missed call · by you · since Mon 2 Nov 2026 04:15',
        '"alerts off <id>" ends one.',
      ].join('\n'),
    );
    expect(await say('alerts', ALICE, { platform: 'teams', id: 'C1' })).toBe(
      'No alerts in this conversation yet. Turn them on with "alerts missed", or "alerts missed queue 800" for one queue.',
    );
    expect((await refusal('alerts', NOBODY)).message).toContain('You have no access to call reports yet');
  });

  it('ends one by its creator or an admin, never by someone else, nor from another conversation', async () => {
    const notTheirs = await refusal('alerts off k3m9qa', CAROL);
    expect(notTheirs.kind).toBe('forbidden');
    expect(notTheirs.message).toBe(
      'Alerts k3m9qa were turned on by someone else: only they or an admin may end them.',
    );
    const elsewhere = await refusal('alerts off k3m9qa', ALICE, OTHER_CHANNEL);
    expect([elsewhere.message, elsewhere.hint]).toEqual([
      'There are no alerts k3m9qa in this conversation. "alerts" lists the alerts here with their ids.',
      'Try: alerts',
    ]);
    expect(await say('alerts off k3m9qa', BEN)).toBe(
      'Alerts k3m9qa off (missed calls of ext 101): nothing more will be posted for them.',
    );
    expect(await say('alerts off p7x2zd', ALICE)).toBe(
      'Alerts p7x2zd off (missed calls of queue 800): nothing more will be posted for them.',
    );
    expect((await refusal('alerts off p7x2zd', ALICE)).message).toBe(
      'There are no alerts p7x2zd in this conversation. "alerts" lists the alerts here with their ids.',
    );
    expect((await store.alerts.listAllSubscriptions()).map((entry) => entry.id)).toEqual(['a1b2c3']);
  });

  it('explains itself with alerts help', async () => {
    const help = await say('alerts help', BEN);
    expect(help).toContain('• `alerts missed queue 800` or `alerts missed queue 800,801 ext 101` only those');
    expect(help).toContain('• `alerts off k3m9qa` ends one (whoever turned it on, or an admin)');
  });
});
