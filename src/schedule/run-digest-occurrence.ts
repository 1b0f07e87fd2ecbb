import { DigestAccessRevokedError } from '../access/authorize-digest-run';
import { toErrorReply } from '../chat/to-error-reply';
import { AppError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { NoticeReply, Reply } from '../core/reply';
import type { DigestDelivery } from './digest-delivery';
import type { DigestSchedule } from './digest-schedule';
import { formatLocalTime } from './format-local-time';
import type { ScheduleStore } from './schedule-store';

/** What one claimed occurrence needs: where to record, how to produce and how to post. */
export interface OccurrenceRunDeps {
  store: ScheduleStore;
  delivery: DigestDelivery;
  runReport: (schedule: DigestSchedule, occurrenceAt: Date) => Promise<Reply>;
  now: () => Date;
  logger: Logger;
}

/**
 * `sent`; `notice`: the report failed and a notice was posted; `failed`: nothing could be posted;
 * `expired`: the claim's lease ran out before posting (another scheduler may own it now).
 */
export type OccurrenceOutcome = 'sent' | 'notice' | 'failed' | 'expired';

const MAX_REASON_CHARS = 200;

/**
 * Produces and posts one occurrence the caller has claimed, then records how it went. A report
 * that cannot be produced (PBX down) posts a short notice instead of staying silent. Never
 * throws for report or delivery failures; store failures reach the caller (the claim then
 * stays open and is retried after its lease). When the report took so long that the claim's
 * lease (`leaseUntil`) has run out, nothing is posted nor recorded: another scheduler may have
 * claimed the occurrence by now, and two posts are worse than a late one.
 */
export async function runDigestOccurrence(
  deps: OccurrenceRunDeps,
  schedule: DigestSchedule,
  occurrenceAt: Date,
  leaseUntil?: Date,
): Promise<OccurrenceOutcome> {
  const { store, logger } = deps;
  const fields = { scheduleId: schedule.id, occurrence: occurrenceAt.toISOString() };
  let reply: Reply;
  try {
    reply = await deps.runReport(schedule, occurrenceAt);
  } catch (error) {
    if (error instanceof DigestAccessRevokedError) return stopDigest(deps, schedule, occurrenceAt, error);
    if (leaseExpired(deps, leaseUntil, fields)) return 'expired';
    return postNotice(deps, schedule, occurrenceAt, error);
  }
  if (leaseExpired(deps, leaseUntil, fields)) return 'expired';
  try {
    await deps.delivery.deliver(schedule, reply);
  } catch (error) {
    const reason = describeFailure(error);
    logger.warn('digest could not be posted', { ...fields, reason });
    await store.markFailed(schedule.id, occurrenceAt, reason, deps.now());
    return 'failed';
  }
  await store.markSent(schedule.id, occurrenceAt, deps.now());
  logger.info('digest posted', fields);
  return 'sent';
}

function leaseExpired(
  deps: OccurrenceRunDeps,
  leaseUntil: Date | undefined,
  fields: Record<string, string>,
): boolean {
  if (leaseUntil === undefined || deps.now().getTime() < leaseUntil.getTime()) return false;
  deps.logger.warn('digest not posted: its claim expired while the report ran', {
    ...fields,
    leaseUntil: leaseUntil.toISOString(),
  });
  return true;
}

async function postNotice(
  deps: OccurrenceRunDeps,
  schedule: DigestSchedule,
  occurrenceAt: Date,
  error: unknown,
): Promise<OccurrenceOutcome> {
  const { store, logger } = deps;
  const fields = { scheduleId: schedule.id, occurrence: occurrenceAt.toISOString() };
  const failure = toErrorReply(error, logger, { ...fields, input: 'digest' });
  const reason = shorten(failure.message);
  const notice = buildFailureNotice(schedule, occurrenceAt, failure.message, failure.hint);
  try {
    await deps.delivery.deliver(schedule, notice);
  } catch (deliveryError) {
    const deliveryReason = describeFailure(deliveryError);
    logger.warn('digest failure notice could not be posted', { ...fields, reason: deliveryReason });
    const both = shorten(`${stripPeriod(reason)}; the notice could not be posted either: ${deliveryReason}`);
    await store.markFailed(schedule.id, occurrenceAt, both, deps.now());
    return 'failed';
  }
  await store.markFailed(schedule.id, occurrenceAt, reason, deps.now(), { noticeSent: true });
  return 'notice';
}

/**
 * The creator lost the rights to what the digest reports (or is gone from their platform): say so
 * in the channel (no data), and disable the digest so it does not post again.
 */
async function stopDigest(
  deps: OccurrenceRunDeps,
  schedule: DigestSchedule,
  occurrenceAt: Date,
  error: DigestAccessRevokedError,
): Promise<OccurrenceOutcome> {
  const { store, logger } = deps;
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  logger.warn('digest stopped: its creator lost access', { scheduleId: schedule.id, reason: cause });
  await store.disableSchedule(schedule.id);
  const reason = 'stopped: the creator no longer has access to these calls';
  try {
    await deps.delivery.deliver(schedule, error.notice);
  } catch (deliveryError) {
    await store.markFailed(
      schedule.id,
      occurrenceAt,
      shorten(`${reason}; the notice could not be posted: ${describeFailure(deliveryError)}`),
      deps.now(),
    );
    return 'failed';
  }
  await store.markFailed(schedule.id, occurrenceAt, reason, deps.now(), { noticeSent: true });
  return 'notice';
}

/** "The 08:00 digest could not be produced: <message>. <hint>" and which digest it was. */
export function buildFailureNotice(
  schedule: DigestSchedule,
  occurrenceAt: Date,
  message: string,
  hint: string | undefined,
): NoticeReply {
  const time = formatLocalTime(occurrenceAt, schedule.timeZone);
  const first = `The ${time} digest could not be produced: ${stripPeriod(message)}.${hint ? ` ${hint}` : ''}`;
  return { kind: 'notice', text: `${first}\nScheduled digest ${schedule.id} · ${schedule.rule.description}` };
}

/** A delivery or report failure as a short reason people may read in `schedules`. */
function describeFailure(error: unknown): string {
  if (error instanceof AppError) return shorten(error.message);
  if (error instanceof Error) return shorten(error.message || error.name);
  return shorten(String(error));
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= MAX_REASON_CHARS ? line : `${line.slice(0, MAX_REASON_CHARS - 1)}…`;
}

function stripPeriod(text: string): string {
  return text.replace(/[.\s]+$/, '');
}
