import { maskNumbersInText } from '../access/mask-number';
import type { AlertButtonResult } from '../alerts/alert-buttons-result';
import type { AlertSubscription, PostedAlert } from '../alerts/alert-store';
import type { AlertTextStyle } from './alert-text-style';
import { type AlertStatusView, type AlertView, formatAlertTime } from './alert-view';
import { cleanText } from './clean-text';

/*
 * The alert's sentences, written once for every platform: each takes the platform's style
 * (escaping, how people are named) and returns text in its markup.
 */

/** `Missed call from Jane Caller`. */
export function describeAlertTitle(view: AlertView, style: AlertTextStyle): string {
  return `Missed call from ${view.callerName === undefined ? 'an unknown caller' : style.escape(view.callerName)}`;
}

/** What the alert says of its call-back. */
export function describeAlertStatus(status: AlertStatusView, style: AlertTextStyle): string {
  switch (status.kind) {
    case 'open':
      return 'Nobody is calling back yet.';
    case 'claimed':
      return `${style.person(status.by)} is calling back.`;
    case 'returned': {
      const by = status.byName === undefined ? '' : ` by ${style.escape(status.byName)}`;
      return `✓ returned${by}${status.after === undefined ? '' : ` ${status.after}`}`;
    }
  }
}

/** The facts under the title, in order: label and value in the style's markup (only the place comes from the PBX). */
export function listAlertFacts(view: AlertView, style: AlertTextStyle): { label: string; value: string }[] {
  return [
    { label: 'When', value: `${view.when} (${view.timeZone})` },
    { label: 'Ended at', value: style.escape(view.where) },
    { label: 'Waited', value: view.waited },
  ];
}

/** When the number is missing: there is nothing to dial. */
export const NO_NUMBER_TEXT = 'No number: the caller withheld it';

/**
 * The claim's one reminder, posted in the alert's thread. It never shows the number (the
 * delivery is not told whether the subscriber may see it), and numbers in the name are masked.
 */
export function describeAlertReminder(
  subscription: AlertSubscription,
  alert: PostedAlert,
  style: AlertTextStyle,
): string {
  const name = maskNumbersInText(cleanText(alert.call.fromName));
  const caller = name === '' ? 'the caller' : style.escape(name);
  const who = alert.claimedBy ? style.person(alert.claimedBy) : 'Someone';
  const since = alert.claimedAt ? ` at ${formatAlertTime(alert.claimedAt, subscription.timeZone)}` : '';
  return `Reminder: ${who} took this call-back${since} and no return to ${caller} has been seen yet. Release it if you cannot call back.`;
}

/**
 * What the clicker is told after a click; undefined when the redrawn alert says it all (a claim
 * or a release that went through).
 */
export function describeAlertButtonResult(
  result: AlertButtonResult,
  style: AlertTextStyle,
): string | undefined {
  switch (result.kind) {
    case 'claimed':
      return result.updateError === undefined
        ? undefined
        : `You are calling back now, but the alert could not be redrawn (${style.escape(result.updateError)}).`;
    case 'released':
      return result.updateError === undefined
        ? undefined
        : `Released, but the alert could not be redrawn (${style.escape(result.updateError)}).`;
    case 'already-yours':
      return 'You are already calling back this caller.';
    case 'taken':
      return `${style.person(result.holder)} is already calling back this caller.`;
    case 'not-claimer':
      return result.holder === undefined
        ? 'Only whoever is calling back, or an admin, can release this call-back.'
        : `Only ${style.person(result.holder)}, who is calling back, or an admin can release this call-back.`;
    case 'not-claimed':
      return 'Nobody is calling back this caller, so there is nothing to release.';
    case 'returned':
      return `This call was already returned${result.byName === undefined ? '' : ` by ${style.escape(result.byName)}`}: there is nothing to call back.`;
    case 'missing':
      return 'This alert is no longer kept, or its subscription has ended, so its buttons do nothing now.';
    case 'forbidden':
      return style.escape(result.hint === undefined ? result.message : `${result.message} ${result.hint}`);
    case 'invalid':
      return "That button's data could not be read, so nothing was changed.";
  }
}
