import type {
  DigestCreator,
  DigestRun,
  DigestRunStatus,
  DigestSchedule,
  DigestTarget,
} from './digest-schedule';

/** A `digest_schedules` row as SQLite returns it. */
export interface ScheduleRow {
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
  created_at: number;
  enabled: number;
}

/** A `digest_runs` row as SQLite returns it. */
export interface RunRow {
  schedule_id: string;
  occurrence_at: number;
  status: DigestRunStatus;
  attempts: number;
  lease_until: number;
  reason: string | null;
  notice_sent: number;
  updated_at: number;
}

export function toScheduleRow(schedule: DigestSchedule): ScheduleRow {
  const { target, creator } = schedule;
  return {
    id: schedule.id,
    platform: target.platform,
    conversation_id: target.conversationId,
    team_id: target.teamId ?? null,
    reference_key: target.referenceKey ?? null,
    conversation_label: target.label ?? null,
    creator_platform: creator.platform,
    creator_id: creator.id,
    creator_email: creator.email ?? null,
    time_zone: schedule.timeZone,
    cron: schedule.rule.cron,
    rule_description: schedule.rule.description,
    command: schedule.command,
    created_at: schedule.createdAt.getTime(),
    enabled: schedule.enabled ? 1 : 0,
  };
}

export function fromScheduleRow(row: ScheduleRow): DigestSchedule {
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
    createdAt: new Date(row.created_at),
    enabled: row.enabled === 1,
  };
}

export function fromRunRow(row: RunRow): DigestRun {
  return {
    scheduleId: row.schedule_id,
    occurrenceAt: new Date(row.occurrence_at),
    status: row.status,
    attempts: row.attempts,
    leaseUntil: new Date(row.lease_until),
    ...(row.reason !== null && { reason: row.reason }),
    noticeSent: row.notice_sent === 1,
    updatedAt: new Date(row.updated_at),
  };
}
