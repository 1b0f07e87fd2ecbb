import { describeError } from '../../core/errors';
/**
 * A Web API failure in a few words for the log and the asker: Slack's error code (`not_in_channel`,
 * `missing_scope`) when it sent one, else the error's message. Never the token or request headers.
 */
export function describeSlackError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const data = (error as { data?: { error?: unknown; needed?: unknown } }).data;
    if (data && typeof data.error === 'string') {
      return typeof data.needed === 'string' ? `${data.error} (needs ${data.needed})` : data.error;
    }
  }
  return describeError(error);
}
