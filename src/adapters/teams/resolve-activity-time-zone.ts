import { isValidTimeZone } from '../../config/is-valid-time-zone';
import type { TeamsActivity } from './teams-activity';

/**
 * The asker's IANA zone: the activity's `localTimezone`, else the `clientInfo` entity's
 * `timezone`, else `fallback` (DEFAULT_TIMEZONE). Names the runtime does not know are skipped.
 */
export function resolveActivityTimeZone(activity: TeamsActivity, fallback: string): string {
  const clientInfo = activity.entities.find(
    (entity) => typeof entity.type === 'string' && entity.type.toLowerCase() === 'clientinfo',
  );
  const candidates = [activity.localTimezone, clientInfo?.timezone];
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && candidate.length <= 64 && isValidTimeZone(candidate))
      return candidate;
  }
  return fallback;
}
