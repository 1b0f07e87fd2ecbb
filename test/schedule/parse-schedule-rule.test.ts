import { CommandError } from '../../src/core/errors';
import { parseScheduleRule } from '../../src/schedule/parse-schedule-rule';

function ruleOf(text: string) {
  const result = parseScheduleRule(text);
  if (!result.ok) throw new Error(`expected "${text}" to parse: ${result.error.message}`);
  return result.rule;
}

function errorOf(text: string): CommandError {
  const result = parseScheduleRule(text);
  if (result.ok) throw new Error(`expected "${text}" to be refused, got ${result.rule.cron}`);
  return result.error;
}

describe('parseScheduleRule: words to cron and a description', () => {
  it.each([
    ['every day at 8:00', '0 8 * * *', 'every day at 08:00'],
    ['every day at 8', '0 8 * * *', 'every day at 08:00'],
    ['Every Day At 08:00', '0 8 * * *', 'every day at 08:00'],
    ['daily at 8am', '0 8 * * *', 'every day at 08:00'],
    ['every day at 8:30pm', '30 20 * * *', 'every day at 20:30'],
    ['every day at 8 pm', '0 20 * * *', 'every day at 20:00'],
    ['every day at 12am', '0 0 * * *', 'every day at 00:00'],
    ['every day at 12pm', '0 12 * * *', 'every day at 12:00'],
    ['every day at noon', '0 12 * * *', 'every day at 12:00'],
    ['every day at midnight', '0 0 * * *', 'every day at 00:00'],
    ['every day 7:45', '45 7 * * *', 'every day at 07:45'],
    ['every weekday at 8:00', '0 8 * * 1-5', 'every weekday at 08:00'],
    ['weekdays at 8', '0 8 * * 1-5', 'every weekday at 08:00'],
    ['every workday at 17:30', '30 17 * * 1-5', 'every weekday at 17:30'],
    ['every working day at 9', '0 9 * * 1-5', 'every weekday at 09:00'],
    ['every monday at 9', '0 9 * * 1', 'every Monday at 09:00'],
    ['every mondays at 9', '0 9 * * 1', 'every Monday at 09:00'],
    ['every mon,wed at 9:15', '15 9 * * 1,3', 'every Monday and Wednesday at 09:15'],
    ['every mon, wed and fri at 9:15', '15 9 * * 1,3,5', 'every Monday, Wednesday and Friday at 09:15'],
    ['every sunday and saturday at 10', '0 10 * * 6,0', 'every Saturday and Sunday at 10:00'],
    ['every mon-fri at 8', '0 8 * * 1-5', 'every weekday at 08:00'],
    ['every fri - mon at 8', '0 8 * * 1,5,6,0', 'every Monday, Friday, Saturday and Sunday at 08:00'],
    ['every hour', '0 * * * *', 'every hour'],
    ['hourly', '0 * * * *', 'every hour'],
    ['every hour at :30', '30 * * * *', 'every hour at :30'],
    ['every month on the 1st at 7:00', '0 7 1 * *', 'every month on the 1st at 07:00'],
    ['every month on the 22nd at 7', '0 7 22 * *', 'every month on the 22nd at 07:00'],
    ['every month at 7:00 on day 3', '0 7 3 * *', 'every month on the 3rd at 07:00'],
    ['every month on the last day at 18:00', '0 18 L * *', 'every month on the last day at 18:00'],
    ['"30 7 * * 1-5"', '30 7 * * 1-5', 'cron "30 7 * * 1-5"'],
    ["'0  8 * * MON-FRI'", '0 8 * * MON-FRI', 'cron "0 8 * * MON-FRI"'],
    ['\u201c*/15 8-17 * * 1-5\u201d', '*/15 8-17 * * 1-5', 'cron "*/15 8-17 * * 1-5"'],
  ])('%s -> %s (%s)', (text, cron, description) => {
    expect(ruleOf(text)).toEqual({ cron, description });
  });
});

