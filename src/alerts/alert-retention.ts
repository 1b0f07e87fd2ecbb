import type { Logger } from '../core/logger';
import type { AlertStore } from './alert-store';
import { reasonOf } from './poller-post-alerts';

const DAY_MS = 86_400_000;
/** How often old alerts are looked for. */
export const RETENTION_SWEEP_MS = 60 * 60_000;

/**
 * ALERT_RETENTION_DAYS: alerts (with the caller's number and name they hold) are deleted once
 * they are older than that, by the poller holding the lease, at most once an hour (and at its
 * first poll). A failed sweep is logged and tried again at the next poll.
 */
export class AlertRetention {
  private lastSweepMs: number | undefined;

  constructor(
    private readonly store: Pick<AlertStore, 'deleteAlertsBefore'>,
    private readonly retentionDays: number,
    private readonly logger: Logger,
  ) {}

  /** Deletes what is past retention when the last sweep was an hour ago or more; never throws. */
  async sweepIfDue(now: Date): Promise<void> {
    const nowMs = now.getTime();
    if (this.lastSweepMs !== undefined && nowMs - this.lastSweepMs < RETENTION_SWEEP_MS) return;
    const before = new Date(nowMs - this.retentionDays * DAY_MS);
    try {
      const deleted = await this.store.deleteAlertsBefore(before);
      this.lastSweepMs = nowMs;
      if (deleted > 0) this.logger.info('old alerts deleted', { deleted, before: before.toISOString() });
    } catch (error) {
      this.logger.warn('old alerts could not be deleted; the next poll tries again', {
        reason: reasonOf(error),
      });
    }
  }
}
