import { toConversationColumns } from './conversation-columns';
import type { DigestRun, DigestSchedule } from './digest-schedule';
import {
  type ColumnReaders,
  type RunColumns,
  runFromColumns,
  type ScheduleColumns,
  scheduleFromColumns,
} from './schedule-columns';

/** A `digest_schedules` row as SQLite returns it (times as epoch ms, flags as 0/1). */
export type ScheduleRow = ScheduleColumns<number, number>;

/** A `digest_runs` row as SQLite returns it. */
export type RunRow = RunColumns<number, number>;

const SQLITE_READERS: ColumnReaders<number, number> = {
  time: (value) => new Date(value),
  flag: (value) => value === 1,
};

export function toScheduleRow(schedule: DigestSchedule): ScheduleRow {
  return {
    id: schedule.id,
    ...toConversationColumns(schedule.target, schedule.creator),
    time_zone: schedule.timeZone,
    locale: schedule.locale ?? null,
    cron: schedule.rule.cron,
    rule_description: schedule.rule.description,
    command: schedule.command,
    created_at: schedule.createdAt.getTime(),
    enabled: schedule.enabled ? 1 : 0,
  };
}

export function fromScheduleRow(row: ScheduleRow): DigestSchedule {
  return scheduleFromColumns(row, SQLITE_READERS);
}

export function fromRunRow(row: RunRow): DigestRun {
  return runFromColumns(row, SQLITE_READERS);
}
