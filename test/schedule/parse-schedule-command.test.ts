import type { ParseContext } from '../../src/commands/parse-command';
import { parseScheduleCommand } from '../../src/schedule/parse-schedule-command';

/** Fri 30 Oct 2026, 11:00 in Berlin. */
const CONTEXT: ParseContext = { now: new Date('2026-10-30T10:00:00Z'), timeZone: 'Europe/Berlin' };

function commandOf(text: string, context = CONTEXT) {
  const result = parseScheduleCommand(text, context);
  if (!result?.ok)
    throw new Error(`expected "${text}" to parse: ${result ? result.error.message : 'undefined'}`);
  return result.command;
}

function errorOf(text: string, context = CONTEXT) {
  const result = parseScheduleCommand(text, context);
  if (!result || result.ok) throw new Error(`expected "${text}" to be refused`);
  return { message: result.error.message, example: result.error.example };
}

describe('parseScheduleCommand: creating a digest', () => {
  it('reads the rule, keeps the report words as typed, and knows the first run', () => {
    expect(commandOf('schedule every weekday at 8:00 last workday missed')).toMatchObject({
      kind: 'create',
      rule: { cron: '0 8 * * 1-5', description: 'every weekday at 08:00' },
      command: 'last workday missed',
      firstRunAt: new Date('2026-11-02T07:00:00Z'),
      // The report words as they read at the first run: the Friday before that Monday.
      request: {
        view: 'summary',
        window: {
          from: new Date('2026-10-29T23:00:00Z'),
          to: new Date('2026-10-30T23:00:00Z'),
          timeZone: 'Europe/Berlin',
        },
        filters: { status: 'missed' },
      },
    });
  });

  it('reads Slack- and Teams-escaped text and typographic quotes around a cron expression', () => {
    expect(commandOf('Schedule \u201c30 7 * * 1-5\u201d yesterday queue 800')).toMatchObject({
      kind: 'create',
      rule: { cron: '30 7 * * 1-5', description: 'cron "30 7 * * 1-5"' },
      command: 'yesterday queue 800',
      firstRunAt: new Date('2026-11-02T06:30:00Z'),
    });
    expect(commandOf('<p>schedule every monday at 9&nbsp;last week</p>')).toMatchObject({
      kind: 'create',
      rule: { cron: '0 9 * * 1', description: 'every Monday at 09:00' },
      command: 'last week',
      firstRunAt: new Date('2026-11-02T08:00:00Z'),
    });
  });

  it('checks the report words with the first run as "now", so periods fit the schedule', () => {
    // At 11:00 on Friday "today" is fine; the first run is at 07:00 on Saturday.
    expect(commandOf('schedule every day at 7 today ext 101')).toMatchObject({
      command: 'today ext 101',
      firstRunAt: new Date('2026-10-31T06:00:00Z'),
    });
    // Options with quoted values are kept exactly.
    expect(commandOf('schedule every hour list source="Main line" today')).toMatchObject({
      rule: { cron: '0 * * * *' },
      command: 'list source="Main line" today',
    });
  });

  it.each([
    [
      'schedule every day at 8:00',
      'Say what the digest reports after the time, e.g. "schedule every weekday at 8:00 last workday missed".',
      'schedule every day at 8:00 yesterday',
    ],
    [
      'schedule every day at 8 yesterdy',
      'I didn\'t understand "yesterdy" (did you mean "yesterday"?).',
      'schedule every day at 8 yesterday',
    ],
    [
      'schedule every day at 8 rows yesterday',
      'A digest posts a report into the conversation; "rows" makes a file of raw call-log rows, which digests do not post. Schedule a summary or a list.',
      'schedule every day at 8 summary yesterday',
    ],
    [
      'schedule every day at 8 me yesterday',
      'A digest goes to everyone in the conversation, so "me" cannot stand for one person there: name the extension, e.g. "ext 101".',
      'schedule every day at 8 ext 101 yesterday',
    ],
    [
      'schedule "0 8 30 2 *" yesterday',
      '"0 8 30 2 *" never runs: no date matches it.',
      'schedule every weekday at 8:00 last workday missed',
    ],
  ])('refuses %s', (text, message, example) => {
    const error = errorOf(text);
    expect(error.message).toBe(message);
    expect(error.example).toBe(example);
  });

  it('answers a bad rule ("every blursday") with the forms and an example that works', () => {
    const error = errorOf('schedule every blursday yesterday');
    expect(error.message).toContain(
      'I could not read "every blursday" as a schedule. Did you mean "thursday"?',
    );
    expect(error.message).toContain('every weekday at 8:00, every monday at 9');
    expect(error.example).toBe('schedule every thursday at 8:00 yesterday');
    expect(errorOf('schedule every blursday').example).toBe('schedule every thursday at 8:00 yesterday');
  });

  it('refuses a zone digests cannot use', () => {
    expect(
      errorOf('schedule every day at 8 yesterday', { ...CONTEXT, timeZone: 'Mars/Olympus' }).message,
    ).toBe(
      'Your time zone "Mars/Olympus" is not one digests can use; set an IANA zone such as Europe/Berlin.',
    );
  });
});

describe('parseScheduleCommand: listing, removing, help', () => {
  it.each([
    ['schedules', { kind: 'list' }],
    ['SCHEDULES', { kind: 'list' }],
    ['schedule list', { kind: 'list' }],
    ['unschedule k3m9qa', { kind: 'delete', id: 'k3m9qa' }],
    ['unschedule K3M9QA', { kind: 'delete', id: 'k3m9qa' }],
    ['unschedule k3m9oa', { kind: 'delete', id: 'k3m90a' }],
    ['schedule delete k3m9qa', { kind: 'delete', id: 'k3m9qa' }],
    ['schedule remove k3m9qa', { kind: 'delete', id: 'k3m9qa' }],
    ['schedule', { kind: 'help' }],
    ['schedule help', { kind: 'help' }],
    ['schedule every day at 8 help', { kind: 'help' }],
  ])('%s', (text, command) => {
    expect(commandOf(text)).toEqual(command);
  });

  it.each([
    ['unschedule', 'Say which digest to remove: "unschedule k3m9qa" ("schedules" lists them).', 'schedules'],
    [
      'unschedule 12',
      '"12" is not a digest id: ids are 6 letters and digits, like k3m9qa. "schedules" lists them.',
      'schedules',
    ],
    [
      'unschedule k3m9qa now',
      '"unschedule k3m9qa" takes nothing more; I could not use "now".',
      'unschedule k3m9qa',
    ],
    ['schedules today', '"schedules" takes nothing more; I could not use "today".', 'schedules'],
  ])('refuses %s', (text, message, example) => {
    expect(errorOf(text)).toEqual({ message, example });
  });

  it('leaves every other text to the report parser', () => {
    for (const text of ['', 'yesterday', 'scheduled calls', 'list today', 'help']) {
      expect(parseScheduleCommand(text, CONTEXT)).toBeUndefined();
    }
  });
});
