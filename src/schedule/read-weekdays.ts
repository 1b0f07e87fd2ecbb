import { WEEKDAY_WORDS as COMMAND_WEEKDAY_WORDS } from '../commands/command-vocabulary';
import type { ScheduleWord } from './schedule-words';

/** Cron day-of-week numbers (Sunday 0) by the names people type: the command language's words. */
const WEEKDAY_NUMBERS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(COMMAND_WEEKDAY_WORDS).map(([word, isoWeekday]) => [word, isoWeekday % 7]),
);

/** Names for descriptions, Monday first. */
export const WEEKDAY_NAMES: Readonly<Record<number, string>> = {
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
  6: 'Saturday',
  0: 'Sunday',
};

/** Every weekday word, for suggestions. */
export const WEEKDAY_WORDS: readonly string[] = Object.keys(WEEKDAY_NUMBERS);

/** `monday`, `mon`, `mondays` -> 1; undefined for anything else. */
export function toWeekdayNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  const singular = lower.endsWith('s') ? lower.slice(0, -1) : lower;
  if (Object.hasOwn(WEEKDAY_NUMBERS, lower)) return WEEKDAY_NUMBERS[lower];
  return Object.hasOwn(WEEKDAY_NUMBERS, singular) ? WEEKDAY_NUMBERS[singular] : undefined;
}

/**
 * Reads a list of weekdays from `index`: `monday`, `mon,wed`, `mon, wed and fri`, `mon-fri`,
 * `monday - friday` (ranges may wrap: `fri-mon`). Returns the cron numbers (sorted, Monday
 * first) and the index after the list, or undefined when the first word is no weekday.
 */
export function readWeekdays(
  words: readonly ScheduleWord[],
  index: number,
): { days: number[]; next: number } | undefined {
  const days = new Set<number>();
  let next = index;
  for (;;) {
    const item = readWeekdayItem(words, next);
    if (!item) break;
    for (const day of item.days) days.add(day);
    next = item.next;
    const separator = words[next]?.lower;
    const joined = separator === ',' || separator === 'and' || separator === '&';
    if (!joined || !readWeekdayItem(words, next + 1)) break;
    next++;
  }
  if (days.size === 0) return undefined;
  return { days: [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)), next };
}

function readWeekdayItem(
  words: readonly ScheduleWord[],
  index: number,
): { days: number[]; next: number } | undefined {
  const word = words[index];
  if (!word || word.quoted) return undefined;
  const [from, to, ...more] = word.lower.split('-');
  if (to !== undefined) {
    const first = toWeekdayNumber(from ?? '');
    const last = toWeekdayNumber(to);
    if (more.length > 0 || first === undefined || last === undefined) return undefined;
    return { days: spanDays(first, last), next: index + 1 };
  }
  const first = toWeekdayNumber(word.lower);
  if (first === undefined) return undefined;
  const dash = words[index + 1];
  const lastWord = words[index + 2];
  const last = lastWord && !lastWord.quoted ? toWeekdayNumber(lastWord.lower) : undefined;
  if (dash && (dash.lower === '-' || dash.lower === 'to') && last !== undefined) {
    return { days: spanDays(first, last), next: index + 3 };
  }
  return { days: [first], next: index + 1 };
}

/** `fri` to `mon` -> Fri, Sat, Sun, Mon. */
function spanDays(first: number, last: number): number[] {
  const days = [first];
  for (let day = first; day !== last; ) {
    day = (day + 1) % 7;
    days.push(day);
  }
  return days;
}
