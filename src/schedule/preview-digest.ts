import { DigestAccessRevokedError } from '../access/authorize-digest-run';
import { toErrorReply } from '../chat/to-error-reply';
import type { Logger } from '../core/logger';
import type { Reply } from '../core/reply';
import type { DigestReportRunner } from './create-digest-report-runner';
import type { DigestSchedule } from './digest-schedule';
import { buildFailureNotice } from './run-digest-occurrence';

/** What a preview needs: the scheduler's own runner, and where report failures are logged. */
export interface DigestPreviewDeps {
  runReport: DigestReportRunner;
  logger: Logger;
}

/**
 * What the digest would post if it ran at `at` (the playground's "Run now"), produced by the
 * runner the scheduler uses, as the creator's rights allow now. Nothing is claimed or recorded:
 * the store is not touched, so the digest's next occurrence and last run stay as they were. A
 * report that cannot be produced gives the notice the scheduler would post; a creator who lost
 * access gives the stop notice, but the digest is not disabled (only a real run does that).
 */
export async function previewDigest(
  deps: DigestPreviewDeps,
  schedule: DigestSchedule,
  at: Date,
): Promise<Reply> {
  try {
    return await deps.runReport(schedule, at);
  } catch (error) {
    if (error instanceof DigestAccessRevokedError) return error.notice;
    const failure = toErrorReply(error, deps.logger, { scheduleId: schedule.id, input: 'digest preview' });
    return buildFailureNotice(schedule, at, failure.message, failure.hint);
  }
}
