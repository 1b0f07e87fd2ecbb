import type {
  DigestCreator,
  DigestRun,
  DigestRunStatus,
  DigestSchedule,
  DigestTarget,
} from './digest-schedule';

/** A `digest_schedules` row as node-postgres returns it (timestamptz as `Date`). */
export interface PgScheduleRow {
  id: string;
  platform: DigestTarget['platform'];
  conversation_id: string;
  team_id: string | null;
  reference_key: string | null;
  conversation_label: string | null;
  creator_platform: DigestCreator['platform'];
  creator_id: string;
  creator_email: string | null;
  time_zone: string;
  cron: string;
  rule_description: string;
  command: string;
  created_at: Date;
  enabled: boolean;
}

/** A `digest_runs` row as node-postgres returns it. */
export interface PgRunRow {
  schedule_id: string;
  occurrence_at: Date;
  status: DigestRunStatus;
  attempts: number;
  lease_until: Date;
  reason: string | null;
  notice_sent: boolean;
  updated_at: Date;
}

/** The columns of `digest_schedules`, in the order `toScheduleParameters` gives their values. */
export const SCHEDULE_COLUMNS = [
  'id',
  'platform',
  'conversation_id',
  'team_id',
  'reference_key',
  'conversation_label',
  'creator_platform',
  'creator_id',
  'creator_email',
  'time_zone',
  'cron',
  'rule_description',
  'command',
  'created_at',
  'enabled',
] as const;

export function toScheduleParameters(schedule: DigestSchedule): unknown[] {
  const { target, creator } = schedule;
  return [
    schedule.id,
    target.platform,
    target.conversationId,
    target.teamId ?? null,
    target.referenceKey ?? null,
    target.label ?? null,
    creator.platform,
    creator.id,
    creator.email ?? null,
    schedule.timeZone,
    schedule.rule.cron,
    schedule.rule.description,
    schedule.command,
    schedule.createdAt,
    schedule.enabled,
  ];
}

export function fromPgScheduleRow(row: PgScheduleRow): DigestSchedule {
  return {
    id: row.id,
    target: {
      platform: row.platform,
      conversationId: row.conversation_id,
      ...(row.team_id !== null && { teamId: row.team_id }),
      ...(row.reference_key !== null && { referenceKey: row.reference_key }),
      ...(row.conversation_label !== null && { label: row.conversation_label }),
    },
    creator: {
      platform: row.creator_platform,
      id: row.creator_id,
      ...(row.creator_email !== null && { email: row.creator_email }),
    },
    timeZone: row.time_zone,
    rule: { cron: row.cron, description: row.rule_description },
    command: row.command,
    createdAt: row.created_at,
    enabled: row.enabled,
  };
}

export function fromPgRunRow(row: PgRunRow): DigestRun {
  return {
    scheduleId: row.schedule_id,
    occurrenceAt: row.occurrence_at,
    status: row.status,
    attempts: row.attempts,
    leaseUntil: row.lease_until,
    ...(row.reason !== null && { reason: row.reason }),
    noticeSent: row.notice_sent,
    updatedAt: row.updated_at,
  };
}
