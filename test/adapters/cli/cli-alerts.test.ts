import { findClosedPort } from '../../helpers/closed-port';
import { type CliRun, runCliInProcess } from '../../helpers/run-cli-in-process';

/**
 * `alerts …` in the terminal: alerts post into a conversation, which the terminal is not (stderr,
 * exit 2, nothing on stdout); `explain alerts …` prints the contract's object with view `alerts`.
 * THREECX_URL names a port nobody listens on: neither asks the PBX.
 */

const NOW = '2026-11-29T10:00:00Z';
let env: Record<string, string>;

beforeAll(async () => {
  const port = await findClosedPort();
  env = {
    THREECX_URL: `http://127.0.0.1:${port}`,
    THREECX_CLIENT_ID: 'calls-bot',
    THREECX_CLIENT_SECRET: 'never-used-secret',
  };
});

const run = (argv: string[]): Promise<CliRun> => runCliInProcess(argv, { now: new Date(NOW), env });

const CONVERSATION_ONLY =
  'Error: Alerts are posted into a Slack channel or a Teams conversation: type "alerts missed" there, where the bot is a member.\n';

describe('alerts in the terminal', () => {
  it.each(['alerts', 'alerts missed queue 800', 'alerts off abc123', 'alerts mised'])(
    '`%s` says alerts live in a conversation, exit 2',
    async (words) => {
      const result = await run([...words.split(' '), '--json']);
      expect(result).toMatchObject({ code: 2, stdout: '', stderr: CONVERSATION_ONLY });
    },
  );

  it('explains `alerts missed queue 800` as the contract says: view alerts, no window', async () => {
    const result = await run([
      'explain',
      'alerts',
      'missed',
      'queue',
      '800',
      '--json',
      '--tz',
      'Europe/Berlin',
    ]);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({
      view: 'alerts',
      command: 'alerts missed queue 800',
      window: null,
      windows: [],
      filters: { extensions: [], queues: ['800'], numbers: [], directions: [], status: 'missed' },
      names: [],
      assumptions: [],
    });
  });

  it('explains `alerts` and `alerts off ABC123` with their normalised commands', async () => {
    const list = JSON.parse((await run(['explain', 'alerts', '--json'])).stdout) as Record<string, unknown>;
    expect(list).toMatchObject({ view: 'alerts', command: 'alerts', window: null });
    const off = JSON.parse((await run(['explain', 'alerts', 'off', 'ABC123', '--json'])).stdout) as Record<
      string,
      unknown
    >;
    expect(off).toMatchObject({
      view: 'alerts',
      command: 'alerts off abc123',
      window: null,
      filters: { extensions: [], queues: [], numbers: [], directions: [], status: null },
    });
  });

  it('explains words it cannot read with the message and an example on stderr, exit 2', async () => {
    const result = await run(['explain', 'alerts', 'missed', 'ext', '--json']);
    expect(result).toEqual(
      expect.objectContaining({
        code: 2,
        stdout: '',
        stderr:
          'Error: "ext" needs an extension number, e.g. "alerts missed ext 101" or "alerts missed ext 101,102".\nTry: alerts missed ext 101\n',
      }),
    );
  });

  it('explains in words without --json, as chat does', async () => {
    const result = await run(['explain', 'alerts', 'missed', 'ext', '101']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'View: alerts\nCommand: alerts missed ext 101\nFilters: ext 101 · missed\n',
    );
  });
});
