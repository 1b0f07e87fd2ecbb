import type { AccessControl } from '../access/access-control';
import { noAccessError } from '../access/authorize-request';
import type { UserAccess } from '../access/user-access';
import { writeAuditLine } from '../access/write-audit-line';
import type { ChatUser } from '../core/chat-user';
import { describeError } from '../core/errors';
import type { Logger } from '../core/logger';
import {
  type AlertButtonAction,
  type AlertButtonRef,
  decodeAlertButtonValue,
  readAlertActionId,
} from '../render/alert-actions';
import { describeAlertButtonResult } from '../render/alert-sentences';
import { PLAIN_ALERT_STYLE } from '../render/alert-text-style';
import { cleanText } from '../render/clean-text';
import type { DigestPlatform } from '../schedule/digest-schedule';
import type { AlertButtonResult } from './alert-buttons-result';
import type { AlertDelivery } from './alert-delivery';
import type { AlertStore, AlertSubscription, PostedAlert } from './alert-store';

export type { AlertButtonResult } from './alert-buttons-result';

/** One click on an alert's button, as an adapter read it. Nothing in `actionId` or `value` is trusted. */
export interface AlertButtonClick {
  actionId: string;
  value: unknown;
  /** The clicker, as the platform and the access rules know them (looked up like any asker). */
  user: ChatUser;
  /** Their display name as the platform gave it with the click (Teams `from.name`, Slack's user name). */
  userName?: string;
  /** Where the clicked message is: it must be the alert's own conversation. */
  conversation: { platform: DigestPlatform; conversationId: string };
}

export interface AlertButtonsOptions {
  store: Pick<AlertStore, 'getSubscription' | 'getAlert' | 'claimCallback' | 'releaseCallback'>;
  /** Redraws the alert's message in place after a claim or a release (`routeAlertDelivery`). */
  delivery: Pick<AlertDelivery, 'update'>;
  access: Pick<AccessControl, 'accessOf' | 'isAdmin'>;
  /** PRIVACY_MASK_NUMBERS: the redrawn message shows no number and no Call link. */
  maskNumbers: boolean;
  logger: Logger;
  now: () => Date;
}

/** Answers the alerts' buttons; adapters hand clicks whose action id `isAlertActionId` to it. */
export interface AlertButtons {
  answer(click: AlertButtonClick): Promise<AlertButtonResult>;
}

/**
 * "I'll call back" and "Release", decided in one place for Slack, Teams and the playground.
 * The button's value is read strictly (a subscription id and a call key, nothing else) and must
 * name an alert of the conversation it was clicked in. **I'll call back**: anyone whose access
 * covers the call; one claimer (a second is told who holds it). **Release**: the claimer or an
 * admin. Either redraws the message (`delivery.update`); each click leaves one audit line.
 */
export function createAlertButtons(options: AlertButtonsOptions): AlertButtons {
  return { answer: (click) => answerAlertButton(options, click) };
}

/** One click: see `createAlertButtons`. Throws only when the store or the directory fails. */
export async function answerAlertButton(
  options: AlertButtonsOptions,
  click: AlertButtonClick,
): Promise<AlertButtonResult> {
  const action = readAlertActionId(click.actionId);
  const ref = decodeAlertButtonValue(click.value);
  // Who clicks, first: every click is audited with the clicker's role, refused ones too.
  const access = await options.access.accessOf(click.user);
  const audit = (result: AlertButtonResult) =>
    auditClick(options.logger, click, action, ref, result, access.role);
  if (!action || !ref) return audit({ kind: 'invalid' });

  const subscription = await options.store.getSubscription(ref.subscriptionId);
  if (subscription && !isSameConversation(subscription, click.conversation)) {
    // A value copied from another conversation's alert: as unreadable as a forged one.
    return audit({ kind: 'invalid' });
  }
  const alert = subscription && (await options.store.getAlert(ref.subscriptionId, ref.callKey));
  if (!subscription || !alert || alert.delivery !== 'posted') return audit({ kind: 'missing' });

  const result =
    action === 'claim'
      ? await claim(options, click, subscription, alert, access)
      : await release(options, click, subscription, alert);
  return audit(result);
}

