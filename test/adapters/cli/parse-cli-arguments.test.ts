import { parseCliArguments } from '../../../src/adapters/cli/parse-cli-arguments';

describe('parseCliArguments', () => {
  it('separates the flags from the command words, in any position', () => {
    expect(
      parseCliArguments([
        'last',
        'week',
        '--json',
        'ext',
        '101',
        '--tz',
        'Europe/Berlin',
        '--now=2026-11-29T10:00:00Z',
      ]),
    ).toEqual({
      ok: true,
      value: {
        commandText: 'last week ext 101',
        explain: false,
        json: true,
        format: undefined,
        timeZone: 'Europe/Berlin',
        now: '2026-11-29T10:00:00Z',
        locale: undefined,
      },
    });
  });

  it('reads explain as the first word and --locale anywhere, passing "?" words through', () => {
    expect(
      parseCliArguments(['--locale', 'en-GB', 'explain', 'what', 'about', 'last', 'tuesday?', '--json', '?']),
    ).toEqual({
      ok: true,
      value: {
        commandText: 'what about last tuesday? ?',
        explain: true,
        json: true,
        format: undefined,
        timeZone: undefined,
        now: undefined,
        locale: 'en-GB',
      },
    });
    const explainWords = parseCliArguments(['last', 'week', 'explain']);
    expect(explainWords.ok && explainWords.value).toMatchObject({
      explain: false,
      commandText: 'last week explain',
    });
    expect(parseCliArguments(['explain', 'today', '--format', 'csv'])).toEqual({
      ok: false,
      message: expect.stringContaining('explain shows how words read; it makes no file (--format csv).'),
    });
    expect(parseCliArguments(['today', '--locale'])).toEqual({
      ok: false,
      message: expect.stringContaining('--locale needs a value.'),
    });
  });

  it('quotes again an option value whose quotes the shell removed', () => {
    const result = parseCliArguments([
      'rows',
      'filter=Answered eq true',
      'orderby=StartTime desc',
      'search=say "hi"',
    ]);
    expect(result.ok && result.value.commandText).toBe(
      `rows filter="Answered eq true" orderby="StartTime desc" search='say "hi"'`,
    );
  });

  it('rejects unknown flags and flags without a value with the usage line', () => {
    const unknown = parseCliArguments(['today', '--jsno']);
    expect(unknown).toEqual({ ok: false, message: expect.stringContaining('Unknown option "--jsno".') });
    expect(!unknown.ok && unknown.message).toContain('Usage: npm run -s calls --');
    expect(parseCliArguments(['today', '--tz'])).toEqual({
      ok: false,
      message: expect.stringContaining('--tz needs a value.'),
    });
    expect(parseCliArguments(['--now', '--json'])).toEqual({
      ok: false,
      message: expect.stringContaining('--now needs a value.'),
    });
  });

  it('reads --format csv|xlsx (either spelling, any case) and refuses any other format or --json with it', () => {
    const format = (argv: string[]) => {
      const result = parseCliArguments(argv);
      return result.ok ? result.value.format : result.message;
    };
    expect(format(['today', '--format', 'csv'])).toBe('csv');
    expect(format(['today', '--format=XLSX'])).toBe('xlsx');
    expect(format(['today'])).toBeUndefined();
    expect(format(['today', '--format', 'bogus'])).toBe(
      '--format must be csv or xlsx, not "bogus" (JSON is --json).\nUsage: npm run -s calls -- <command words> [--json | --format csv|xlsx] [--tz Europe/Berlin] [--now 2026-11-29T10:00:00Z] [--locale en-GB]\n       npm run -s calls -- explain <command words> [--json] [--tz …] [--now …] [--locale …]',
    );
    expect(format(['today', '--format'])).toContain('--format needs a value.');
    expect(format(['today', '--json', '--format', 'csv'])).toContain(
      '--json and --format csv are two outputs: give one.',
    );
  });
});
