import { CronPattern } from 'croner';

/** The shortest time allowed between two runs of a quoted cron rule. */
export const MIN_INTERVAL_MINUTES = 15;

export type CronCheck = { ok: true; cron: string } | { ok: false; message: string };

const ALLOWED_CHARACTERS = /^[0-9a-z*,/\-#\s]+$/i;

/**
 * Accepts a standard 5-field cron expression (minute hour day-of-month month day-of-week; names
 * like MON and JAN, ranges, lists, steps, croner's L W #), read later in the schedule's zone.
 * Refuses seconds and years (6 or 7 fields), nicknames (`@daily`), `?` (croner fills it with the
 * current time) and anything that runs more often than every 15 minutes.
 */
export function validateCronRule(expression: string): CronCheck {
  const cron = expression.trim().replace(/\s+/g, ' ');
  if (cron === '') return { ok: false, message: 'The cron expression in quotes is empty.' };
  if (!ALLOWED_CHARACTERS.test(cron)) {
    return {
      ok: false,
      message: `"${cron}" is not a cron expression calls-bot accepts: use digits, names (MON, JAN), * , - / and L W #.`,
    };
  }
  const fields = cron.split(' ');
  if (fields.length !== 5) {
    const extra = fields.length > 5 ? ' Seconds and years are not supported.' : '';
    return {
      ok: false,
      message: `A cron expression has 5 fields (minute hour day-of-month month day-of-week); "${cron}" has ${fields.length}.${extra}`,
    };
  }
  let pattern: CronPattern;
  try {
    pattern = new CronPattern(cron, undefined, { mode: '5-part' });
  } catch (error) {
    const detail =
      error instanceof Error ? error.message.replace(/^CronPattern:\s*/, '').replace(/\.$/, '') : '';
    return { ok: false, message: `"${cron}" is not a valid cron expression: ${detail}.` };
  }
  const gapMinutes = measureShortestGapMinutes(pattern);
  if (gapMinutes < MIN_INTERVAL_MINUTES) {
    const often = gapMinutes === 1 ? 'every minute' : `${gapMinutes} minutes apart`;
    return {
      ok: false,
      message: `A digest may run at most every ${MIN_INTERVAL_MINUTES} minutes; "${cron}" runs ${often}.`,
    };
  }
  return { ok: true, cron };
}

/** The closest two runs can be, from the minute and hour fields (wrapping into the next hour). */
function measureShortestGapMinutes(pattern: CronPattern): number {
  const minutes = indicesOf(pattern.minute);
  const hours = indicesOf(pattern.hour);
  let shortest = Number.POSITIVE_INFINITY;
  for (let index = 1; index < minutes.length; index++) {
    shortest = Math.min(shortest, minutes[index]! - minutes[index - 1]!);
  }
  const nextHourToo = hours.some((hour) => hours.includes((hour + 1) % 24));
  const first = minutes[0];
  const last = minutes.at(-1);
  if (nextHourToo && first !== undefined && last !== undefined)
    shortest = Math.min(shortest, 60 - last + first);
  return shortest;
}

function indicesOf(flags: readonly number[]): number[] {
  return flags.flatMap((flag, index) => (flag ? [index] : []));
}
