import { nextOccurrence } from './compute-occurrences';
import { describeLastRun } from './describe-last-run';
import type { DigestSchedule } from './digest-schedule';
import { formatLocalDateTime } from './format-local-time';
import type { ScheduleStore } from './schedule-store';

/** A digest's timing as `schedules` shows it, in the digest's zone. */
export interface DigestRunsText {
  /** `next Mon 2 Nov 2026 08:00`, `paused` or `no next run`. */
  next: string;
  /** `sent Fri 30 Oct 2026 08:00`, `no run yet`, … (see `describeLastRun`). */
  last: string;
}

/** When the digest runs next (after `now`) and how its latest run went, read from the store. */
export async function describeDigestRuns(
  schedule: DigestSchedule,
  store: Pick<ScheduleStore, 'getLastRun'>,
  now: Date,
): Promise<DigestRunsText> {
  const next = schedule.enabled ? nextOccurrence(schedule.rule.cron, schedule.timeZone, now) : undefined;
  return {
    next: !schedule.enabled
      ? 'paused'
      : next
        ? `next ${formatLocalDateTime(next, schedule.timeZone)}`
        : 'no next run',
    last: describeLastRun(await store.getLastRun(schedule.id), schedule.timeZone),
  };
}
