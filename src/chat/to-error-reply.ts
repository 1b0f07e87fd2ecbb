import { randomBytes } from 'node:crypto';
import { AppError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { ErrorReply } from '../core/reply';

/**
 * The one translator from failures to replies, for every adapter: known errors become their
 * message and hint; anything else is logged under a short reference id, and the user sees only
 * that id (never a stack, a URL with secrets, or another user's data).
 */
export function toErrorReply(
  error: unknown,
  logger: Logger,
  context: Record<string, unknown> = {},
): ErrorReply {
  if (error instanceof AppError) {
    logger.info('request failed', { ...context, kind: error.kind, message: error.message });
    return { kind: 'error', message: error.message, ...(error.hint !== undefined && { hint: error.hint }) };
  }
  const reference = randomBytes(4).toString('hex');
  const detail =
    error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
  logger.error('unexpected failure', { ...context, reference, ...detail });
  return {
    kind: 'error',
    message: `Something went wrong on our side (reference ${reference}).`,
    hint: 'Try again in a minute; if it keeps failing, give the reference to your administrator.',
    reference,
  };
}
