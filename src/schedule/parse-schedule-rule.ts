import { suggestKeyword } from '../commands/suggest-keyword';
import { unescapeCommandText } from '../commands/unescape-command-text';
import { CommandError } from '../core/errors';
import { buildCronRule, buildScheduleRule, type RuleSpec, toOrdinal } from './build-schedule-rule';
import type { ScheduleRule } from './digest-schedule';
import { looksLikeTime, readTimeOfDay, type TimeOfDay } from './read-time-of-day';
import { readWeekdays, WEEKDAY_WORDS } from './read-weekdays';
import { listRuleExamples, SCHEDULE_EXAMPLE } from './schedule-usage';
import { type ScheduleWord, splitScheduleWords } from './schedule-words';
import { validateCronRule } from './validate-cron-rule';

export type RuleResult = { ok: true; rule: ScheduleRule } | { ok: false; error: CommandError };
export type RuleReading = { ok: true; rule: ScheduleRule; next: number } | { ok: false; error: CommandError };

/** The text being read, for errors that quote it and show a corrected `schedule …` command. */
interface Source {
  words: readonly ScheduleWord[];
  text: string;
  /** Put before the fixed text to make a whole command (`schedule `), unless the text has it. */
  prefix: string;
}

/** A correction: replace the text between two offsets (`''` deletes, equal offsets insert). */
interface Fix {
  start: number;
  end: number;
  text: string;
}

type Unit = { kind: 'days'; days: number[] } | { kind: 'hour' } | { kind: 'month' };

const UNIT_WORDS = ['day', 'weekday', 'workday', 'hour', 'month', ...WEEKDAY_WORDS];
/** Words that stand for `every <unit>`. */
const SHORTCUT_UNITS: ReadonlyMap<string, string> = new Map([
  ['daily', 'day'],
  ['weekdays', 'weekday'],
  ['workdays', 'weekday'],
  ['hourly', 'hour'],
  ['monthly', 'month'],
]);
const DAY_OF_MONTH = /^(\d{1,2})(st|nd|rd|th)?$/;

/**
 * Reads a whole `<when>`: `every weekday at 8:00` -> `0 8 * * 1-5`, "every weekday at 08:00".
 * See `readScheduleRule` for the forms.
 */
export function parseScheduleRule(text: string): RuleResult {
  const plain = unescapeCommandText(text);
  const source = { words: splitScheduleWords(plain), text: plain, prefix: 'schedule ' };
  const reading = readScheduleRule(source.words, 0, plain, source.prefix);
  if (!reading.ok) return reading;
  const extra = source.words[reading.next];
  if (extra) {
    const message = `"${plain.slice(extra.start).trim()}" is not part of a schedule. ${describeForms()}`;
    return { ok: false, error: fail(source, message, { start: extra.start, end: plain.length, text: '' }) };
  }
  return { ok: true, rule: reading.rule };
}

/**
 * Reads `<when>` from `words[start]` on and says where it ends: `every day at 8`, `daily at 8am`,
 * `every weekday at 8:00` (`weekdays`, `every workday`), `every monday at 9`, `every mon,wed at
 * 9:15`, `every mon-fri at 17:30`, `every hour` (`hourly`, `every hour at :30`), `every month on
 * the 1st at 7:00` (1st-28th, or `the last day`), or a 5-field cron expression in quotes. `text`
 * is what the words were split from; error examples are `prefix` + `text` corrected.
 */
export function readScheduleRule(
  words: readonly ScheduleWord[],
  start: number,
  text: string,
  prefix = '',
): RuleReading {
  const source: Source = { words, text, prefix };
  const first = words[start];
  if (!first) return failed(source, `Say when the digest runs. ${describeForms()}`);
  if (first.quoted) {
    const check = validateCronRule(first.text);
    if (!check.ok) return failed(source, check.message);
    return { ok: true, rule: buildCronRule(check.cron), next: start + 1 };
  }
  const shortcut = SHORTCUT_UNITS.get(first.lower);
  if (shortcut) return readClauses(source, toUnit(shortcut), start + 1, first.end);
  if (first.lower === 'every' || first.lower === 'each') return readUnit(source, start + 1);
  const insertEvery = readWeekdays(words, start)
    ? { start: first.start, end: first.start, text: 'every ' }
    : undefined;
  const message = `A schedule starts with "every" (or a cron expression in quotes), not "${first.text}". ${describeForms()}`;
  return failed(source, message, insertEvery);
}

