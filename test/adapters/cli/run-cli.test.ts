import { type DemoPbx, startDemoPbx } from '../../../src/demo/demo-pbx';
import { reportSchema } from '../../../src/report/report-schema';
import { recountTotals } from '../../helpers/recount-totals';
import { type CliRun, demoPbxEnv, runCliInProcess } from '../../helpers/run-cli-in-process';

const NOW = '2026-11-29T10:00:00Z';

function calls(argv: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCliInProcess(argv, { now: new Date(NOW), env });
}

describe('calls CLI against the built-in demo PBX (no THREECX_URL)', () => {
  it('prints the first 5 raw rows of yesterday as JSON', async () => {
    const run = await calls(['rows', 'yesterday', 'top=5', '--json', '--now', NOW]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const start = Date.parse(String(row.StartTime));
      expect(start).toBeGreaterThanOrEqual(Date.parse('2026-11-28T00:00:00Z'));
      expect(start).toBeLessThan(Date.parse('2026-11-29T00:00:00Z'));
      expect(row).toHaveProperty('MainCallHistoryId');
      expect(row).toHaveProperty('actionDnDn');
    }
  });

  it('limits the fields with select=', async () => {
    const run = await calls([
      'rows',
      'yesterday',
      'top=3',
      'select=StartTime,SourceDn',
      '--json',
      '--now',
      NOW,
    ]);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['SourceDn', 'StartTime']);
  });

  it('prints the count with the rows when asked', async () => {
    const run = await calls(['rows', 'yesterday', 'top=2', 'count', '--json', '--now', NOW]);
    const result = JSON.parse(run.stdout) as { count: number; rows: unknown[] };
    expect(result.rows).toHaveLength(2);
    expect(result.count).toBeGreaterThan(2);
  });

  it('answers a bad option with a clear error and exit code 2, and nothing on stdout', async () => {
    const run = await calls(['rows', 'yesterday', 'top=abc', '--json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/top/);
    expect(run.stderr).toMatch(/abc/);
  });

  it('answers a bad flag, zone, clock and configuration with exit code 2', async () => {
    expect((await calls(['today', '--verbose'])).code).toBe(2);
    const zone = await calls(['today', '--tz', 'Mars/Olympus']);
    expect(zone).toMatchObject({ code: 2, stdout: '' });
    expect(zone.stderr).toContain('Unknown time zone "Mars/Olympus"');
    expect((await calls(['today', '--now', 'soon'])).stderr).toContain('--now needs an ISO date-time');
    const config = await calls(['today'], { WEEK_START: 'friday' });
    expect(config).toMatchObject({ code: 2, stdout: '' });
    expect(config.stderr).toContain('WEEK_START must be monday or sunday');
  });

  it('prints the usage for help', async () => {
    const run = await calls(['help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('last week');
  });

  it('prints a readable report that states the window and zone', async () => {
    const run = await calls(['last', 'week', 'ext', '101', '--tz', 'Europe/Berlin', '--now', NOW]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)');
    expect(run.stdout).toContain('Ben Okafor');
  });
});

describe('calls CLI against a configured PBX', () => {
  let pbx: DemoPbx;
  const env = () => demoPbxEnv(pbx);

  beforeEach(async () => {
    pbx = await startDemoPbx({ seed: 42, now: new Date(NOW) });
  });
  afterEach(() => pbx.close());

  it('reports last week for ext 101 with totals equal to a recount of the raw rows', async () => {
    const run = await calls(
      ['last', 'week', 'ext', '101', '--json', '--tz', 'Europe/Berlin', '--now', NOW],
      env(),
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const report = reportSchema.parse(JSON.parse(run.stdout));
    expect(report.window).toEqual({
      from: '2026-11-16T00:00:00.000+01:00',
      to: '2026-11-23T00:00:00.000+01:00',
      timeZone: 'Europe/Berlin',
    });
    expect(report.filters.extensions).toEqual(['101']);
    const from = new Date('2026-11-15T23:00:00Z');
    const to = new Date('2026-11-22T23:00:00Z');
    const rows = pbx.rowsBetween(new Date(from.getTime() - 3600_000), new Date(to.getTime() + 3600_000));
    const internalNumbers = new Set([
      ...pbx.directory.users.map((u) => u.number),
      ...pbx.directory.queues.map((q) => q.number),
    ]);
    const expected = recountTotals(rows, {
      from,
      to,
      internalNumbers,
      extensions: ['101'],
      serviceLevelSeconds: 20,
    });
    expect(expected.calls).toBeGreaterThan(5);
    expect(report.totals).toMatchObject(expected);
  });

  it('fails with exit code 1 and the hint when the credentials are wrong, without leaking the secret', async () => {
    const run = await calls(['today', '--json'], { ...env(), THREECX_CLIENT_SECRET: 'wrong-secret-value' });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toContain('THREECX_CLIENT_SECRET');
    expect(run.stderr).not.toContain('wrong-secret-value');
  });

  it('never leaves output that looks complete when the PBX fails mid-way', async () => {
    pbx.misbehave({ endpoint: 'calllog', nth: 2, status: 500, times: 10 });
    const run = await calls(['rows', 'last', '7', 'days', '--json', '--now', NOW], env());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('500');
    expect(() => JSON.parse(run.stdout)).toThrow();
    expect(run.stdout.trimEnd().endsWith(']')).toBe(false);
  });
});
