import type { ChatUser } from '../core/chat-user';
import { AppError } from '../core/errors';
import type { NoticeReply } from '../core/reply';
import type { ReportRequest } from '../core/report-request';
import type { AccessControl } from './access-control';

/** The digest as the access check needs it (a `DigestSchedule` fits). */
export interface DigestForAccess {
  id: string;
  command: string;
  rule: { description: string };
}

/**
 * A digest whose creator lost the rights to what it reports: the scheduler posts `notice` (instead
 * of data) and disables the digest, so it does not post again.
 */
export class DigestAccessRevokedError extends AppError {
  readonly notice: NoticeReply;
  readonly scheduleId: string;

  constructor(digest: DigestForAccess, reason: AppError) {
    const text = [
      `Digest ${digest.id} (${digest.rule.description}, "${digest.command}") has stopped: the person who created it no longer has access to these calls.`,
      `"unschedule ${digest.id}" removes it; someone with access can schedule it again.`,
    ].join('\n');
    super('forbidden', text, undefined, { cause: reason });
    this.name = 'DigestAccessRevokedError';
    this.notice = { kind: 'notice', text };
    this.scheduleId = digest.id;
  }
}

/**
 * A digest runs with its creator's rights, checked again at every run: `creator` is who they are
 * now (looked up afresh on their platform, see `resolveDigestCreator`), never the e-mail stored when
 * the digest was made. Returns the request narrowed to what the creator may see now (with the
 * notes for the reader), or throws a `DigestAccessRevokedError`.
 */
export async function authorizeDigestRun(
  access: Pick<AccessControl, 'authorize'>,
  digest: DigestForAccess,
  creator: ChatUser,
  request: ReportRequest,
): Promise<{ request: ReportRequest; notes: string[] }> {
  const decision = await access.authorize(creator, request, {
    command: digest.command,
    via: `digest ${digest.id}`,
  });
  if (!decision.ok) throw new DigestAccessRevokedError(digest, decision.error);
  return { request: decision.request, notes: decision.notes };
}
