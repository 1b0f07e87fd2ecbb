import type { ChatUser } from '../core/chat-user';
import type { Logger } from '../core/logger';
import type { View } from '../core/report-request';
import { maskCommandText } from './mask-number';
import type { AccessRole } from './user-access';

/** `allowed` as asked, `narrowed` to the asker's scope, or `refused`. */
export type AuditDecision = 'allowed' | 'narrowed' | 'refused';

/** One request as the audit log records it: who, what, how it was decided. No call data. */
export interface AuditEntry {
  user: ChatUser;
  /** The command words as typed or carried by a button (numbers are masked when written). */
  command: string;
  /** How the request came: `text`, a button's action id, `digest`… */
  via: string;
  /** The report view asked for, `alert` for a live alert's buttons, `history` for the stored call history. */
  view: View | 'alert' | 'history';
  role: AccessRole;
  decision: AuditDecision;
  /** Why it was refused, in the words the asker saw. */
  reason?: string;
}

/**
 * Writes one JSON line per request (the logger adds the time): `{"message":"audit","audit":true,
 * "platform":"slack","user":"U0123","email":…,"via":"text","command":"last week ext 101",
 * "view":"summary","role":"agent","decision":"allowed"}`. Phone numbers in the command are masked.
 */
export function writeAuditLine(logger: Logger, entry: AuditEntry): void {
  logger.info('audit', {
    audit: true,
    platform: entry.user.platform,
    user: entry.user.id,
    ...(entry.user.email !== undefined && { email: entry.user.email }),
    via: entry.via,
    command: maskCommandText(entry.command).slice(0, 500),
    view: entry.view,
    role: entry.role,
    decision: entry.decision,
    ...(entry.reason !== undefined && { reason: entry.reason }),
  });
}

/** A live alert's missed call found returned by the poller (nobody clicked): what the audit log keeps of it. */
export interface ReturnAuditEntry {
  subscriptionId: string;
  callKey: string;
  /** The extension that returned the call. */
  returnedBy: string;
  returnedAt: Date;
  /** Who had claimed the call-back, if anyone (platform and id). */
  claimedBy?: { platform: string; id: string };
}

/**
 * One JSON line per return found, beside the claims' lines (`via` `alert_claim`/`alert_release`):
 * `{"message":"audit","audit":true,"via":"alert-return","view":"alert","decision":"recorded",
 * "subscription":"k3m9qa","callKey":"…","returnedBy":"102","claimedBy":"slack:U0123",…}`. No number.
 */
export function writeReturnAuditLine(logger: Logger, entry: ReturnAuditEntry): void {
  logger.info('audit', {
    audit: true,
    via: 'alert-return',
    view: 'alert',
    decision: 'recorded',
    subscription: entry.subscriptionId,
    callKey: entry.callKey,
    returnedBy: entry.returnedBy,
    returnedAt: entry.returnedAt.toISOString(),
    ...(entry.claimedBy && { claimedBy: `${entry.claimedBy.platform}:${entry.claimedBy.id}` }),
  });
}
