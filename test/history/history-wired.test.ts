import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pbxIdentity } from '../../src/connect-pbx';
import type { Report } from '../../src/core/report';
import { type DemoPbx, type InjectedCall, startDemoPbx } from '../../src/demo/demo-pbx';
import { SqliteScheduleStore } from '../../src/schedule/sqlite-schedule-store';
import { runCliInProcess } from '../helpers/run-cli-in-process';
import { startPlaygroundTestBed } from '../playground/playground-test-bed';
import { createTempDir } from '../schedule/schedule-helpers';
import { callLogUrls, countUrls, periodOf, readUrls } from '../threecx/demo-helpers';
import { utcDays } from './history-test-bed';

/**
 * History as the product runs it (issue 20): the terminal's reports and the bot's read closed days
 * from the store `DATABASE_URL` names, tied to the PBX they came from (its URL, or the built-in
 * demo's fingerprint), so a restart reads a month again without asking the PBX, and a store
 * pointed at another PBX answers nothing from the old one.
 */

jest.setTimeout(120_000);

const NOW = new Date('2026-11-29T10:00:00Z');
const ZONE = 'Europe/Berlin';
let temp: ReturnType<typeof createTempDir>;
let databaseUrl: string;
let path: string;
const pbxs: DemoPbx[] = [];

beforeEach(() => {
  temp = createTempDir();
  path = join(temp.dir, 'calls-bot.sqlite');
  databaseUrl = `sqlite:${path}`;
});
afterEach(() => temp.remove());
afterAll(async () => {
  for (const pbx of pbxs) await pbx.close();
});

/** Stops a PBX before the end of the file (its address may then serve another). */
async function stopPbx(pbx: DemoPbx): Promise<void> {
  pbxs.splice(pbxs.indexOf(pbx), 1);
  await pbx.close();
}

async function startPbx(seed: number, port?: number): Promise<DemoPbx> {
  const pbx = await startDemoPbx({
    seed,
    now: NOW,
    days: 70,
    callsPerDay: 80,
    ...(port !== undefined && { port }),
  });
  pbxs.push(pbx);
  return pbx;
}

/** `calls last month --json` in the terminal against `pbx`, with the store and HISTORY_DAYS given. */
function lastMonth(pbx: DemoPbx, historyDays = '400', stderr: string | RegExp = ''): Promise<Report> {
  return reportOf(['last', 'month'], pbx, historyDays, stderr);
}

/** `calls <words> --json` in the terminal against `pbx`, with the store and HISTORY_DAYS given. */
async function reportOf(
  words: string[],
  pbx: DemoPbx,
  historyDays = '400',
  stderr: string | RegExp = '',
): Promise<Report> {
  const run = await runCliInProcess([...words, '--json', '--tz', ZONE, '--now', NOW.toISOString()], {
    now: NOW,
    pbx,
    env: { DATABASE_URL: databaseUrl, HISTORY_DAYS: historyDays },
  });
  expect(run.code).toBe(0);
  if (typeof stderr === 'string') expect(run.stderr).toBe(stderr);
  else expect(run.stderr).toMatch(stderr);
  return JSON.parse(run.stdout) as Report;
}

/** A PBX whose log holds only `calls` (a stand-in with a few calls on chosen days). */
async function startSparsePbx(calls: readonly InjectedCall[], port?: number): Promise<DemoPbx> {
  const pbx = await startPbx(5, port);
  pbx.serveRows([]);
  for (const call of calls) pbx.injectCall(call);
  return pbx;
}

async function storedDays(pbx: string): Promise<string[]> {
  const store = new SqliteScheduleStore({ path });
  try {
    return (await store.history.forPbx(pbx).listDaysSince('2000-01-01')).map((entry) => entry.day);
  } finally {
    await store.close();
  }
}