describe('parseScheduleRule: bad rules say what went wrong and show a working example', () => {
  it('answers "every blursday" with the forms and a near keyword', () => {
    const error = errorOf('every blursday');
    expect(error).toBeInstanceOf(CommandError);
    expect(error.message).toBe(
      'I could not read "every blursday" as a schedule. Did you mean "thursday"? Schedules look like: every day at 8:00, every weekday at 8:00, every monday at 9, every mon,wed at 9:15, every hour, every month on the 1st at 7:00, or a cron expression in quotes such as "30 7 * * 1-5".',
    );
    expect(error.example).toBe('schedule every thursday');
  });

  it.each([
    ['every day', 'Say at what time, e.g. "every weekday at 8:00".', 'schedule every day at 8:00'],
    [
      'every day at 25:00',
      '"25:00" is not a time of day: use 0:00 to 23:59, or 1:00 to 12:59 with am/pm.',
      'schedule every day at 8:00',
    ],
    [
      'every day at 13 pm',
      '"13pm" is not a time of day: use 0:00 to 23:59, or 1:00 to 12:59 with am/pm.',
      'schedule every day at 8:00',
    ],
    [
      'every day at soon',
      '"soon" is not a time of day: write e.g. 8:00, 17:30 or 8:30pm.',
      'schedule every day at 8:00',
    ],
    [
      'every month at 7',
      'Say which day of the month, e.g. "every month on the 1st at 7:00".',
      'schedule every month at 7 on the 1st',
    ],
    [
      'every month on the 31st at 7',
      'Not every month has a 31st, so that digest would skip months: choose the 1st to the 28th, or "the last day".',
      'schedule every month on the last day at 7',
    ],
    [
      'every hour at 75',
      'Say at which minute of the hour, e.g. "every hour at :30".',
      'schedule every hour at :30',
    ],
    [
      'every 5 minutes',
      'Intervals are written as cron in quotes: "*/5 * * * *" (a digest runs at most every 15 minutes).',
      'schedule "*/5 * * * *"',
    ],
    [
      'monday at 9',
      'A schedule starts with "every" (or a cron expression in quotes), not "monday". Schedules look like: every day at 8:00, every weekday at 8:00, every monday at 9, every mon,wed at 9:15, every hour, every month on the 1st at 7:00, or a cron expression in quotes such as "30 7 * * 1-5".',
      'schedule every monday at 9',
    ],
  ])('%s', (text, message, example) => {
    const error = errorOf(text);
    expect(error.message).toBe(message);
    expect(error.example).toBe(example);
  });

  it('is not fooled by names of built-in object properties', () => {
    for (const text of [
      'constructor at 8',
      'every constructor at 8',
      'every tostring at 8',
      'every __proto__ at 8',
    ]) {
      expect(parseScheduleRule(text).ok).toBe(false);
    }
  });

  it('refuses words after the rule when only a rule is asked for', () => {
    expect(errorOf('every day at 8 yesterday').message).toMatch(/^"yesterday" is not part of a schedule\./);
  });
});

describe('parseScheduleRule: quoted cron expressions', () => {
  it.each([
    ['"* * * * *"', 'A digest may run at most every 15 minutes; "* * * * *" runs every minute.'],
    ['"*/10 * * * *"', 'A digest may run at most every 15 minutes; "*/10 * * * *" runs 10 minutes apart.'],
    ['"0,5 8 * * *"', 'A digest may run at most every 15 minutes; "0,5 8 * * *" runs 5 minutes apart.'],
    ['"55,5 * * * *"', 'A digest may run at most every 15 minutes; "55,5 * * * *" runs 10 minutes apart.'],
    [
      '"0 0 8 * * *"',
      'A cron expression has 5 fields (minute hour day-of-month month day-of-week); "0 0 8 * * *" has 6. Seconds and years are not supported.',
    ],
    [
      '"0 8 * *"',
      'A cron expression has 5 fields (minute hour day-of-month month day-of-week); "0 8 * *" has 4.',
    ],
    ['"61 8 * * *"', '"61 8 * * *" is not a valid cron expression: Invalid value for minute: 61.'],
    [
      '"@daily"',
      '"@daily" is not a cron expression calls-bot accepts: use digits, names (MON, JAN), * , - / and L W #.',
    ],
    [
      '"? 8 * * *"',
      '"? 8 * * *" is not a cron expression calls-bot accepts: use digits, names (MON, JAN), * , - / and L W #.',
    ],
    ['""', 'The cron expression in quotes is empty.'],
  ])('refuses %s', (text, message) => {
    const error = errorOf(text);
    expect(error.message).toBe(message);
    expect(error.example).toBe('schedule every weekday at 8:00 last workday missed');
  });

  it('allows every 15 minutes, and close minutes in hours that do not follow each other', () => {
    expect(ruleOf('"*/15 * * * *"').cron).toBe('*/15 * * * *');
    expect(ruleOf('"50 8 * * *"').cron).toBe('50 8 * * *');
    expect(ruleOf('"55,5 8,10 * * *"').cron).toBe('55,5 8,10 * * *');
    expect(errorOf('"55,5 8,9 * * *"').message).toContain('runs 10 minutes apart');
  });
});