async function claim(
  options: AlertButtonsOptions,
  click: AlertButtonClick,
  subscription: AlertSubscription,
  alert: PostedAlert,
  access: UserAccess,
): Promise<AlertButtonResult> {
  if (access.role === 'none') {
    const error = noAccessError(click.user);
    return {
      kind: 'forbidden',
      message: error.message,
      ...(error.hint !== undefined && { hint: error.hint }),
    };
  }
  if (!mayClaim(access, subscription, alert)) {
    return {
      kind: 'forbidden',
      message: `You may not see the calls of ${cleanText(alert.call.toDn) || 'this number'}, so you cannot take this call-back.`,
    };
  }
  const name = cleanText(click.userName ?? '');
  const claimer = { platform: click.user.platform, id: click.user.id, ...(name !== '' && { name }) };
  const claimed = await options.store.claimCallback(
    subscription.id,
    alert.call.callKey,
    claimer,
    options.now(),
  );
  switch (claimed.result) {
    case 'claimed':
      // The claimer clicking again: the message already says so.
      if (alert.state === 'claimed' && alert.claimedBy && isSamePerson(alert.claimedBy, click.user)) {
        return { kind: 'already-yours' };
      }
      return { kind: 'claimed', ...(await redraw(options, subscription, claimed.alert)) };
    case 'taken': {
      const holder = claimed.alert.claimedBy;
      if (!holder || isSamePerson(holder, click.user)) return { kind: 'already-yours' };
      return { kind: 'taken', holder };
    }
    case 'returned':
      return returnedResult(claimed.alert);
    case 'released':
    case 'missing':
      return { kind: 'missing' };
  }
}

async function release(
  options: AlertButtonsOptions,
  click: AlertButtonClick,
  subscription: AlertSubscription,
  alert: PostedAlert,
): Promise<AlertButtonResult> {
  const releaser = { platform: click.user.platform, id: click.user.id };
  const asAdmin = options.access.isAdmin(click.user);
  const released = await options.store.releaseCallback(
    subscription.id,
    alert.call.callKey,
    releaser,
    asAdmin,
  );
  switch (released.result) {
    case 'released': {
      // Nobody held it: the button was stale. Redrawing shows "I'll call back" again.
      const redrawn = await redraw(options, subscription, released.alert);
      return alert.state === 'claimed' ? { kind: 'released', ...redrawn } : { kind: 'not-claimed' };
    }
    case 'taken':
      return { kind: 'not-claimer', holder: released.alert.claimedBy };
    case 'returned':
      return returnedResult(released.alert);
    case 'claimed':
    case 'missing':
      return { kind: 'missing' };
  }
}

/**
 * Whether the clicker's access covers the call. An alert knows where the call ended, and that it
 * matched its subscription's filters: covered when the scope holds the end, or every filter of the
 * subscription (then the call is in the scope whichever filter it matched).
 */
function mayClaim(access: UserAccess, subscription: AlertSubscription, alert: PostedAlert): boolean {
  const { scope } = access;
  if (scope === undefined) return true;
  const end = alert.call.toDn;
  if (scope.extensions.includes(end) || scope.queues.includes(end)) return true;
  const filters = [
    ...subscription.extensions.map((extension) => scope.extensions.includes(extension)),
    ...subscription.queues.map((queue) => scope.queues.includes(queue)),
  ];
  return filters.length > 0 && filters.every(Boolean);
}

/** The message redrawn from the alert as stored now; a failure is told to the clicker, the change stands. */
async function redraw(
  options: AlertButtonsOptions,
  subscription: AlertSubscription,
  alert: PostedAlert,
): Promise<{ updateError?: string }> {
  try {
    await options.delivery.update(subscription, alert, options.maskNumbers);
    return {};
  } catch (error) {
    const reason = describeError(error);
    options.logger.warn('an alert could not be redrawn after a click', {
      subscription: subscription.id,
      platform: subscription.target.platform,
      error: reason,
    });
    return { updateError: reason.slice(0, 200) };
  }
}

function returnedResult(alert: PostedAlert): AlertButtonResult {
  const name = alert.returnedBy ? cleanText(alert.returnedBy.name) : '';
  return { kind: 'returned', byName: name === '' ? undefined : name };
}

function isSameConversation(
  subscription: AlertSubscription,
  conversation: AlertButtonClick['conversation'],
): boolean {
  return (
    subscription.target.platform === conversation.platform &&
    subscription.target.conversationId === conversation.conversationId
  );
}

function isSamePerson(person: { platform: string; id: string }, user: ChatUser): boolean {
  return person.platform === user.platform && person.id === user.id;
}

/** Outcomes that changed the alert; the rest are refusals. */
const CHANGED: ReadonlySet<AlertButtonResult['kind']> = new Set(['claimed', 'released']);

/** One audit line per click: who, which alert, what became of it (no caller data). */
function auditClick(
  logger: Logger,
  click: AlertButtonClick,
  action: AlertButtonAction | undefined,
  ref: AlertButtonRef | undefined,
  result: AlertButtonResult,
  role: UserAccess['role'],
): AlertButtonResult {
  const what = ref ? `alert ${ref.subscriptionId} call ${ref.callKey}` : 'alert (unreadable button)';
  writeAuditLine(logger, {
    user: click.user,
    command: `${action ?? 'unknown'} ${what}`,
    via: typeof click.actionId === 'string' ? click.actionId.slice(0, 40) : 'alert',
    view: 'alert',
    role,
    decision: CHANGED.has(result.kind) ? 'allowed' : 'refused',
    ...(!CHANGED.has(result.kind) && {
      reason: describeAlertButtonResult(result, PLAIN_ALERT_STYLE) ?? result.kind,
    }),
  });
  return result;
}