describe('in the terminal', () => {
  it('reads a month again from the store, asking the PBX only to count the stored days, once', async () => {
    const pbx = await startPbx(5);
    const first = await lastMonth(pbx);
    expect(first.totals.calls).toBeGreaterThan(1000);
    const days = await storedDays(pbxIdentity(pbx.url));
    expect([days.length, days[0], days.at(-1)]).toEqual([62, '2026-08-31', '2026-10-31']);
    pbx.requests.length = 0;
    expect(await lastMonth(pbx)).toEqual(first);
    expect(readUrls(pbx)).toEqual([]);
    // The month and its previous period ask about the same days (all 62: fewer rows than the
    // probe's span may hold): one count.
    expect(countUrls(pbx).map(periodOf)).toEqual(['2026-08-31T00:00:00.000Z..2026-10-31T23:59:59.999Z']);
  });

  it('notices another log behind the same address (a restore, a stand-in), and answers with it', async () => {
    const before = await startPbx(5);
    const port = Number(new URL(before.url).port);
    await lastMonth(before);
    await stopPbx(before);
    // Another PBX with other calls at the very same URL: the store names it as the one before.
    const after = await startPbx(6, port);
    expect(pbxIdentity(after.url)).toBe(pbxIdentity(before.url));
    const expected = await lastMonth(after, '0');
    after.requests.length = 0;
    const warned =
      /The PBX counts stored call-log days differently from when they were stored[\s\S]*Deleted the stored call-log days of this PBX: its log changed/;
    expect(await lastMonth(after, '400', warned)).toEqual(expected);
    expect(readUrls(after).length).toBeGreaterThan(60);
    // Its days replace the old ones, and are read from the store from then on.
    after.requests.length = 0;
    expect(await lastMonth(after)).toEqual(expected);
    expect(readUrls(after)).toEqual([]);
  });

  it('notices another log with calls on other days only, and as many rows on the day it is asked about', async () => {
    // Calls on Tuesday 17 November only: `last week` (16–22 November, and 9–15 before it) stores
    // 9–22 November, all counted in one request. The next log has as many rows, from other calls
    // that day: the count alone tells nothing.
    const at = (time: string) => new Date(`2026-11-17T${time}:00Z`);
    const before = await startSparsePbx([
      { kind: 'missed', at: at('09:00'), from: '+442071234567', to: '800' },
      { kind: 'answered', at: at('10:00'), from: '+442079876543', to: '101' },
    ]);
    const port = Number(new URL(before.url).port);
    const first = await reportOf(['last', 'week'], before);
    expect([first.totals.calls, first.totals.missed, first.totals.answered]).toEqual([2, 1, 1]);
    expect(await storedDays(pbxIdentity(before.url))).toContain('2026-11-22');
    await stopPbx(before);
    const after = await startSparsePbx(
      [
        { kind: 'missed', at: at('13:00'), from: '+442071112222', to: '800' },
        { kind: 'answered', at: at('14:00'), from: '+442073334444', to: '102', talkSeconds: 300 },
      ],
      port,
    );
    const expected = await reportOf(['last', 'week'], after, '0');
    expect(expected.totals.talkSeconds).toBe(300);
    after.requests.length = 0;
    const warned =
      /The PBX has a call on a stored call-log day that the stored day does not have[\s\S]*Deleted the stored call-log days of this PBX: its log changed/;
    expect(await reportOf(['last', 'week'], after, '400', warned)).toEqual(expected);
    expect(countUrls(after).map(periodOf)[0]).toBe('2026-11-09T00:00:00.000Z..2026-11-22T23:59:59.999Z');
  });

  it('notices a call added to an older stored day while the newest day with calls is unchanged, and answers with it', async () => {
    // A stand-in given one more call on the 12th, its calls of the 17th (the newest) unchanged: a
    // count of the newest day alone finds nothing amiss, and `nov 12` would answer from the old day.
    const at = (day: number, time: string) => new Date(`2026-11-${day}T${time}:00Z`);
    const calls: InjectedCall[] = [
      { kind: 'answered', at: at(12, '09:00'), from: '+442071234567', to: '101' },
      { kind: 'missed', at: at(17, '10:00'), from: '+442079876543', to: '800' },
    ];
    const before = await startSparsePbx(calls);
    const port = Number(new URL(before.url).port);
    await reportOf(['last', 'week'], before);
    expect(await storedDays(pbxIdentity(before.url))).toEqual(utcDays('2026-11-09', 14));
    await stopPbx(before);
    const after = await startSparsePbx(
      [...calls, { kind: 'missed', at: at(12, '15:00'), from: '+442070001111', to: '800' }],
      port,
    );
    const expected = await reportOf(['nov', '12'], after, '0');
    expect([expected.totals.calls, expected.totals.answered, expected.totals.missed]).toEqual([2, 1, 1]);
    const warned =
      /The PBX counts stored call-log days differently from when they were stored[\s\S]*Deleted the stored call-log days of this PBX: its log changed/;
    expect(await reportOf(['nov', '12'], after, '400', warned)).toEqual(expected);
  });

  it('reads a stretch of stored days without calls from the store when their count, with an older day with calls, vouches for the log', async () => {
    const pbx = await startSparsePbx([
      { kind: 'answered', at: new Date('2026-11-10T09:00:00Z'), from: '+442071234567', to: '101' },
    ]);
    // `last week` (16–22 November, and 9–15 before it) stores 9–22 November; only the 10th has calls.
    await reportOf(['last', 'week'], pbx);
    const first = await reportOf(['nov', '20'], pbx, '400');
    expect(first.totals.calls).toBe(0);
    pbx.requests.length = 0;
    expect(await reportOf(['nov', '20'], pbx)).toEqual(first);
    expect(readUrls(pbx)).toEqual([]);
    expect(countUrls(pbx).map(periodOf)).toEqual(['2026-11-09T00:00:00.000Z..2026-11-22T23:59:59.999Z']);
  });

  it('reads from the PBX the stored days of a stretch without calls when no stored day has calls', async () => {
    const pbx = await startSparsePbx([]);
    const first = await reportOf(['last', 'week'], pbx);
    expect(first.totals.calls).toBe(0);
    const days = await storedDays(pbxIdentity(pbx.url));
    expect([days.length, days[0], days.at(-1)]).toEqual([14, '2026-11-09', '2026-11-22']);
    pbx.requests.length = 0;
    expect(await reportOf(['last', 'week'], pbx)).toEqual(first);
    expect(countUrls(pbx)).toEqual([]);
    expect(readUrls(pbx).length).toBeGreaterThanOrEqual(14);
  });

  it('asks the PBX for every day when it cannot count one: the report fails as it would without history', async () => {
    const pbx = await startPbx(5);
    await lastMonth(pbx);
    // The call log now fails (the directory still answers): the stored month is not answered from.
    pbx.misbehave({ endpoint: 'calllog', status: 400, times: 1000 });
    pbx.requests.length = 0;
    const run = await runCliInProcess(['last', 'month', '--json', '--tz', ZONE, '--now', NOW.toISOString()], {
      now: NOW,
      pbx,
      env: { DATABASE_URL: databaseUrl },
    });
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 1, stdout: '' });
    // The span's count fails, then the newest day's alone: no stored day is vouched for.
    expect(run.stderr).toMatch(
      /Could not ask the PBX to count stored call-log days[\s\S]*Could not ask the PBX to count stored call-log days[\s\S]*The PBX could not vouch for the stored call-log days; asking it for every day/,
    );
    expect(readUrls(pbx).length).toBeGreaterThan(0);
    expect(await storedDays(pbxIdentity(pbx.url))).toHaveLength(62);
  });

  it('answers with the PBX it is pointed at, never with the days of the one before', async () => {
    const before = await startPbx(5);
    await lastMonth(before);
    const after = await startPbx(6);
    const expected = await lastMonth(after, '0');
    expect(expected.totals.calls).not.toBe((await lastMonth(before)).totals.calls);
    after.requests.length = 0;
    expect(await lastMonth(after)).toEqual(expected);
    expect(callLogUrls(after).length).toBeGreaterThan(60);
    expect(await storedDays(pbxIdentity(after.url))).toHaveLength(62);
  });

  it('with HISTORY_DAYS=0 asks the PBX every time and stores nothing', async () => {
    const pbx = await startPbx(5);
    const first = await lastMonth(pbx, '0');
    pbx.requests.length = 0;
    expect(await lastMonth(pbx, '0')).toEqual(first);
    expect(callLogUrls(pbx).length).toBeGreaterThan(60);
    expect(await storedDays(pbxIdentity(pbx.url))).toEqual([]);
  });

  it('answers from the PBX, with a warning, when the store cannot be opened', async () => {
    const pbx = await startPbx(5);
    const expected = await lastMonth(pbx, '0');
    // A file where the store's folder should be: the store cannot be created.
    writeFileSync(join(temp.dir, 'not-a-folder'), '');
    const run = await runCliInProcess(['last', 'month', '--json', '--tz', ZONE, '--now', NOW.toISOString()], {
      now: NOW,
      pbx,
      env: { DATABASE_URL: `sqlite:${join(temp.dir, 'not-a-folder', 'calls-bot.sqlite')}` },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expected);
    expect(run.stderr).toContain(
      'Could not open the store for the call-log history (DATABASE_URL); asking the PBX',
    );
  });
});