function readUnit(source: Source, index: number): RuleReading {
  const { words } = source;
  const word = words[index];
  const previous = words[index - 1]!;
  if (!word) return failed(source, `Say what "${previous.text}" means. ${describeForms()}`);
  const lower = word.lower;
  if (['day', 'days'].includes(lower)) return readClauses(source, toUnit('day'), index + 1, word.end);
  if (['weekday', 'weekdays', 'workday', 'workdays'].includes(lower)) {
    return readClauses(source, toUnit('weekday'), index + 1, word.end);
  }
  const dayAfter = words[index + 1];
  if (['working', 'business'].includes(lower) && dayAfter?.lower === 'day') {
    return readClauses(source, toUnit('weekday'), index + 2, dayAfter.end);
  }
  if (lower === 'hour') return readClauses(source, { kind: 'hour' }, index + 1, word.end);
  if (lower === 'month') return readClauses(source, { kind: 'month' }, index + 1, word.end);
  const weekdays = readWeekdays(words, index);
  if (weekdays) {
    const end = words[weekdays.next - 1]!.end;
    return readClauses(source, { kind: 'days', days: weekdays.days }, weekdays.next, end);
  }
  if (/^\d+$/.test(lower) && /^(hours?|minutes?|mins?)$/.test(dayAfter?.lower ?? '')) {
    const hours = dayAfter!.lower.startsWith('h');
    const cron = hours ? `0 */${lower} * * *` : `*/${lower} * * * *`;
    const message = `Intervals are written as cron in quotes: "${cron}" (a digest runs at most every 15 minutes).`;
    return failed(source, message, { start: previous.start, end: dayAfter!.end, text: `"${cron}"` });
  }
  const suggestion = suggestKeyword(word.text, UNIT_WORDS);
  const meant = suggestion ? ` Did you mean "${suggestion}"?` : '';
  const message = `I could not read "${previous.text} ${word.text}" as a schedule.${meant} ${describeForms()}`;
  return failed(
    source,
    message,
    suggestion ? { start: word.start, end: word.end, text: suggestion } : undefined,
  );
}

function readClauses(source: Source, unit: Unit, index: number, unitEnd: number): RuleReading {
  const { words } = source;
  let time: TimeOfDay | undefined;
  let minute: number | undefined;
  let day: number | 'last' | undefined;
  let next = index;
  let end = unitEnd;
  for (;;) {
    const word = words[next];
    if (!word || word.quoted) break;
    const hasTime = time !== undefined || minute !== undefined;
    if ((word.lower === 'at' || looksLikeTime(word)) && !hasTime) {
      const at = word.lower === 'at' ? next + 1 : next;
      if (unit.kind === 'hour') {
        const reading = readMinute(source, at);
        if (!reading.ok) return reading;
        minute = reading.minute;
        next = reading.next;
      } else {
        const reading = readTimeOfDay(words, at);
        const bad = words[at];
        const badEnd = words[Math.max(at, reading.next - 1)]?.end ?? bad?.end ?? 0;
        const fix = bad ? { start: bad.start, end: badEnd, text: '8:00' } : undefined;
        if (!reading.ok) return failed(source, reading.message, fix);
        time = reading.time;
        next = reading.next;
      }
    } else if (word.lower === 'on' && unit.kind === 'month' && day === undefined) {
      const reading = readDayOfMonth(source, next + 1);
      if (!reading.ok) return reading;
      day = reading.day;
      next = reading.next;
    } else {
      break;
    }
    end = words[next - 1]!.end;
  }
  return finishRule(source, unit, { time, minute, day }, { next, end });
}

