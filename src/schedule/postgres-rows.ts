import { CONVERSATION_COLUMNS, conversationValues } from './conversation-columns';
import type { DigestRun, DigestSchedule } from './digest-schedule';
import {
  type ColumnReaders,
  type RunColumns,
  runFromColumns,
  type ScheduleColumns,
  scheduleFromColumns,
} from './schedule-columns';

/** A `digest_schedules` row as node-postgres returns it (timestamptz as `Date`). */
export type PgScheduleRow = ScheduleColumns<Date, boolean>;

/** A `digest_runs` row as node-postgres returns it. */
export type PgRunRow = RunColumns<Date, boolean>;

const PG_READERS: ColumnReaders<Date, boolean> = { time: (value) => value, flag: (value) => value };

/** The columns of `digest_schedules`, in the order `toScheduleParameters` gives their values. */
export const SCHEDULE_COLUMNS = [
  'id',
  ...CONVERSATION_COLUMNS,
  'time_zone',
  'locale',
  'cron',
  'rule_description',
  'command',
  'created_at',
  'enabled',
] as const;

export function toScheduleParameters(schedule: DigestSchedule): unknown[] {
  return [
    schedule.id,
    ...conversationValues(schedule.target, schedule.creator),
    schedule.timeZone,
    schedule.locale ?? null,
    schedule.rule.cron,
    schedule.rule.description,
    schedule.command,
    schedule.createdAt,
    schedule.enabled,
  ];
}

export function fromPgScheduleRow(row: PgScheduleRow): DigestSchedule {
  return scheduleFromColumns(row, PG_READERS);
}

export function fromPgRunRow(row: PgRunRow): DigestRun {
  return runFromColumns(row, PG_READERS);
}