describe('in the bot (npm start, the built-in demo PBX)', () => {
  it('stores the days a report read, tied to the demo, and answers from them after a restart', async () => {
    const ask = async () => {
      const bed = await startPlaygroundTestBed({ env: { DATABASE_URL: databaseUrl }, startScheduler: false });
      try {
        const response = await bed.post('/playground/api/command', { text: 'last month', timeZone: ZONE });
        expect(response.status).toBe(200);
        const { reply } = (await response.json()) as { reply: { kind: string; report: Report } };
        expect(reply.kind).toBe('report');
        return reply.report;
      } finally {
        await bed.close();
      }
    };
    const first = await ask();
    const demo = await startDemoPbx({ now: NOW });
    pbxs.push(demo);
    expect(await storedDays(demo.fingerprint)).toHaveLength(62);
    expect(await ask()).toEqual(first);
    // The demo's fingerprint is the same for every demo PBX serving the same calls, and differs otherwise.
    const other = await startPbx(5);
    expect(demo.fingerprint).toMatch(/^demo:[0-9a-f]{32}$/);
    expect(other.fingerprint).not.toBe(demo.fingerprint);
    const again = await startDemoPbx({ now: new Date('2026-12-24T10:00:00Z') });
    pbxs.push(again);
    expect(again.fingerprint).toBe(demo.fingerprint);
  });
});

describe('pbxIdentity', () => {
  it.each([
    ['https://PBX.example.com:5001/', 'https://pbx.example.com:5001'],
    ['https://pbx.example.com:5001/xapi/v1', 'https://pbx.example.com:5001'],
    ['https://admin:secret@pbx.example.com', 'https://pbx.example.com'],
    ['http://10.0.0.5:5000/3cx/', 'http://10.0.0.5:5000/3cx'],
  ])('names %s as %s', (url, identity) => {
    expect(pbxIdentity(url)).toBe(identity);
  });
});