function finishRule(
  source: Source,
  unit: Unit,
  parts: { time?: TimeOfDay; minute?: number; day?: number | 'last' },
  at: { next: number; end: number },
): RuleReading {
  const insert = (text: string): Fix => ({ start: at.end, end: at.end, text });
  let spec: RuleSpec;
  if (unit.kind === 'hour') {
    spec = { kind: 'hourly', minute: parts.minute ?? 0 };
  } else if (unit.kind === 'month') {
    if (parts.day === undefined) {
      return failed(
        source,
        'Say which day of the month, e.g. "every month on the 1st at 7:00".',
        insert(' on the 1st'),
      );
    }
    if (!parts.time)
      return failed(source, 'Say at what time, e.g. "every month on the 1st at 7:00".', insert(' at 7:00'));
    spec = { kind: 'monthly', day: parts.day, time: parts.time };
  } else {
    if (!parts.time)
      return failed(source, 'Say at what time, e.g. "every weekday at 8:00".', insert(' at 8:00'));
    spec = { kind: 'weekly', days: unit.days, time: parts.time };
  }
  return { ok: true, rule: buildScheduleRule(spec), next: at.next };
}

function readMinute(
  source: Source,
  index: number,
): { ok: true; minute: number; next: number } | { ok: false; error: CommandError } {
  const word = source.words[index];
  const match = word && !word.quoted ? /^(?:0?0?:)?(\d{1,2})$/.exec(word.lower) : null;
  const minute = match ? Number(match[1]) : Number.NaN;
  if (!word || !(minute >= 0 && minute <= 59)) {
    const fix = word ? { start: word.start, end: word.end, text: ':30' } : undefined;
    return failed(source, 'Say at which minute of the hour, e.g. "every hour at :30".', fix);
  }
  return { ok: true, minute, next: index + 1 };
}

function readDayOfMonth(
  source: Source,
  index: number,
): { ok: true; day: number | 'last'; next: number } | { ok: false; error: CommandError } {
  const { words } = source;
  let at = words[index]?.lower === 'the' ? index + 1 : index;
  let word = words[at];
  if (word?.lower === 'day' && DAY_OF_MONTH.test(words[at + 1]?.lower ?? '')) word = words[++at];
  if (word?.lower === 'last') {
    const next = words[at + 1]?.lower === 'day' ? at + 2 : at + 1;
    return { ok: true, day: 'last', next };
  }
  if (word?.lower === 'first') return { ok: true, day: 1, next: at + 1 };
  const match = word && !word.quoted ? DAY_OF_MONTH.exec(word.lower) : null;
  const day = match ? Number(match[1]) : Number.NaN;
  if (word && day >= 29 && day <= 31) {
    const message = `Not every month has a ${toOrdinal(day)}, so that digest would skip months: choose the 1st to the 28th, or "the last day".`;
    return failed(source, message, { start: word.start, end: word.end, text: 'last day' });
  }
  if (!word || !(day >= 1 && day <= 28)) {
    const fix = word ? { start: word.start, end: word.end, text: '1st' } : undefined;
    return failed(source, 'Say which day of the month, e.g. "on the 1st" or "on the last day".', fix);
  }
  return { ok: true, day, next: at + 1 };
}

function toUnit(name: string): Unit {
  if (name === 'hour') return { kind: 'hour' };
  if (name === 'month') return { kind: 'month' };
  return { kind: 'days', days: name === 'weekday' ? [1, 2, 3, 4, 5] : [1, 2, 3, 4, 5, 6, 0] };
}

function describeForms(): string {
  return `Schedules look like: ${listRuleExamples()}.`;
}

function failed(source: Source, message: string, fix?: Fix): { ok: false; error: CommandError } {
  return { ok: false, error: fail(source, message, fix) };
}

/** The example shows the command with the fix applied, or a standard example without one. */
function fail(source: Source, message: string, fix?: Fix): CommandError {
  if (!fix) return new CommandError(message, SCHEDULE_EXAMPLE);
  const fixed = `${source.text.slice(0, fix.start)}${fix.text}${source.text.slice(fix.end)}`;
  return new CommandError(message, `${source.prefix}${fixed}`.replace(/\s+/g, ' ').trim());
}
