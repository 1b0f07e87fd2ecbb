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
        json: true,
        timeZone: 'Europe/Berlin',
        now: '2026-11-29T10:00:00Z',
      },
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
});
