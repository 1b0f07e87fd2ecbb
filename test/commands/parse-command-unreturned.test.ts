import { formatCommand } from '../../src/chat/format-command';
import { explainCommand } from '../../src/commands/explain-command';
import { parseCommand } from '../../src/commands/parse-command';
import { parseScheduleCommand } from '../../src/schedule/parse-schedule-command';
import { contextAt, expandIso, parseError, parseOk, windowIso } from './parse-helpers';

const context = contextAt('2026-11-18T14:30', 'Europe/Berlin');

describe('the unreturned view', () => {
  it('reads `unreturned` alone as today until now', () => {
    const request = parseOk('unreturned', context);
    expect(request.view).toBe('unreturned');
    expect(windowIso(request)).toEqual([
      expandIso('2026-11-18T00:00+01:00'),
      expandIso('2026-11-18T14:30+01:00'),
    ]);
  });

  it('takes every period and filter the summary takes, in any order', () => {
    const request = parseOk(
      'yesterday queue 800 unreturned ext 101,102 number +4420 inbound missed',
      context,
    );
    expect(request).toMatchObject({
      view: 'unreturned',
      filters: {
        extensions: ['101', '102'],
        queues: ['800'],
        numbers: ['4420'],
        directions: ['inbound'],
        status: 'missed',
      },
    });
    expect(windowIso(request)).toEqual([
      expandIso('2026-11-17T00:00+01:00'),
      expandIso('2026-11-18T00:00+01:00'),
    ]);
    expect(parseOk('unreturned last week me pcalls=show', context)).toMatchObject({
      me: true,
      view: 'unreturned',
    });
  });

  it.each([
    [
      'unreturned answered',
      '"unreturned" lists missed calls, and "answered" calls are never missed: drop "answered".',
      'unreturned',
    ],
    [
      'unreturned yesterday outbound',
      '"unreturned" lists missed inbound calls, so "outbound" leaves nothing to list: drop "outbound".',
      'unreturned yesterday',
    ],
    [
      'unreturned internal',
      '"unreturned" lists missed inbound calls, so "internal" leaves nothing to list: drop "internal".',
      'unreturned',
    ],
    [
      'unreturned top callers',
      '"top callers" (a ranking) is a summary, not "unreturned": drop "unreturned".',
      'top callers',
    ],
    [
      'unreturned last month by week',
      '"by week" (a trend) is a summary, not "unreturned": drop "unreturned".',
      'last month by week',
    ],
    [
      'unreturned this week vs last week',
      '"vs" (a comparison) is a summary, not "unreturned": drop "unreturned".',
      'this week vs last week',
    ],
    [
      'unreturned yesterday by extension',
      '"by extension" (a table first) is a summary, not "unreturned": drop "unreturned".',
      'yesterday by extension',
    ],
    ['list unreturned', 'Choose one view: "list" or "unreturned".', 'list'],
    ['unreturned top=5', '"top=5" works only with the rows view: add "rows".', 'rows top=5'],
  ])('refuses %p, saying why, with an example that reads', (words, message, example) => {
    const error = parseError(words, context);
    expect(error.message).toBe(message);
    expect(error.example).toBe(example);
    expect(parseCommand(example, context).ok).toBe(true);
  });

  it('suggests `unreturned` for a typo', () => {
    expect(parseError('unretruned', context).message).toBe(
      'I didn\'t understand "unretruned" (did you mean "unreturned"?).',
    );
  });

  it('is written back as words that read as the same request', () => {
    for (const words of [
      'unreturned',
      'unreturned yesterday queue 800 number 4420',
      'unreturned since monday ext 101 inbound',
    ]) {
      const request = parseOk(words, context);
      const written = formatCommand(request);
      expect(written.startsWith('unreturned from=')).toBe(true);
      expect({ ...parseOk(written, contextAt('2030-01-01T00:00', 'Asia/Kolkata')), assumptions: [] }).toEqual(
        {
          ...request,
          window: { ...request.window, timeZone: 'Asia/Kolkata' },
          assumptions: [],
        },
      );
    }
  });

  it('explains itself as the unreturned view and says what it computes', () => {
    const result = explainCommand('explain unreturned yesterday', context);
    if (!result.ok) throw result.error;
    expect(result.explanation).toMatchObject({
      view: 'unreturned',
      command: 'unreturned from=2026-11-17T00:00:00.000+01:00 to=2026-11-18T00:00:00.000+01:00',
      computes:
        'the missed calls of the period, each with its call-back state (open, tried, returned, anonymous): returns are looked for among all later calls with the number, up to now',
    });
  });

  it('can be a digest: `schedule every weekday at 17:00 today unreturned`', () => {
    const parsed = parseScheduleCommand('schedule every weekday at 17:00 today unreturned', context);
    if (!parsed?.ok) throw new Error(JSON.stringify(parsed));
    expect(parsed.command).toMatchObject({ kind: 'create', command: 'today unreturned' });
    if (parsed.command.kind !== 'create') return;
    expect(parsed.command.request.view).toBe('unreturned');
  });
});
