/**
 * The buttons of a live missed-call alert, as every platform carries them: Slack's `action_id`,
 * Teams' `data.action`, the playground's action id. Their value names the alert and nothing else
 * (`<subscription id>:<call key>`); rights are decided again on every click.
 */
export const ALERT_ACTION_IDS = { claim: 'alert_claim', release: 'alert_release' } as const;

/** "I'll call back" (`claim`) or "Release". */
export type AlertButtonAction = keyof typeof ALERT_ACTION_IDS;

/** Which alert a button is about: all a button value may say. */
export interface AlertButtonRef {
  subscriptionId: string;
  callKey: string;
}

/** Every alert action id starts so: a click on one never reaches the report buttons' handler. */
export const ALERT_ACTION_PREFIX = 'alert_';

/** Subscription ids are digest-style ids: 6 characters of Crockford base32, lower case. */
const SUBSCRIPTION_ID = /^[0-9abcdefghjkmnpqrstvwxyz]{6}$/;
/** Call keys are the PBX's ids (GUIDs, numbers): printable ASCII, at most 128, no space at either end. */
const CALL_KEY = /^[\x21-\x7e](?:[\x20-\x7e]{0,126}[\x21-\x7e])?$/;

/** True for an action id of the alert family (known or not): the alert handler answers it. */
export function isAlertActionId(actionId: unknown): boolean {
  return typeof actionId === 'string' && actionId.startsWith(ALERT_ACTION_PREFIX);
}

/** The action an id stands for; undefined for anything else (`alert_claim.x`, `alert_delete`). */
export function readAlertActionId(actionId: unknown): AlertButtonAction | undefined {
  if (actionId === ALERT_ACTION_IDS.claim) return 'claim';
  if (actionId === ALERT_ACTION_IDS.release) return 'release';
  return undefined;
}

/** `k3m9qa:6f1c…`: the value both buttons carry. */
export function encodeAlertButtonValue(ref: AlertButtonRef): string {
  return `${ref.subscriptionId}:${ref.callKey}`;
}

/** A button value as sent back, checked strictly; undefined unless it is exactly what `encode` makes. */
export function decodeAlertButtonValue(value: unknown): AlertButtonRef | undefined {
  if (typeof value !== 'string' || value.length > 200) return undefined;
  const separator = value.indexOf(':');
  if (separator < 0) return undefined;
  const subscriptionId = value.slice(0, separator);
  const callKey = value.slice(separator + 1);
  if (!SUBSCRIPTION_ID.test(subscriptionId) || !CALL_KEY.test(callKey)) return undefined;
  return { subscriptionId, callKey };
}
