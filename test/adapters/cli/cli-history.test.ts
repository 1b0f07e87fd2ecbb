import { join } from 'node:path';
import { SqliteScheduleStore } from '../../../src/schedule/sqlite-schedule-store';
import { findClosedPort } from '../../helpers/closed-port';
import { type CliRun, runCliInProcess } from '../../helpers/run-cli-in-process';
import { buildDay, fakeLegs, TEST_PBX } from '../../history/history-store-helpers';
import { createTempDir } from '../../schedule/schedule-helpers';

/**
 * `history`, `history purge`, `history purge confirm` in the terminal, on the store DATABASE_URL
 * names (the terminal counts as an admin: it runs on the server). THREECX_URL names a port nobody
 * listens on: none of them asks the PBX.
 */

const NOW = '2026-11-29T10:00:00Z';
let env: Record<string, string>;
let temp: ReturnType<typeof createTempDir>;
let path: string;

beforeEach(async () => {
  temp = createTempDir();
  path = join(temp.dir, 'calls-bot.sqlite');
  const port = await findClosedPort();
  env = {
    THREECX_URL: `http://127.0.0.1:${port}`,
    THREECX_CLIENT_ID: 'calls-bot',
    THREECX_CLIENT_SECRET: 'never-used-secret',
    DATABASE_URL: `sqlite:${path}`,
  };
});
afterEach(() => temp.remove());

const run = (argv: string[]): Promise<CliRun> => runCliInProcess(argv, { now: new Date(NOW), env });

/** Two stored days, as the writer leaves them: 1,500 legs in 150,000 bytes. */
async function storeTwoDays(): Promise<void> {
  const store = new SqliteScheduleStore({ path });
  try {
    const history = store.history.forPbx(TEST_PBX);
    await history.putDay(buildDay({ day: '2026-11-26', legs: fakeLegs(100_000), legCount: 1000 }));
    await history.putDay(buildDay({ day: '2026-11-27', legs: fakeLegs(50_000), legCount: 500 }));
  } finally {
    await store.close();
  }
}

const EMPTY = { days: 0, legs: 0, bytes: 0, oldestDay: null, newestDay: null };
const TWO_DAYS = { days: 2, legs: 1500, bytes: 150_000, oldestDay: '2026-11-26', newestDay: '2026-11-27' };

describe('history in the terminal', () => {
  it('prints {"history": {days, legs, bytes, oldestDay, newestDay}} with --json', async () => {
    expect(await run(['history', '--json'])).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse((await run(['history', '--json'])).stdout)).toEqual({ history: EMPTY });
    await storeTwoDays();
    const result = await run(['history', '--json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({ history: TWO_DAYS });
  });

  it('says what is kept, for how long, and how to delete it, as text', async () => {
    await storeTwoDays();
    const result = await run(['history']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      [
        "Call history kept: 2 days (2026-11-26 to 2026-11-27, UTC), 1,500 legs, 150.0 kB. Each day holds every call's numbers, names and times.",
        'Days are kept for HISTORY_DAYS = 400 days, then deleted.',
        '"history purge" shows what deleting it would remove.',
        '',
      ].join('\n'),
    );
    env.HISTORY_DAYS = '0';
    expect((await run(['history'])).stdout).toContain('HISTORY_DAYS is 0: no new days are kept.');
  });

  it('deletes only on "history purge confirm", saying how much', async () => {
    await storeTwoDays();
    const asked = await run(['history', 'purge']);
    expect(asked).toMatchObject({ code: 0, stderr: '' });
    expect(asked.stdout).toBe(
      [
        '"history purge confirm" would delete all the call history kept: 2 days (2026-11-26 to 2026-11-27, UTC), 1,500 legs, 150.0 kB.',
        'To delete it, type "history purge confirm". Days are stored again as they close, unless HISTORY_DAYS is 0.',
        '',
      ].join('\n'),
    );
    expect(JSON.parse((await run(['history', 'purge', '--json'])).stdout)).toEqual({
      history: TWO_DAYS,
      confirmWith: 'history purge confirm',
    });
    expect(JSON.parse((await run(['history', '--json'])).stdout)).toEqual({ history: TWO_DAYS });

    const purged = await run(['history', 'purge', 'confirm']);
    expect(purged).toMatchObject({
      code: 0,
      stderr: '',
      stdout: 'Deleted the call history: 2 days (2026-11-26 to 2026-11-27, UTC), 1,500 legs, 150.0 kB.\n',
    });
    expect(JSON.parse((await run(['history', '--json'])).stdout)).toEqual({ history: EMPTY });
    expect(JSON.parse((await run(['history', 'purge', 'confirm', '--json'])).stdout)).toEqual({
      deleted: EMPTY,
    });
  });

  it.each([
    [
      'history purg',
      'Error: I could not read "purg" after "history". Did you mean "purge"?\nTry: history purge\n',
    ],
    [
      'history purge now',
      'Error: I could not read "now" after "history purge". "history purge" says what would be deleted; "history purge confirm" deletes the call history.\nTry: history purge confirm\n',
    ],
    [
      'history purge confirm now',
      'Error: "history purge confirm" takes nothing more; I could not use "now".\nTry: history purge confirm\n',
    ],
  ])('refuses `%s` with an example, exit 2, deleting nothing', async (words, stderr) => {
    await storeTwoDays();
    expect(await run(words.split(' '))).toMatchObject({ code: 2, stdout: '', stderr });
    expect(JSON.parse((await run(['history', '--json'])).stdout)).toEqual({ history: TWO_DAYS });
  });

  it.each([
    ['history', 'history'],
    ['history purge', 'history purge'],
    ['HISTORY Purge CONFIRM', 'history purge confirm'],
  ])('explains `%s` as the contract says: view history, no window', async (words, command) => {
    const result = await run(['explain', ...words.split(' '), '--json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({
      view: 'history',
      command,
      window: null,
      windows: [],
      filters: expect.any(Object),
      names: [],
      assumptions: [],
    });
  });

  it('reads `last week history` as report words, not as the history command', async () => {
    const result = await run(['explain', 'last', 'week', 'history', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"history"');
    expect(result.stdout).toBe('');
  });
});
