import { join } from 'node:path';
import { SqliteScheduleStore } from '../../../src/schedule/sqlite-schedule-store';
import { buildPersonalMessage, TEAMS_USER } from '../../helpers/teams-activities';
import { cardOf, factSetsOf, textsOf } from '../../helpers/teams-card';
import { startTeamsTestBed, type TeamsTestBed } from '../../helpers/teams-test-bed';
import { buildDay, fakeLegs, TEST_PBX } from '../../history/history-store-helpers';
import { createTempDir } from '../../schedule/schedule-helpers';

/**
 * `history`, `history purge`, `history purge confirm` in a Teams chat, through the real bot and
 * the fake Bot Connector, on a SQLite file the test fills as the history writer would. The test
 * user is an admin (test-admins-policy.yaml); someone else, unknown to the PBX, is refused.
 */

let bed: TeamsTestBed;
let temp: ReturnType<typeof createTempDir>;

beforeAll(async () => {
  temp = createTempDir();
  const path = join(temp.dir, 'calls-bot.sqlite');
  const writer = new SqliteScheduleStore({ path });
  await writer.history
    .forPbx(TEST_PBX)
    .putDay(buildDay({ day: '2026-11-20', legs: fakeLegs(4_321), legCount: 98 }));
  await writer.close();
  bed = await startTeamsTestBed({ TEAMS_DEV_NO_AUTH: 'true', DATABASE_URL: `sqlite:${path}` });
});
afterAll(async () => {
  await bed?.close();
  temp?.remove();
});

async function ask(text: string, from = TEAMS_USER): Promise<string[]> {
  const reply = await bed.ask(buildPersonalMessage(bed.connector.serviceUrl, { text, from }));
  return textsOf(cardOf(reply.activity));
}

describe('history commands in Teams (real bot, fake Bot Connector, demo PBX)', () => {
  it('shows an admin what is kept', async () => {
    expect(await ask('history')).toEqual([
      "Call history kept: 1 day (2026-11-20, UTC), 98 legs, 4.3 kB. Each day holds every call's numbers, names and times.",
      'Days are kept for HISTORY_DAYS = 400 days, then deleted.',
      '"history purge" shows what deleting it would remove.',
    ]);
  });

  it('refuses someone who is not an admin', async () => {
    const texts = await ask('history', {
      ...TEAMS_USER,
      id: '29:stranger',
      aadObjectId: '00000000-0000-4000-8000-000000000001',
      name: 'Stranger',
    });
    expect(texts.join('\n')).toContain('Only admins may see or delete the call history the bot keeps.');
  });

  it('answers a mistyped command with an example', async () => {
    expect(await ask('history purge now')).toEqual([
      '⚠️ I could not read "now" after "history purge". "history purge" says what would be deleted; "history purge confirm" deletes the call history.',
      'Try: history purge confirm',
    ]);
  });

  it('explains `history purge`: view history, no window', async () => {
    const reply = await bed.ask(
      buildPersonalMessage(bed.connector.serviceUrl, { text: 'explain history purge' }),
    );
    const card = cardOf(reply.activity);
    expect(textsOf(card)[0]).toBe('How I read "history purge"');
    expect(factSetsOf(card)[0]).toEqual(expect.arrayContaining([{ title: 'View', value: 'history' }]));
  });

  it('asks for confirmation, then deletes', async () => {
    expect((await ask('history purge'))[0]).toContain('would delete all the call history kept: 1 day');
    expect(await ask('history purge confirm')).toEqual([
      'Deleted the call history: 1 day (2026-11-20, UTC), 98 legs, 4.3 kB.',
    ]);
    expect((await ask('history'))[0]).toBe('No call history is kept.');
  });
});
