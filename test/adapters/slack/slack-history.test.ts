import { join } from 'node:path';
import { SqliteScheduleStore } from '../../../src/schedule/sqlite-schedule-store';
import { INTEGRATION_POLICY, PEOPLE } from '../../access/access-test-setup';
import { writePolicyFile } from '../../helpers/access-policy-files';
import { blockTexts, type SlackBotHarness, startSlackBotHarness } from '../../helpers/slack-bot-harness';
import { SLACK_TEST_IDS } from '../../helpers/slack-request';
import { buildDay, fakeLegs, TEST_PBX } from '../../history/history-store-helpers';
import { createTempDir } from '../../schedule/schedule-helpers';

/**
 * `history`, `history purge`, `history purge confirm` through the real bot, the fake Slack Web API
 * and the demo PBX, on a SQLite file that the test fills as the history writer would. Admins only
 * (the integration policy's admin); Ben, an agent, is refused; each answer is private, and each
 * asking is audited.
 */

const AGENT = SLACK_TEST_IDS.userId;
const ADMIN = PEOPLE.adminSlackId;

describe('history commands in Slack (real bot, fake Slack Web API, demo PBX)', () => {
  let harness: SlackBotHarness;
  let temp: ReturnType<typeof createTempDir>;
  let path: string;

  beforeEach(async () => {
    temp = createTempDir();
    path = join(temp.dir, 'calls-bot.sqlite');
    // The writer's two days, stored before the bot opens the same file.
    const writer = new SqliteScheduleStore({ path });
    const history = writer.history.forPbx(TEST_PBX);
    await history.putDay(buildDay({ day: '2026-11-26', legs: fakeLegs(1_200_000), legCount: 12_000 }));
    await history.putDay(buildDay({ day: '2026-11-27', legs: fakeLegs(300_000), legCount: 3_000 }));
    await writer.close();
    harness = await startSlackBotHarness({
      env: {
        ACCESS_POLICY: await writePolicyFile(INTEGRATION_POLICY),
        DATABASE_URL: `sqlite:${path}`,
        HISTORY_DAYS: '90',
      },
      users: {
        [AGENT]: { tz: 'Europe/Berlin', email: 'Ben.Okafor@example.com' },
        [ADMIN]: { tz: 'America/New_York', email: 'it@example.com' },
      },
    });
  });
  afterEach(async () => {
    await harness.close();
    temp.remove();
  });

  /** Sends `/calls <text>` as `user` and returns the private answer's text. */
  const ask = async (text: string, user: string): Promise<string> => {
    const sent = await harness.sendCommand(text, { user_id: user });
    const { answer } = await harness.waitForAnswer(sent.responseId);
    expect(answer.response_type).toBe('ephemeral');
    return blockTexts(answer);
  };

  const auditLines = () =>
    harness.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.audit === true && entry.via === 'history');

  it('shows an admin what is kept, in words, with HISTORY_DAYS', async () => {
    expect(await ask('history', ADMIN)).toBe(
      [
        "Call history kept: 2 days (2026-11-26 to 2026-11-27, UTC), 15,000 legs, 1.5 MB. Each day holds every call's numbers, names and times.",
        'Days are kept for HISTORY_DAYS = 90 days, then deleted.',
        '"history purge" shows what deleting it would remove.',
      ].join('\n'),
    );
    expect(auditLines()).toEqual([
      expect.objectContaining({
        user: ADMIN,
        command: 'history',
        view: 'history',
        role: 'admin',
        decision: 'allowed',
      }),
    ]);
  });

  it('refuses an agent, clearly, and audits the refusal', async () => {
    for (const command of ['history', 'history purge confirm']) {
      const text = await ask(command, AGENT);
      expect(text).toContain('Only admins may see or delete the call history the bot keeps.');
      expect(text).not.toContain('2026-11-26');
    }
    expect(auditLines()).toEqual([
      expect.objectContaining({ user: AGENT, command: 'history', role: 'agent', decision: 'refused' }),
      expect.objectContaining({
        user: AGENT,
        command: 'history purge confirm',
        role: 'agent',
        decision: 'refused',
      }),
    ]);
    expect(await ask('history', ADMIN)).toContain('2 days');
  });

  it('asks for confirmation, then deletes and says how much', async () => {
    expect(await ask('history purge', ADMIN)).toBe(
      [
        '"history purge confirm" would delete all the call history kept: 2 days (2026-11-26 to 2026-11-27, UTC), 15,000 legs, 1.5 MB.',
        'To delete it, type "history purge confirm". Days are stored again as they close, unless HISTORY_DAYS is 0.',
      ].join('\n'),
    );
    expect(await ask('history', ADMIN)).toContain('2 days');
    expect(await ask('history purge confirm', ADMIN)).toBe(
      'Deleted the call history: 2 days (2026-11-26 to 2026-11-27, UTC), 15,000 legs, 1.5 MB.',
    );
    expect(await ask('history', ADMIN)).toBe(
      ['No call history is kept.', 'Days are kept for HISTORY_DAYS = 90 days, then deleted.'].join('\n'),
    );
    expect(await ask('history purge', ADMIN)).toBe('There is no call history to delete.');
  });

  it('answers mistyped commands with an example, and leaves `last week history` to reports', async () => {
    const purg = await ask('history purg', ADMIN);
    expect(purg).toContain('I could not read "purg" after "history". Did you mean "purge"?');
    expect(purg).toContain('history purge');
    const now = await ask('history purge now', ADMIN);
    expect(now).toContain('I could not read "now" after "history purge".');
    expect(now).toContain('history purge confirm');
    expect(await ask('history', ADMIN)).toContain('2 days');
    const report = await ask('last week history', ADMIN);
    expect(report).toContain('"history"');
    expect(report).not.toContain('Call history kept');
  });

  it('explains the history commands: view history, no window, nothing run', async () => {
    const text = await ask('explain history purge confirm', ADMIN);
    expect(text).toContain('How I read "history purge confirm"');
    expect(text).toContain('history purge confirm');
    expect(await ask('history', ADMIN)).toContain('2 days');
  });
});
