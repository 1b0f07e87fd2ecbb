import { type DemoPbx, startDemoPbx } from '../../../src/demo/demo-pbx';
import { demoPbxEnv, runCliInProcess } from '../../helpers/run-cli-in-process';

/**
 * The terminal reads people's names against the PBX directory as chat does (`readCommand`), says
 * how it read the words ("Assumed: …") and names numbers the PBX does not have.
 */

const NOW = '2026-11-29T10:00:00Z';
const AT = ['--tz', 'Europe/Berlin', '--now', NOW];

describe('calls CLI: names, assumptions and unknown numbers', () => {
  let pbx: DemoPbx;
  const calls = (words: string) =>
    runCliInProcess([...words.split(' '), ...AT], { now: new Date(NOW), env: demoPbxEnv(pbx) });

  beforeAll(async () => {
    pbx = await startDemoPbx({ seed: 42, now: new Date(NOW) });
  });
  afterAll(() => pbx.close());

  it('reports "calls for ben last week" as ext 101, the JSON differing only in its assumptions', async () => {
    const named = await calls('calls for ben last week --json');
    const numbered = await calls('last week ext 101 --json');
    expect(named).toMatchObject({ code: 0, stderr: '' });
    expect(numbered).toMatchObject({ code: 0, stderr: '' });
    const { assumptions, ...report } = JSON.parse(named.stdout) as Record<string, unknown>;
    const { assumptions: none, ...expected } = JSON.parse(numbered.stdout) as Record<string, unknown>;
    expect(assumptions).toEqual([{ code: 'name', text: '"ben" is ext 101 (Ben Okafor)' }]);
    expect(none).toEqual([]);
    expect(report).toEqual(expected);
    expect((report.totals as { calls: number }).calls).toBeGreaterThan(0);
  });

  it('states the assumption under the window in the readable report', async () => {
    const run = await calls('calls for ben yesterday');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      'Sat 28 Nov 2026 (Europe/Berlin)',
      'Assumed: "ben" is ext 101 (Ben Okafor)',
      'Filters: ext 101',
      '',
    ]);
  });

  it('names an extension the PBX does not have instead of a silent "No calls"', async () => {
    const run = await calls('yesterday ext 555');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      'Sat 28 Nov 2026 (Europe/Berlin)',
      'Filters: ext 555',
      'ext 555 is not an extension on this PBX.',
      '',
    ]);
  });

  it('states the assumptions of a rows preview too', async () => {
    const run = await calls('rows yesterday top=2 for ben');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      'Sat 28 Nov 2026 (Europe/Berlin)',
      'Assumed: "ben" is ext 101 (Ben Okafor)',
      '',
      '2 rows',
    ]);
  });

  it('refuses a name the directory does not have, exit 2, nothing on stdout', async () => {
    const run = await calls('calls for zed yesterday');
    expect(run).toEqual(
      expect.objectContaining({
        code: 2,
        stdout: '',
        stderr: 'Error: "zed" is not a name in the PBX directory.\nTry: yesterday\n',
      }),
    );
  });
});
