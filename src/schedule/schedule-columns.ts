import { type ConversationColumns, creatorFromColumns, targetFromColumns } from './conversation-columns';
import type { DigestRun, DigestRunStatus, DigestSchedule } from './digest-schedule';

/**
 * The columns of `digest_schedules`, shared by SQLite and PostgreSQL; only how a database returns
 * times (`Time`) and flags (`Flag`) differs: epoch ms and 0/1 in SQLite, `Date` and boolean in pg.
 */
export interface ScheduleColumns<Time, Flag> extends ConversationColumns {
  id: string;
  time_zone: string;
  /** The creator's locale (migration 5); null for older digests. */
  locale: string | null;
  cron: string;
  rule_description: string;
  command: string;
  created_at: Time;
  enabled: Flag;
}

/** The columns of `digest_runs`, as above. */
export interface RunColumns<Time, Flag> {
  schedule_id: string;
  occurrence_at: Time;
  status: DigestRunStatus;
  attempts: number;
  lease_until: Time;
  reason: string | null;
  notice_sent: Flag;
  updated_at: Time;
}

/** How to read one database's times and flags. */
export interface ColumnReaders<Time, Flag> {
  time(value: Time): Date;
  flag(value: Flag): boolean;
}

export function scheduleFromColumns<Time, Flag>(
  row: ScheduleColumns<Time, Flag>,
  read: ColumnReaders<Time, Flag>,
): DigestSchedule {
  return {
    id: row.id,
    target: targetFromColumns(row),
    creator: creatorFromColumns(row),
    timeZone: row.time_zone,
    ...(row.locale !== null && { locale: row.locale }),
    rule: { cron: row.cron, description: row.rule_description },
    command: row.command,
    createdAt: read.time(row.created_at),
    enabled: read.flag(row.enabled),
  };
}

export function runFromColumns<Time, Flag>(
  row: RunColumns<Time, Flag>,
  read: ColumnReaders<Time, Flag>,
): DigestRun {
  return {
    scheduleId: row.schedule_id,
    occurrenceAt: read.time(row.occurrence_at),
    status: row.status,
    attempts: row.attempts,
    leaseUntil: read.time(row.lease_until),
    ...(row.reason !== null && { reason: row.reason }),
    noticeSent: read.flag(row.notice_sent),
    updatedAt: read.time(row.updated_at),
  };
}
