import type { DemoPbx } from '../../../src/demo/demo-pbx';
import { buildExportCallRows, EXPORT_CALLS_HOUR } from '../../helpers/export-call-rows';
import { readXlsx } from '../../helpers/read-xlsx';
import { type CliRun, type CliRunOptions, runCliInProcess } from '../../helpers/run-cli-in-process';
import { startPbxServingRows } from '../../helpers/serve-call-log-rows';

const NOW = new Date('2026-11-29T10:00:00Z');
const CLOCK = ['--tz', 'Europe/Berlin', '--now', NOW.toISOString()];

let pbx: DemoPbx;
beforeAll(async () => {
  pbx = await startPbxServingRows(NOW, buildExportCallRows());
});
afterAll(async () => {
  await pbx.close();
});

function calls(argv: string[], options: Partial<CliRunOptions> = {}): Promise<CliRun> {
  return runCliInProcess([...argv, ...CLOCK], { pbx, now: NOW, ...options });
}

describe('calls CLI --format csv|xlsx', () => {
  it('writes the CSV of the calls of any report command (a summary is exported as its list)', async () => {
    const summary = await calls(['summary', ...EXPORT_CALLS_HOUR, '--format', 'csv']);
    const list = await calls(['list', ...EXPORT_CALLS_HOUR, '--format=csv']);
    expect(summary).toMatchObject({ code: 0, stderr: '' });
    expect(summary.stdout).toBe(list.stdout);
    expect(summary.stdout.split('\r\n')).toHaveLength(4);
  });

  it('writes the XLSX bytes unchanged to stdout when it is not a terminal', async () => {
    const run = await calls(['list', ...EXPORT_CALLS_HOUR, '--format', 'xlsx']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const sheet = await readXlsx(run.stdoutBytes);
    expect(sheet.values.map((row) => row[4])).toEqual(['from', '+442071234567', '02071234567']);
  });

  it('refuses to write an XLSX to a terminal, before asking the PBX', async () => {
    const before = pbx.requests.length;
    const run = await calls(['list', ...EXPORT_CALLS_HOUR, '--format', 'xlsx'], { stdoutIsTerminal: true });
    expect(run).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'An XLSX file is bytes, not text: send it to a file, e.g. `… --format xlsx > calls.xlsx`.\n',
    });
    expect(pbx.requests).toHaveLength(before);
    // A CSV is text: fine on a terminal.
    expect(
      (await calls(['list', ...EXPORT_CALLS_HOUR, '--format', 'csv'], { stdoutIsTerminal: true })).code,
    ).toBe(0);
  });

  it('answers an unknown format with a clear error, exit code 2 and nothing on stdout', async () => {
    const run = await calls(['last', 'week', '--format', 'bogus']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe('--format must be csv or xlsx, not "bogus" (JSON is --json).');
  });

  it('refuses --format for raw rows, which are JSON only (exit code 2)', async () => {
    const run = await calls(['rows', 'yesterday', '--format', 'csv']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      "Error: --format csv exports a report's calls; the raw rows come as JSON with --json.\nTry: rows yesterday top=50 --json\n",
    );
  });

  it('keeps --json as it was', async () => {
    const run = await calls(['list', ...EXPORT_CALLS_HOUR, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { calls: { from: string }[] };
    expect(report.calls.map((call) => call.from)).toEqual(['+442071234567', '02071234567']);
  });
});
