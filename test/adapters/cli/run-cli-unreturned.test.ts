import type { Report } from '../../../src/core/report';
import { type DemoPbx, startDemoPbx } from '../../../src/demo/demo-pbx';
import { runCliInProcess, runCliReport } from '../../helpers/run-cli-in-process';
import { SLACK_NOW } from '../../helpers/slack-bot-harness';
import { buildUnreturnedRows, EXPECTED_UNRETURNED } from '../../helpers/unreturned-rows';

const ZONE = 'Europe/Berlin';

describe('calls unreturned (CLI in-process, demo PBX serving a day of call-backs)', () => {
  let pbx: DemoPbx;

  beforeAll(async () => {
    pbx = await startDemoPbx({ now: SLACK_NOW });
    pbx.serveRows(buildUnreturnedRows());
  });
  afterAll(async () => {
    await pbx.close();
  });

  it('prints the report JSON with `unreturned`: every state, a return after the period, the figures of the period', async () => {
    const report = await runCliReport(['unreturned', 'yesterday'], ZONE, { pbx, now: SLACK_NOW });
    expect(report.unreturned).toEqual(EXPECTED_UNRETURNED);
    expect(report.totals).toMatchObject({ calls: 7, inbound: 5, outbound: 2, missed: 5 });
    const summary = await runCliReport(['yesterday'], ZONE, { pbx, now: SLACK_NOW });
    const { unreturned: _list, ...figures } = report;
    const { previous: _previous, ...summaryFigures } = summary;
    expect(figures).toEqual(summaryFigures);
  });

  it('prints the list as text, grouped by state, with who returned the call and when', async () => {
    const run = await runCliInProcess(
      ['unreturned', 'yesterday', '--tz', ZONE, '--now', SLACK_NOW.toISOString()],
      {
        pbx,
        now: SLACK_NOW,
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      [
        'Sat 28 Nov 2026 (Europe/Berlin)',
        '',
        'Missed calls and call-backs (5)',
        '',
        'Open (1)',
        'When              Caller         Ended at   State',
        'Sat 28 Nov 16:00  +447700900123  800 Sales  open',
        '',
        'Tried (1)',
        'When              Caller        Ended at        State',
        'Sat 28 Nov 11:00  +15551234567  101 Ben Okafor  tried 1×',
        '',
        'Returned (2)',
        'When              Caller                          Ended at              State',
        'Sat 28 Nov 09:00  Jane Caller (+44 20 7946 0123)  102 Chloé Durand      ✓ returned by Ben Okafor 12 min later',
        'Sat 28 Nov 14:00  Acme GmbH (+49 30 1234567)      103 Daniel Whitfield  ✓ returned by Chloé Durand 18 h 30 min later',
        '',
        'Anonymous (1)',
        'When              Caller                 Ended at        State',
        'Sat 28 Nov 15:00  Anonymous (anonymous)  8000 Main Menu  anonymous',
      ].join('\n'),
    );
  });

  it('says nobody is waiting on a day without missed calls', async () => {
    const run = await runCliInProcess(['unreturned', '--tz', ZONE, '--now', SLACK_NOW.toISOString()], {
      pbx,
      now: SLACK_NOW,
    });
    expect(run.stdout).toContain('No missed calls today — nobody is waiting.');
  });

  it('masks the callers with PRIVACY_MASK_NUMBERS', async () => {
    const report = await runCliReport(['unreturned', 'yesterday'], ZONE, {
      pbx,
      now: SLACK_NOW,
      env: { PRIVACY_MASK_NUMBERS: 'true' },
    });
    expect(report.unreturned?.map((call) => call.from)).toEqual([
      '+44 77•• ••0123',
      '+1 55•• ••4567',
      '+44 20•• ••0123',
      '+49 30•• •4567',
      'anonymous',
    ]);
  });

  it('refuses what makes no sense with it, with an example (exit 2)', async () => {
    const run = await runCliInProcess(['unreturned', 'top', 'callers', '--now', SLACK_NOW.toISOString()], {
      pbx,
      now: SLACK_NOW,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '"top callers" (a ranking) is a summary, not "unreturned": drop "unreturned".',
    );
    expect(run.stdout).toBe('');
  });
});

describe('calls unreturned on the generated demo data', () => {
  /** Fri 27 Nov 2026, 17:00 in London (the demo company's zone). */
  const FRIDAY = new Date('2026-11-27T17:00:00Z');
  const run = (words: string[], now: Date) => runCliReport(words, 'Europe/London', { now });
  const key = (call: { start: string; from: string }) => `${call.start} ${call.from}`;

  it('lists exactly the missed calls of the period, in every state, on the historical days', async () => {
    const [list, missed] = await Promise.all([
      run(['unreturned', 'last', 'week'], FRIDAY),
      run(['last', 'week', 'missed'], FRIDAY),
    ]);
    const unreturned = list.unreturned ?? [];
    expect(unreturned.map(key).sort()).toEqual(missed.missedCalls.map(key).sort());
    const states = new Set(unreturned.map((call) => call.state));
    expect([...states].sort()).toEqual(['anonymous', 'open', 'returned', 'tried']);
    // Call-backs come minutes after the miss, by an agent or the caller calling again.
    const quick = unreturned.filter(
      (call) => call.state === 'returned' && (call.returnedAfterSeconds ?? 0) < 3600,
    );
    expect(quick.length).toBeGreaterThan(unreturned.length / 5);
  });

  it('follows the live day by the demo clock: misses of the morning move on as calls end', async () => {
    const noon = new Date('2026-11-27T12:00:00Z');
    const words = ['unreturned', 'from=2026-11-27T00:00', 'to=2026-11-27T12:00'];
    const [early, late]: [Report, Report] = await Promise.all([run(words, noon), run(words, FRIDAY)]);
    const before = new Map((early.unreturned ?? []).map((call) => [key(call), call]));
    const order = ['open', 'tried', 'returned'];
    const moved = (late.unreturned ?? []).filter((call) => {
      const then = before.get(key(call));
      return then !== undefined && (then.state !== call.state || then.attempts !== call.attempts);
    });
    expect(moved.length).toBeGreaterThan(0);
    for (const call of moved) {
      const then = before.get(key(call))!;
      // Only forward: more attempts, or a later state (a return is in the log once that call is over).
      expect(order.indexOf(call.state)).toBeGreaterThanOrEqual(order.indexOf(then.state));
      expect(call.attempts).toBeGreaterThanOrEqual(then.attempts);
    }
    expect(moved.some((call) => call.state === 'returned')).toBe(true);
  });
});
