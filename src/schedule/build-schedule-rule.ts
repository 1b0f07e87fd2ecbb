import type { ScheduleRule } from './digest-schedule';
import { formatTimeOfDay, type TimeOfDay } from './read-time-of-day';
import { WEEKDAY_NAMES } from './read-weekdays';

/** A rule as the words described it, before it becomes cron. */
export type RuleSpec =
  /** `days`: cron day-of-week numbers (Sunday 0). */
  | { kind: 'weekly'; days: number[]; time: TimeOfDay }
  | { kind: 'hourly'; minute: number }
  /** `day`: 1-28, or `last`. */
  | { kind: 'monthly'; day: number | 'last'; time: TimeOfDay };

const WEEKDAYS = [1, 2, 3, 4, 5];

/** The cron expression and the description people read (`every weekday at 08:00`). */
export function buildScheduleRule(spec: RuleSpec): ScheduleRule {
  switch (spec.kind) {
    case 'weekly': {
      const at = `at ${formatTimeOfDay(spec.time)}`;
      const clock = `${spec.time.minute} ${spec.time.hour}`;
      const days = [...new Set(spec.days)].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
      if (days.length === 7) return { cron: `${clock} * * *`, description: `every day ${at}` };
      if (days.join(',') === WEEKDAYS.join(',')) {
        return { cron: `${clock} * * 1-5`, description: `every weekday ${at}` };
      }
      const names = days.map((day) => WEEKDAY_NAMES[day] ?? String(day));
      return { cron: `${clock} * * ${days.join(',')}`, description: `every ${joinAnd(names)} ${at}` };
    }
    case 'hourly': {
      const minute = String(spec.minute).padStart(2, '0');
      return {
        cron: `${spec.minute} * * * *`,
        description: spec.minute === 0 ? 'every hour' : `every hour at :${minute}`,
      };
    }
    case 'monthly': {
      const day = spec.day === 'last' ? 'L' : String(spec.day);
      const on = spec.day === 'last' ? 'the last day' : `the ${toOrdinal(spec.day)}`;
      return {
        cron: `${spec.time.minute} ${spec.time.hour} ${day} * *`,
        description: `every month on ${on} at ${formatTimeOfDay(spec.time)}`,
      };
    }
  }
}

/** A quoted cron rule keeps its expression as its description. */
export function buildCronRule(cron: string): ScheduleRule {
  return { cron, description: `cron "${cron}"` };
}

/** 1 -> `1st`, 2 -> `2nd`, 11 -> `11th`, 23 -> `23rd`. */
export function toOrdinal(value: number): string {
  const tens = value % 100;
  if (tens >= 11 && tens <= 13) return `${value}th`;
  const suffix = { 1: 'st', 2: 'nd', 3: 'rd' }[value % 10] ?? 'th';
  return `${value}${suffix}`;
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
