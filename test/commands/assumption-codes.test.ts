import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommand } from '../../src/commands/parse-command';
import type { Assumption } from '../../src/core/report-request';
import { contextAt } from './parse-helpers';

/** Every documented assumption code (docs/command-language.md), each with a command that makes it. */
const berlin = contextAt('2026-11-25T11:00', 'Europe/Berlin', { locale: 'en-GB' });
const newYork = contextAt('2026-11-25T05:00', 'America/New_York', { locale: 'en-US' });

const CASES: Array<[code: string, command: string, context: typeof berlin, text: string]> = [
  ['day-first', '3/11', berlin, '3/11 read day-first from your locale en-GB'],
  ['month-first', '3/11', newYork, '3/11 read month-first from your locale en-US'],
  ['latest-year', 'nov 30', berlin, 'nov 30 read as Sun 30 Nov 2025, the latest not in the future'],
  ['latest-weekday', 'friday', berlin, 'friday read as Fri 20 Nov 2026, the most recent one'],
  ['iso-week', 'week 47', berlin, 'week 47 is ISO week 47, Monday to Sunday (whatever WEEK_START is)'],
  ['part-of-day', 'yesterday afternoon', berlin, 'afternoon read as 12:00–18:00'],
  [
    'lone-from',
    'calls from last tuesday',
    berlin,
    '"from last tuesday" read as last tuesday itself; for everything since, say "since last tuesday"',
  ],
  [
    'holiday-country',
    'christmas',
    newYork,
    'christmas is Christmas Day in the holidays of US (from your locale en-US)',
  ],
  ['name-lookup', 'calls for ben', berlin, '"ben" will be looked up in the PBX directory'],
  ['cut-at-now', 'nov 15 - nov 30', berlin, '"nov 15 - nov 30" ends in the future: cut at now'],
  [
    'a-unit-ago',
    'a week ago',
    berlin,
    'a week ago read as the one day a week ago (say "last week" for the whole week)',
  ],
  ['day-of-month', 'the 3rd', berlin, '3rd read as Tue 3 Nov 2026, the latest not in the future'],
  ['month-week', 'first week of november', berlin, 'first week of november read as days 1–7'],
  ['afternoon-hours', 'yesterday 9-5', berlin, '9-5 read as 09:00–17:00'],
  [
    'time-on-start-day',
    'yesterday until 5pm',
    berlin,
    '5pm read as on the day the range starts; for today\'s, say "today 5pm"',
  ],
  [
    'same-span',
    'this week vs last week',
    berlin,
    '"last week" compared over the same span as "this week", which runs until now: Mon 16 Nov 00:00 – Wed 18 Nov 2026 11:00 (Europe/Berlin)',
  ],
];

function assumptionsOf(command: string, context: typeof berlin): Assumption[] {
  const result = parseCommand(command, context);
  if (!result.ok) throw new Error(`"${command}" was refused: ${result.error.message}`);
  return result.request.assumptions;
}

describe('assumptions: each documented code', () => {
  test.each(CASES)('%s: "%s"', (code, command, context, text) => {
    expect(assumptionsOf(command, context)).toContainEqual({ code, text });
  });

  test('name: a name resolved against the directory is written back as its extension', () => {
    const directory = [{ extension: '101', firstName: 'Ben', lastName: 'Okafor' }];
    const result = parseCommand('calls for ben okafor', { ...berlin, directory });
    expect(result.ok && result.request.assumptions).toEqual([
      { code: 'name', text: '"ben okafor" is ext 101 (Ben Okafor)' },
    ]);
  });

  test('a command that says it all assumes nothing', () => {
    expect(assumptionsOf('last week ext 101', berlin)).toEqual([]);
    expect(assumptionsOf('2026-11-03', berlin)).toEqual([]);
  });
});

test('the documented list of codes is the list tested here', () => {
  const docs = readFileSync(join(__dirname, '../../docs/command-language.md'), 'utf8').split('\n');
  const header = docs.indexOf('| code | when | example text |');
  const after = docs.slice(header + 2);
  const end = after.findIndex((line) => !line.startsWith('|'));
  const rows = end < 0 ? after : after.slice(0, end);
  const documented = rows.flatMap((row) =>
    [...(row.split('|')[1] ?? '').matchAll(/`([a-z-]+)`/g)].map((match) => match[1]),
  );
  expect(new Set(documented)).toEqual(new Set([...CASES.map(([code]) => code), 'name']));
});
