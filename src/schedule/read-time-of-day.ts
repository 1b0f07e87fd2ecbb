import type { ScheduleWord } from './schedule-words';

/** A local time of day, 24-hour. */
export interface TimeOfDay {
  hour: number;
  minute: number;
}

/** `next`: the index after the words read (on failure, after the words that made the bad time). */
export type TimeReading =
  | { ok: true; time: TimeOfDay; next: number }
  | { ok: false; message: string; next: number };

const TIME = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm|a\.m\.|p\.m\.)?$/;
const MERIDIEM = /^(am|pm|a\.m\.|p\.m\.)$/;

/**
 * Reads `8`, `08:00`, `8:30`, `8am`, `8:30pm`, `8 pm`, `noon`, `midnight` starting at `index`.
 * Hours 0-23, or 1-12 with am/pm.
 */
export function readTimeOfDay(words: readonly ScheduleWord[], index: number): TimeReading {
  const word = words[index];
  if (!word) return { ok: false, message: 'Say at what time, e.g. "at 8:00".', next: index };
  if (word.lower === 'noon') return { ok: true, time: { hour: 12, minute: 0 }, next: index + 1 };
  if (word.lower === 'midnight') return { ok: true, time: { hour: 0, minute: 0 }, next: index + 1 };
  const match = TIME.exec(word.lower);
  if (!match || word.quoted) {
    return {
      ok: false,
      message: `"${word.text}" is not a time of day: write e.g. 8:00, 17:30 or 8:30pm.`,
      next: index,
    };
  }
  let next = index + 1;
  let meridiem = match[3];
  const following = words[next];
  if (!meridiem && following && MERIDIEM.test(following.lower)) {
    meridiem = following.lower;
    next++;
  }
  const hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const spelled = match[3] || !meridiem ? word.text : `${word.text}${meridiem}`;
  const outOfRange = `"${spelled}" is not a time of day: use 0:00 to 23:59, or 1:00 to 12:59 with am/pm.`;
  if (minute > 59) return { ok: false, message: outOfRange, next };
  if (meridiem) {
    if (hour < 1 || hour > 12) return { ok: false, message: outOfRange, next };
    const pm = meridiem.startsWith('p');
    return { ok: true, time: { hour: (hour % 12) + (pm ? 12 : 0), minute }, next };
  }
  if (hour > 23) return { ok: false, message: outOfRange, next };
  return { ok: true, time: { hour, minute }, next };
}

/** True when the word can only be a time (`8:00`, `8am`), so `at` may be left out before it. */
export function looksLikeTime(word: ScheduleWord | undefined): boolean {
  if (!word || word.quoted) return false;
  const match = TIME.exec(word.lower);
  return match !== null && (match[2] !== undefined || match[3] !== undefined);
}

/** `08:00`: how descriptions show a time. */
export function formatTimeOfDay(time: TimeOfDay): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}
