import { truthFor } from '../../commands/fixtures/judge-period';
import { CORPUS, NOW, ZONE_LOCALE, ZONES } from '../../commands/fixtures/nl-period-corpus';
import { findClosedPort } from '../../helpers/closed-port';
import { type CliRun, runCliInProcess } from '../../helpers/run-cli-in-process';

/**
 * `npm run -s calls -- explain <words> --json --tz <zone> --now <instant> --locale <tag>`: the
 * interface independent checks use. THREECX_URL names a port nobody listens on, so any PBX request
 * would fail the run: explain works without the PBX.
 */

const AT = ['--tz', 'Europe/Berlin', '--now', NOW];
let pbxEnv: Record<string, string>;

beforeAll(async () => {
  const port = await findClosedPort();
  pbxEnv = {
    THREECX_URL: `http://127.0.0.1:${port}`,
    THREECX_CLIENT_ID: 'calls-bot',
    THREECX_CLIENT_SECRET: 'never-used-secret',
  };
});

const explain = (argv: string[], env: Record<string, string> = {}): Promise<CliRun> =>
  runCliInProcess(['explain', ...argv], { now: new Date(NOW), env: { ...pbxEnv, ...env } });

/** The one JSON object a successful `--json` run printed, stdout holding nothing else. */
function jsonOf(run: CliRun): Record<string, unknown> {
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  expect(run.stdout.endsWith('}\n')).toBe(true);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe('calls explain --json (the contract)', () => {
  it("prints exactly the contract's object for last Tuesday in Berlin, without asking the PBX", async () => {
    const run = await explain(['calls', 'from', 'last', 'tuesday', '--json', ...AT, '--locale', 'en-GB']);
    const explanation = jsonOf(run);
    expect(Object.keys(explanation)).toEqual([
      'view',
      'command',
      'window',
      'windows',
      'filters',
      'names',
      'assumptions',
    ]);
    expect(explanation).toEqual({
      view: 'summary',
      command: 'summary from=2026-11-24T00:00:00.000+01:00 to=2026-11-25T00:00:00.000+01:00',
      window: {
        from: '2026-11-24T00:00:00.000+01:00',
        to: '2026-11-25T00:00:00.000+01:00',
        timeZone: 'Europe/Berlin',
      },
      windows: [],
      filters: { extensions: [], queues: [], numbers: [], directions: [], status: null },
      names: [],
      assumptions: [
        {
          code: 'lone-from',
          text: '"from last tuesday" read as last tuesday itself; for everything since, say "since last tuesday"',
        },
      ],
    });
  });

  it('recognises its flags anywhere, and passes words like "tuesday?" through as typed', async () => {
    const run = await runCliInProcess(
      ['--json', '--locale=en-GB', 'explain', 'what', 'about', '--tz', 'Europe/Berlin', 'last', 'tuesday?'],
      { now: new Date(NOW), env: pbxEnv },
    );
    expect(jsonOf(run).window).toEqual({
      from: '2026-11-24T00:00:00.000+01:00',
      to: '2026-11-25T00:00:00.000+01:00',
      timeZone: 'Europe/Berlin',
    });
  });

  it('reads 3/11 in the order of --locale, saying so, and writes the filters as the report does', async () => {
    const gb = jsonOf(await explain(['3/11', 'ext', '101', 'missed', '--json', ...AT, '--locale', 'en-GB']));
    expect(gb).toMatchObject({
      command: 'summary from=2026-11-03T00:00:00.000+01:00 to=2026-11-04T00:00:00.000+01:00 ext 101 missed',
      window: { from: '2026-11-03T00:00:00.000+01:00', to: '2026-11-04T00:00:00.000+01:00' },
      filters: { extensions: ['101'], queues: [], numbers: [], directions: [], status: 'missed' },
    });
    expect(gb.assumptions).toContainEqual({
      code: 'day-first',
      text: '3/11 read day-first from your locale en-GB',
    });
    const us = jsonOf(await explain(['3/11', '--json', ...AT, '--locale', 'en-US']));
    expect(us.window).toMatchObject({
      from: '2026-03-11T00:00:00.000+01:00',
      to: '2026-03-12T00:00:00.000+01:00',
    });
    expect(us.assumptions).toContainEqual({
      code: 'month-first',
      text: '3/11 read month-first from your locale en-US',
    });
  });

  it('explains commands without a window with window null: help and the digest commands', async () => {
    expect(jsonOf(await explain(['help', '--json', ...AT]))).toMatchObject({ view: 'help', window: null });
    expect(jsonOf(await explain(['schedules', '--json', ...AT]))).toEqual({
      view: 'schedule',
      command: 'schedules',
      window: null,
      windows: [],
      filters: { extensions: [], queues: [], numbers: [], directions: [], status: null },
      names: [],
      assumptions: [],
    });
    const create = jsonOf(
      await explain([
        'schedule',
        'every',
        'weekday',
        'at',
        '8:00',
        '3/11',
        'ext',
        '101',
        '--json',
        ...AT,
        '--locale',
        'en-GB',
      ]),
    );
    expect(create).toMatchObject({
      view: 'schedule',
      command: 'schedule every weekday at 08:00 3/11 ext 101',
      window: null,
      filters: { extensions: ['101'] },
    });
    expect(create.assumptions).toContainEqual({
      code: 'day-first',
      text: '3/11 read day-first from your locale en-GB',
    });
  });

  it('refuses words it does not understand: the message and example on stderr, exit 2, nothing on stdout', async () => {
    const run = await explain(['calls', 'blursday', '--json', ...AT]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'Error: I didn\'t understand "blursday" (did you mean "thursday"?).\nTry: thursday\n',
    );
  });

  it('says how to keep a word that could be a name, which running the words would look up in the directory', async () => {
    const run = await explain(['ben', 'last', 'week', '--json', ...AT]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'Error: I didn\'t understand "ben". If "ben" is someone\'s name, running the words looks it up in the PBX directory; here, without it, say "for ben".\nTry: last week\n',
    );
    // And that way it reads, the name left to look up.
    const named = jsonOf(await explain(['for', 'ben', 'last', 'week', '--json', ...AT]));
    expect(named.names).toEqual(['ben']);
    // A command word out of place is not taken for a name.
    const history = await explain(['last', 'week', 'history', ...AT]);
    expect(history.stderr).toBe('Error: I didn\'t understand "history".\nTry: last week\n');
  });

  it('prints the readable explanation chat shows without --json', async () => {
    const run = await explain(['3/11', 'ext', '101', ...AT, '--locale', 'en-GB']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      [
        'How I read "3/11 ext 101"',
        'Window: Tue 3 Nov 2026 (Europe/Berlin)',
        'View: summary',
        'Command: summary from=2026-11-03T00:00:00.000+01:00 to=2026-11-04T00:00:00.000+01:00 ext 101',
        'Filters: ext 101',
        'Assumed: 3/11 read day-first from your locale en-GB',
        'Assumed: 3/11 read as Tue 3 Nov 2026, the latest not in the future',
        'ext 101 will be looked up in the PBX directory when the report runs.',
        '',
        'Nothing was run: send the words without "explain" for the report.',
        '',
      ].join('\n'),
    );
  });
});

describe('the CLI locale: --locale, else LANG, else DEFAULT_LOCALE', () => {
  const orderOf = async (argv: string[], env: Record<string, string>) => {
    const assumptions = jsonOf(await explain(['3/11', '--json', ...AT, ...argv], env)).assumptions as {
      code: string;
      text: string;
    }[];
    return assumptions.find((assumption) => assumption.code.endsWith('-first'))?.text;
  };

  it('reads LANG in POSIX form, and counts C, POSIX and empty as unset', async () => {
    expect(await orderOf([], { LANG: 'en_GB.UTF-8' })).toBe('3/11 read day-first from your locale en-GB');
    expect(await orderOf([], { LANG: 'de_DE@euro' })).toBe('3/11 read day-first from your locale de-DE');
    for (const unset of ['C', 'C.UTF-8', 'POSIX', '']) {
      expect(await orderOf([], { LANG: unset })).toBe('3/11 read month-first from your locale en-US');
      expect(await orderOf([], { LANG: unset, DEFAULT_LOCALE: 'en-IN' })).toBe(
        '3/11 read day-first from your locale en-IN',
      );
    }
  });

  it('lets --locale win over LANG, and LANG over DEFAULT_LOCALE', async () => {
    expect(await orderOf(['--locale', 'en-US'], { LANG: 'en_GB.UTF-8' })).toBe(
      '3/11 read month-first from your locale en-US',
    );
    expect(await orderOf([], { LANG: 'en_US.UTF-8', DEFAULT_LOCALE: 'en-GB' })).toBe(
      '3/11 read month-first from your locale en-US',
    );
  });

  it('refuses an invalid --locale or DEFAULT_LOCALE with exit 2, naming it', async () => {
    const flag = await explain(['3/11', '--json', ...AT, '--locale', 'english']);
    expect(flag).toMatchObject({ code: 2, stdout: '' });
    expect(flag.stderr).toBe('Unknown locale "english". Use a BCP 47 tag such as en-US, en-GB or de-DE.\n');
    const config = await explain(['3/11', '--json', ...AT], { DEFAULT_LOCALE: 'en_GB' });
    expect(config).toMatchObject({ code: 2, stdout: '' });
    expect(config.stderr).toContain(
      'DEFAULT_LOCALE: DEFAULT_LOCALE must be a BCP 47 locale such as en-US, en-GB or de-DE, not "en_GB"',
    );
  });
});

/**
 * A small copy of the development corpus through the CLI: phrases with one right window, in the
 * three zones with their locales, at the corpus's clock. Windows are compared to the millisecond
 * (a window that runs until now ends at now).
 */
const CORPUS_PHRASES = [
  'yesterday',
  'today',
  'day before yesterday',
  '3 days ago',
  'a week ago',
  'last workday',
  'this week',
  'last week',
  'the week before last',
  'week 47',
  'last weekend',
  'tuesday of last week',
  'mon-fri last week',
  'on friday',
  'since monday',
  'monday to wednesday',
  'last month',
  'mtd',
  'nov 2025',
  'end of last month',
  'last quarter',
  'this year',
  'last 3 hours',
  'last 90 minutes',
  'yesterday 9am-5pm',
  'nov 3 2pm-4pm',
  '3/11',
  '11/03/2026',
  '3.11.2026',
  'oct 28 - nov 3',
  'dec 20 - jan 5',
  'what about friday?',
];

describe('corpus phrases through calls explain --json', () => {
  const cases = ZONES.flatMap((zone) =>
    CORPUS_PHRASES.map((phrase) => {
      const entry = CORPUS.find((candidate) => candidate.p === phrase);
      if (!entry) throw new Error(`"${phrase}" is not in the corpus`);
      return { zone, locale: ZONE_LOCALE[zone]!, phrase, entry };
    }),
  );

  it.each(cases)('$phrase in $zone ($locale)', async ({ zone, locale, phrase, entry }) => {
    const truth = truthFor(entry, zone, NOW, locale);
    expect(truth.windows).toHaveLength(1);
    const expected = truth.windows[0]!;
    const run = await runCliInProcess(
      ['explain', ...phrase.split(' '), '--json', '--tz', zone, '--now', NOW, '--locale', locale],
      { now: new Date(NOW), env: pbxEnv },
    );
    const window = jsonOf(run).window as { from: string; to: string; timeZone: string };
    expect({ from: Date.parse(window.from), to: Date.parse(window.to), timeZone: window.timeZone }).toEqual({
      from: expected.from,
      to: Math.min(expected.to, Date.parse(NOW)),
      timeZone: zone,
    });
  });
});
