import type { DigestRun } from './digest-schedule';
import { formatLocalDateTime } from './format-local-time';

/** How `schedules` shows the latest run: `sent Fri 30 Oct 2026 08:00`, `failed … : reason`. */
export function describeLastRun(run: DigestRun | undefined, timeZone: string): string {
  if (!run) return 'no run yet';
  const when = formatLocalDateTime(run.occurrenceAt, timeZone);
  const reason = run.reason ? `: ${run.reason}` : '';
  switch (run.status) {
    case 'claimed':
      return `posting the ${when} run`;
    case 'sent':
      return `sent ${when}`;
    case 'failed':
      return run.noticeSent
        ? `failed ${when}${reason} (a notice was posted instead)`
        : `failed ${when}${reason}`;
    case 'skipped':
      return `skipped ${when}${reason}`;
  }
}
