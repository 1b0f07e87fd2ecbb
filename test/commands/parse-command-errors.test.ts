import { CommandError } from '../../src/core/errors';
import { contextAt, parseError, parseOk } from './parse-helpers';

/** Asked on Wed 18 Nov 2026 14:30 in Berlin. */
const context = contextAt('2026-11-18T14:30', 'Europe/Berlin');

// [command, exact message, exact example]
const MALFORMED: Array<[string, string, string]> = [
  ['blursday', 'I didn\'t understand "blursday" (did you mean "thursday"?).', 'thursday'],
  ['yesterdy', 'I didn\'t understand "yesterdy" (did you mean "yesterday"?).', 'yesterday'],
  ['lsat week', 'I didn\'t understand "lsat week" (did you mean "last week"?).', 'last week'],
  ['last wek ext 101', 'I didn\'t understand "last wek" (did you mean "last week"?).', 'last week ext 101'],
  ['ext 101 tody', 'I didn\'t understand "tody" (did you mean "today"?).', 'ext 101 today'],
  ['yesterday blursday ext 101 foo', 'I didn\'t understand "blursday" and "foo".', 'yesterday ext 101'],
  ['101', 'I didn\'t understand "101" (did you mean "ext 101"?).', 'ext 101'],
  ['list rows', 'Choose one view: "list" or "rows".', 'list'],
  ['answered missed', '"answered" and "missed" together match no call: choose one.', 'answered'],
  [
    'missed yesterday answered',
    '"answered" and "missed" together match no call: choose one.',
    'missed yesterday',
  ],
  ['yesterday last week', 'Give one period, not two: "yesterday" and "last week".', 'yesterday'],
  [
    'yesterday last week nov 3',
    'Give one period, not three: "yesterday", "last week" and "nov 3".',
    'yesterday',
  ],
  ['top=10 yesterday', '"top=10" works only with the rows view: add "rows".', 'rows top=10 yesterday'],
  ['list top=10', '"top=10" works only with the rows view: add "rows".', 'rows top=10'],
  ['count yesterday', '"count" works only with the rows view: add "rows".', 'rows count yesterday'],
  [
    'skip=5 search=x',
    '"skip=5" and "search=x" work only with the rows view: add "rows".',
    'rows skip=5 search=x',
  ],
  [
    'rows top=abc',
    '"top=abc" is not valid: top must be a whole number, 0 or more, e.g. top=100.',
    'rows top=100',
  ],
  [
    'rows top=-1',
    '"top=-1" is not valid: top must be a whole number, 0 or more, e.g. top=100.',
    'rows top=100',
  ],
  [
    'rows skip=1.5',
    '"skip=1.5" is not valid: skip must be a whole number, 0 or more, e.g. skip=0.',
    'rows skip=0',
  ],
  [
    'pcalls=maybe',
    '"pcalls=maybe" is not valid: pcalls must be show or hide, e.g. pcalls=show.',
    'pcalls=show',
  ],
  [
    'time-filter=1 time-from=25:00',
    '"time-from=25:00" is not valid: time-from must be a time of day H:MM:SS from 0:00:00 to 23:59:59, e.g. time-from=8:00:00.',
    'time-filter=1 time-from=8:00:00',
  ],
  [
    'time-filter=1 time-to=12:60:00',
    '"time-to=12:60:00" is not valid: time-to must be a time of day H:MM:SS from 0:00:00 to 23:59:59, e.g. time-to=17:00:00.',
    'time-filter=1 time-to=17:00:00',
  ],
  [
    'time-filter=1 time-from=8',
    '"time-from=8" is not valid: time-from must be a time of day H:MM:SS from 0:00:00 to 23:59:59, e.g. time-from=8:00:00.',
    'time-filter=1 time-from=8:00:00',
  ],
  // time-from/time-to filter only with a time-filter code: they name what to add, with an example.
  [
    'yesterday time-from=9:00:00 time-to=17:00:00',
    `"time-from=9:00:00" and "time-to=17:00:00" do nothing without time-filter=: add time-filter=1, e.g. "time-filter=1 time-from=9:00:00 time-to=17:00:00" (the demo PBX reads 1 as the call's start time of day; 3CX does not document its codes).`,
    'yesterday time-filter=1 time-from=9:00:00 time-to=17:00:00',
  ],
  [
    'time-to=17:30',
    `"time-to=17:30" does nothing without time-filter=: add time-filter=1, e.g. "time-filter=1 time-to=17:30:00" (the demo PBX reads 1 as the call's start time of day; 3CX does not document its codes).`,
    'time-filter=1 time-to=17:30',
  ],
  [
    'time-from=8:00 ext 101 time-filter=0',
    `"time-from=8:00" does nothing with "time-filter=0": use time-filter=1, e.g. "time-filter=1 time-from=8:00:00" (the demo PBX reads 1 as the call's start time of day; 3CX does not document its codes).`,
    'time-from=8:00 ext 101 time-filter=1',
  ],
  [
    'time-from=25:00',
    `"time-from=25:00" is not valid: time-from must be a time of day H:MM:SS from 0:00:00 to 23:59:59, e.g. time-from=8:00:00. "time-from=25:00" does nothing without time-filter=: add time-filter=1, e.g. "time-filter=1 time-from=8:00:00" (the demo PBX reads 1 as the call's start time of day; 3CX does not document its codes).`,
    'time-filter=1 time-from=8:00:00',
  ],
  [
    'time-filter=x time-to=17:00',
    '"time-filter=x" is not valid: time-filter must be a whole number, 0 or more, e.g. time-filter=1.',
    'time-filter=1 time-to=17:00',
  ],
  [
    'source-type=x',
    '"source-type=x" is not valid: source-type must be a whole number, 0 or more, e.g. source-type=0.',
    'source-type=0',
  ],
  [
    'calls-type=-2',
    '"calls-type=-2" is not valid: calls-type must be a whole number, 0 or more, e.g. calls-type=0.',
    'calls-type=0',
  ],
  [
    'rows select=a,,b',
    `"select=a,,b" is not valid: 'a,,b' has an empty name between commas; select must be call-log field names separated by commas, e.g. select=StartTime,SourceDn,DestinationDn.`,
    'rows select=StartTime,SourceDn,DestinationDn',
  ],
  [
    'rows filter=',
    '"filter=" is not valid: filter must be an OData expression, e.g. filter="Answered eq true".',
    'rows filter="Answered eq true"',
  ],
  [
    'rows filter=""',
    '"filter=""" is not valid: filter must be an OData expression, e.g. filter="Answered eq true".',
    'rows filter="Answered eq true"',
  ],
  [
    'rows filter="true) or (false"',
    `"filter="true) or (false"" is not valid: Syntax error: unexpected ')' at token 2; filter must be an OData expression, e.g. filter="Answered eq true".`,
    'rows filter="Answered eq true"',
  ],
  [
    'rows filter="Nope eq 1"',
    `"filter="Nope eq 1"" is not valid: Could not find a property named 'Nope' on type 'Pbx.CallLogData'; filter must be an OData expression, e.g. filter="Answered eq true".`,
    'rows filter="Answered eq true"',
  ],
  [
    'rows filter="SourceDn eq 101"',
    `"filter="SourceDn eq 101"" is not valid: A binary operator with incompatible types was detected. Found operand types 'Edm.String' and 'Edm.Int32' for operator kind 'eq'; filter must be an OData expression, e.g. filter="Answered eq true".`,
    'rows filter="Answered eq true"',
  ],
  [
    'rows orderby="StartTime sideways"',
    `"orderby="StartTime sideways"" is not valid: 'StartTime sideways' is not a field name followed by asc or desc; orderby must be call-log field names, each optionally followed by asc or desc, separated by commas, e.g. orderby="StartTime desc".`,
    'rows orderby="StartTime desc"',
  ],
  [
    'rows expand=X',
    `"expand=X" is not valid: Could not find a property named 'X' on type 'Pbx.CallLogData'; expand must be call-log field names separated by commas, e.g. expand=Recordings.`,
    'rows expand=Recordings',
  ],
  ['rows top=1 top=2', '"top=" is given twice ("top=1" and "top=2"): give it once.', 'rows top=1'],
  [
    'colour=red',
    'I don\'t know the option "colour=red". Options are source-type=, source=, dest-type=, dest=, calls-type=, time-filter=, time-from=, time-to=, pcalls=, top=, skip=, search=, filter=, count=, select=, orderby=, expand=, from=, to= and the word count.',
    'today',
  ],
  [
    'ordrby="StartTime desc" rows',
    'I don\'t know the option "ordrby="StartTime desc"" (did you mean "orderby="?). Options are source-type=, source=, dest-type=, dest=, calls-type=, time-filter=, time-from=, time-to=, pcalls=, top=, skip=, search=, filter=, count=, select=, orderby=, expand=, from=, to= and the word count.',
    'orderby="StartTime desc" rows',
  ],
  ['ext=101', 'Filters take a space, not "=": write "ext 101" instead of "ext=101".', 'ext 101'],
  ['ext', '"ext" needs an extension number, e.g. "ext 101" or "ext 101,102".', 'ext 101'],
  [
    'ext abc yesterday',
    '"ext abc": "ext" needs an extension number, e.g. "ext 101" or "ext 101,102".',
    'ext 101 yesterday',
  ],
  ['ext yesterday', '"ext" needs an extension number, e.g. "ext 101" or "ext 101,102".', 'ext 101 yesterday'],
  ['queue', '"queue" needs a queue number, e.g. "queue 800".', 'queue 800'],
  ['queue sales', '"queue sales": "queue" needs a queue number, e.g. "queue 800".', 'queue 800'],
  ['number', '"number" needs a phone number (3 or more digits), e.g. "number +442071234567".', 'number 4420'],
  [
    'number 12',
    '"number 12" is too short: a number filter needs 3 or more digits, e.g. "number 4420".',
    'number 4420',
  ],
  [
    'number 1-2 yesterday',
    '"number 1-2" is too short: a number filter needs 3 or more digits, e.g. "number 4420".',
    'number 4420 yesterday',
  ],
  [
    'number abc',
    '"number abc": "number" needs a phone number (3 or more digits), e.g. "number +442071234567".',
    'number 4420',
  ],
  ['2027-01-01', '"2027-01-01" is in the future: it is now Wed 18 Nov 2026 14:30 (Europe/Berlin).', 'today'],
  [
    'since 2027-01-01',
    '"since 2027-01-01" is in the future: it is now Wed 18 Nov 2026 14:30 (Europe/Berlin).',
    'today',
  ],
  ['last 500 days', '"last 500 days" is too long: a period may cover at most 400 days.', 'last 400 days'],
  [
    'last 9999999999999 hours',
    '"last 9999999999999 hours" is too long: a period may cover at most 400 days.',
    'last 400 days',
  ],
  [
    'last 7',
    '"last 7" needs a unit: days, weeks, months, hours or minutes, e.g. "last 7 days".',
    'last 7 days',
  ],
  ['last 0 days', '"last 0 days" is empty: count at least 1.', 'today'],
  ['since', '"since" needs a day, e.g. "since monday" or "since nov 3".', 'today'],
  ['nov 15 - nov 1', '"nov 15 - nov 1" ends before it starts.', '2026-11-01..2026-11-15'],
  ['2026-11-15..2026-11-01', '"2026-11-15..2026-11-01" ends before it starts.', '2026-11-01..2026-11-15'],
  [
    'from nov 5 to nov 1 missed',
    '"from nov 5 to nov 1" ends before it starts.',
    '2026-11-01..2026-11-05 missed',
  ],
  ['feb 30', '"feb 30" is not a date.', 'today'],
  ['2026-13-01', '"2026-13-01" is not a date.', 'today'],
  ['nov 45', '"nov 45" is not a date.', 'today'],
  ['between nov 1', '"between nov 1" needs an end, e.g. "between nov 1 and nov 15".', 'today'],
  [
    'to=2026-11-01T12:00',
    '"to=2026-11-01T12:00" needs a start: add from=, e.g. "from=2026-11-01T08:00 to=2026-11-01T12:00".',
    'today',
  ],
  [
    'from=yesterday',
    '"from=yesterday" is not valid: from must be an ISO date-time such as from=2026-11-01T08:00 (in your time zone) or from=2026-11-01T07:00Z.',
    'today',
  ],
  [
    'from=2026-11-01T12:00 to=2026-11-01T08:00',
    '"from=2026-11-01T12:00" must be before "to=2026-11-01T08:00".',
    'today',
  ],
  [
    'from=2026-11-01T08:00 from=2026-11-02T08:00',
    '"from=" is given twice ("from=2026-11-01T08:00" and "from=2026-11-02T08:00"): give it once.',
    'from=2026-11-01T08:00',
  ],
  [
    'filter="Answered eq true rows',
    'The quote in "filter="Answered eq true rows" is not closed.',
    'rows filter="Answered eq true"',
  ],
  ['tomorrow', 'I didn\'t understand "tomorrow" (did you mean "today"?).', 'today'],
  [
    'who called the most last week',
    'I didn\'t understand "who called" (did you mean "top callers"?) and "most".',
    'top callers last week',
  ],
  ['who called most', 'I didn\'t understand "who called most" (did you mean "top callers"?).', 'top callers'],
  // A trend said as an adjective points to its words.
  ['daily calls last week', 'I didn\'t understand "daily" (did you mean "by day"?).', 'by day last week'],
  [
    'monthly missed this year',
    'I didn\'t understand "monthly" (did you mean "by month"?).',
    'by month missed this year',
  ],
  // Questions about call-backs point to the view that answers them.
  ['callbacks today', 'I didn\'t understand "callbacks" (did you mean "unreturned"?).', 'unreturned today'],
  [
    'missed callers still waiting yesterday',
    'I didn\'t understand "callers still waiting" (did you mean "unreturned"?).',
    'missed unreturned yesterday',
  ],
  [
    'who has not been called back queue 800',
    'I didn\'t understand "who has not been called back" (did you mean "unreturned"?).',
    'unreturned queue 800',
  ],
  [
    'calls by caller last week',
    'There is no table by caller: for the callers who called most say "top callers".',
    'top callers last week',
  ],
  [
    'by numbers yesterday',
    'There is no table by caller: for the callers who called most say "top callers".',
    'top callers yesterday',
  ],
  [
    'yesterday between 9 and 5',
    '"between 9 and 5" is not a period I know: for hours of a day write "yesterday 9am-5pm" or "yesterday between 9:00 and 17:00"; for days name the month, "nov 9 - nov 15".',
    'yesterday',
  ],
  [
    '9-5',
    '"9-5" is not a period I know: for hours of a day write "yesterday 9am-5pm" or "yesterday between 9:00 and 17:00"; for days name the month, "nov 9 - nov 15".',
    'today',
  ],
  // Figures every summary shows anyway: said so, with the command without them.
  [
    'waiting time yesterday',
    'I didn\'t understand "waiting time". Every summary shows the service level, talk and wait times, and each queue\'s abandoned calls: ask for the period and filters alone.',
    'yesterday',
  ],
  [
    "what's our service level this week",
    'I didn\'t understand "service level". Every summary shows the service level, talk and wait times, and each queue\'s abandoned calls: ask for the period and filters alone.',
    'this week',
  ],
  [
    'abandoned calls in queue 800 today',
    'I didn\'t understand "abandoned". Every summary shows the service level, talk and wait times, and each queue\'s abandoned calls: ask for the period and filters alone.',
    'queue 800 today',
  ],
  ['"quoted words"', 'I didn\'t understand "quoted words".', 'today'],
  ['ext 101 &lt;b&gt;', 'I didn\'t understand "<b>".', 'ext 101'],
  ['<at>Calls</at> yesterday', 'I didn\'t understand "<at>Calls</at>".', 'yesterday'],
  ['nov 1 -', 'I didn\'t understand "-".', 'nov 1'],
];

