import { DateTime } from 'luxon';
import { maskNumber, maskNumbersInText } from '../access/mask-number';
import type { AlertSubscription, PostedAlert } from '../alerts/alert-store';
import { isUsableNumber } from '../callbacks/caller-number';
import { isValidTimeZone } from '../config/is-valid-time-zone';
import { ALERT_ACTION_IDS, type AlertButtonAction, encodeAlertButtonValue } from './alert-actions';
import type { AlertPersonRef } from './alert-text-style';
import { cleanText, truncateText } from './clean-text';
import { describeCallee } from './describe-party';
import { formatSpokenDuration } from './format-duration';
import { telUri } from './tel-uri';

/** What the alert says about its call-back. */
export type AlertStatusView =
  | { kind: 'open' }
  | { kind: 'claimed'; by: AlertPersonRef }
  /** `byName`: who returned it (the extension's person); `after`: `12 min later`. */
  | { kind: 'returned'; byName: string | undefined; after: string | undefined };

/** The one button an alert shows, if any. */
export interface AlertButtonView {
  action: AlertButtonAction;
  actionId: string;
  label: string;
  value: string;
}

/**
 * An alert as people read it, the same on every platform: texts cleaned (no control or bidi
 * characters) and masked as the subscriber must see them, but not yet escaped for any markup.
 */
export interface AlertView {
  /** The caller's name; undefined when the PBX gave none (or only the number again). */
  callerName: string | undefined;
  /** The number as shown (masked when `masked`); undefined when there is no usable number. */
  number: string | undefined;
  /** `tel:+442079460123`: only with a usable number that the subscriber may see. */
  telUri: string | undefined;
  /** The call's start in the subscription's zone, e.g. `Fri 20 Nov 14:03`. */
  when: string;
  timeZone: string;
  /** Where it ended: `800 Sales`, `101 Ben Okafor`. */
  where: string;
  /** How long the caller held on: `42s`, `4m 12s`. */
  waited: string;
  status: AlertStatusView;
  button: AlertButtonView | undefined;
}

export const CLAIM_LABEL = "I'll call back";
export const RELEASE_LABEL = 'Release';

/** Names and places from the PBX are cut here: an alert is a few lines, whatever the PBX sends. */
const MAX_NAME_CHARS = 120;

/**
 * The view of `alert` for `subscription`'s conversation. `masked` (PRIVACY_MASK_NUMBERS): the
 * number shows masked, numbers inside names too, and there is no Call link.
 */
export function toAlertView(subscription: AlertSubscription, alert: PostedAlert, masked: boolean): AlertView {
  const { call } = alert;
  const shown = (text: string) =>
    truncateText(masked ? maskNumbersInText(cleanText(text)) : cleanText(text), MAX_NAME_CHARS);
  const rawNumber = truncateText(cleanText(call.fromNumber), MAX_NAME_CHARS);
  const callable = isUsableNumber(rawNumber);
  const name = cleanText(call.fromName);
  const timeZone = isValidTimeZone(subscription.timeZone) ? subscription.timeZone : 'UTC';
  return {
    callerName: name === '' || name === rawNumber ? undefined : shown(name),
    number: callable ? (masked ? maskNumber(rawNumber) : rawNumber) : undefined,
    telUri: masked ? undefined : telUri(rawNumber),
    when: formatAlertTime(call.startedAt, timeZone),
    timeZone,
    where: shown(describeCallee(call.toDn, call.toName)),
    waited: formatSpokenDuration(call.waitSeconds),
    status: toStatusView(alert, shown),
    button: toButtonView(subscription, alert),
  };
}

/** `Fri 20 Nov 14:03` in the zone. */
export function formatAlertTime(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).setLocale('en-GB').toFormat('ccc d LLL HH:mm');
}

/** `12 min later`, `1 h 05 min later`, `3 days later`; under a minute, `within a minute`. */
export function formatReturnedAfter(seconds: number): string {
  const minutes = Math.round(Math.max(0, seconds) / 60);
  if (minutes < 1) return 'within a minute';
  if (minutes < 60) return `${minutes} min later`;
  if (minutes < 48 * 60) {
    const rest = minutes % 60;
    return `${Math.floor(minutes / 60)} h${rest === 0 ? '' : ` ${String(rest).padStart(2, '0')} min`} later`;
  }
  return `${Math.round(minutes / (24 * 60))} days later`;
}

function toStatusView(alert: PostedAlert, shown: (text: string) => string): AlertStatusView {
  if (alert.state === 'returned') {
    const by = alert.returnedBy;
    const byName = by ? shown(by.name) || `ext ${shown(by.extension)}` : undefined;
    const after = alert.returnedAt
      ? formatReturnedAfter((alert.returnedAt.getTime() - alert.call.startedAt.getTime()) / 1000)
      : undefined;
    return { kind: 'returned', byName, after };
  }
  if (alert.state === 'claimed' && alert.claimedBy) {
    const { name, ...who } = alert.claimedBy;
    const cleanName = name === undefined ? '' : shown(name);
    return { kind: 'claimed', by: cleanName === '' ? who : { ...who, name: cleanName } };
  }
  return { kind: 'open' };
}

function toButtonView(subscription: AlertSubscription, alert: PostedAlert): AlertButtonView | undefined {
  const value = encodeAlertButtonValue({ subscriptionId: subscription.id, callKey: alert.call.callKey });
  if (alert.state === 'open')
    return { action: 'claim', actionId: ALERT_ACTION_IDS.claim, label: CLAIM_LABEL, value };
  if (alert.state === 'claimed') {
    return { action: 'release', actionId: ALERT_ACTION_IDS.release, label: RELEASE_LABEL, value };
  }
  return undefined;
}
