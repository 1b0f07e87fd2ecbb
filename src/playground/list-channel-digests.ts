import { describeDigestRuns } from '../schedule/describe-digest-runs';
import type { ScheduleStore } from '../schedule/schedule-store';
import { PLAYGROUND_CONVERSATION } from './playground-channel';

/** A digest of the channel view, for its list with a "Run now" button. Times are in the digest's zone. */
export interface ChannelDigest {
  id: string;
  /** e.g. `every weekday at 08:00`. */
  description: string;
  timeZone: string;
  /** The report command it posts, e.g. `yesterday`. */
  command: string;
  /** `next Mon 2 Nov 2026 08:00`, `paused` or `no next run`, as `schedules` says it. */
  next: string;
  /** How its latest run went, as `schedules` says it (`no run yet`, `sent …`). */
  last: string;
}

/** The channel view's digests, oldest first, read from the schedule store as `schedules` reads them. */
export async function listChannelDigests(
  store: Pick<ScheduleStore, 'listSchedules' | 'getLastRun'>,
  now: Date,
): Promise<ChannelDigest[]> {
  const schedules = await store.listSchedules({
    platform: 'playground',
    conversationId: PLAYGROUND_CONVERSATION.id,
  });
  return Promise.all(
    schedules.map(async (schedule) => ({
      id: schedule.id,
      description: schedule.rule.description,
      timeZone: schedule.timeZone,
      command: schedule.command,
      ...(await describeDigestRuns(schedule, store, now)),
    })),
  );
}