describe('malformed commands are refused with a clear message and a working example', () => {
  test.each(MALFORMED)('%s', (command, message, example) => {
    const error = parseError(command, context);
    expect(error).toBeInstanceOf(CommandError);
    expect(error.kind).toBe('command');
    expect(error.message).toBe(message);
    expect(error.example).toBe(example);
    expect(error.hint).toBe(`Try: ${example}`);
  });

  test.each(MALFORMED)('the example for %s is itself a working command', (command) => {
    const example = parseError(command, context).example!;
    expect(() => parseOk(example, context)).not.toThrow();
  });
});

describe('error details', () => {
  test('every unreadable word is quoted, grouped by position', () => {
    const error = parseError('foo yesterday bar baz ext 101', context);
    expect(error.message).toBe('I didn\'t understand "foo" and "bar baz".');
    expect(error.example).toBe('yesterday ext 101');
  });

  test('unknown words and other problems are all reported at once', () => {
    const error = parseError('blursday top=5 answered missed', context);
    expect(error.message).toBe(
      'I didn\'t understand "blursday" (did you mean "thursday"?). "answered" and "missed" together match no call: choose one. "top=5" works only with the rows view: add "rows".',
    );
    expect(error.example).toBe('rows thursday top=5 answered');
  });

  test('a typo suggestion is offered only when the corrected command works', () => {
    // "thu" would be a second period next to "yesterday", so no "did you mean" for it; the
    // filler "the" is left out of the example (issue 17: examples hold only what was understood).
    const error = parseError('yesterday the thx', context);
    expect(error.message).toBe('I didn\'t understand "thx".');
    expect(error.example).toBe('yesterday');
  });

  test('the words are quoted as typed, not lower-cased', () => {
    expect(parseError('Ext 101 BLURSDAY', context).message).toBe(
      'I didn\'t understand "BLURSDAY" (did you mean "thursday"?).',
    );
  });

  test('the longest period follows maxPeriodDays', () => {
    const error = parseError('last 31 days', { ...context, maxPeriodDays: 30 });
    expect(error.message).toBe('"last 31 days" is too long: a period may cover at most 30 days.');
    expect(error.example).toBe('last 30 days');
    expect(parseError('this month', { ...context, maxPeriodDays: 10 }).message).toBe(
      '"this month" is too long: a period may cover at most 10 days.',
    );
  });

  test('a very long text is refused quickly, before it is read', () => {
    const error = parseError(`yesterday ${'"a '.repeat(20_000)}`, context);
    expect(error.message).toBe('A command may be at most 1000 characters long; this one has 60010.');
    expect(error.example).toBe('last week ext 101');
    expect(parseOk(`yesterday${' '.repeat(990)}`, context).view).toBe('summary');
  });

  test('an invalid time zone is an error, not an exception', () => {
    const error = parseError('yesterday', { now: context.now, timeZone: 'Mars/Olympus' });
    expect(error.message).toBe('The time zone "Mars/Olympus" or the clock is not valid.');
  });

  test('an invalid clock is an error, not an exception', () => {
    expect(parseError('yesterday', { now: new Date(Number.NaN), timeZone: 'Europe/Berlin' }).message).toBe(
      'The time zone "Europe/Berlin" or the clock is not valid.',
    );
  });
});
