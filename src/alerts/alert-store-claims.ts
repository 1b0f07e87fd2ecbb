import type { AlertClaimResult, PostedAlert } from './alert-store';

/**
 * The call-back half of an `AlertStore`, the same in every database: a store extends it and
 * supplies `decide`, which reads the alert under its database's lock, writes what `choose` decides
 * and answers with `toClaimResult`.
 */
export abstract class CallbackClaimStore {
  async claimCallback(
    subscriptionId: string,
    callKey: string,
    claimer: AlertPerson,
    now: Date,
  ): Promise<AlertClaimResult> {
    return this.decide(subscriptionId, callKey, (alert) => decideClaim(alert, claimer, now));
  }

  async releaseCallback(
    subscriptionId: string,
    callKey: string,
    releaser: { platform: string; id: string },
    asAdmin: boolean,
  ): Promise<AlertClaimResult> {
    return this.decide(subscriptionId, callKey, (alert) => decideRelease(alert, releaser, asAdmin));
  }

  protected abstract decide(
    subscriptionId: string,
    callKey: string,
    choose: (alert: PostedAlert | undefined) => CallbackDecision,
  ): Promise<AlertClaimResult>;
}

/** Someone on a chat platform: who claims or releases an alert. */
export interface AlertPerson {
  platform: string;
  id: string;
  name?: string;
}

/**
 * What a claim or release does to an alert read under a lock (both stores apply it in one
 * transaction, so two people clicking at once get one `claimed` and one `taken`): `write` is the
 * claim to store (`null` clears it), absent when nothing changes; `result` what the clicker learns.
 */
export type CallbackDecision =
  | { result: Exclude<AlertClaimResult['result'], 'missing'>; write?: { claim: ClaimWrite | null } }
  | { result: 'missing' };

export interface ClaimWrite {
  by: AlertPerson;
  at: Date;
}

/** "I'll call back": the first claimer holds it; they may click again; nobody claims a returned call. */
export function decideClaim(
  alert: PostedAlert | undefined,
  claimer: AlertPerson,
  now: Date,
): CallbackDecision {
  if (!alert) return { result: 'missing' };
  if (alert.state === 'returned') return { result: 'returned' };
  if (alert.state === 'claimed' && alert.claimedBy) {
    return isSamePerson(alert.claimedBy, claimer) ? { result: 'claimed' } : { result: 'taken' };
  }
  return { result: 'claimed', write: { claim: { by: claimer, at: now } } };
}

/** "Release": by the claimer, or anyone as an admin; releasing what nobody holds changes nothing. */
export function decideRelease(
  alert: PostedAlert | undefined,
  releaser: AlertPerson,
  asAdmin: boolean,
): CallbackDecision {
  if (!alert) return { result: 'missing' };
  if (alert.state === 'returned') return { result: 'returned' };
  if (alert.state !== 'claimed' || !alert.claimedBy) return { result: 'released' };
  if (!asAdmin && !isSamePerson(alert.claimedBy, releaser)) return { result: 'taken' };
  return { result: 'released', write: { claim: null } };
}

/** The alert as it is after `decision` was written (what the store returns without reading again). */
export function applyDecision(alert: PostedAlert, decision: CallbackDecision): PostedAlert {
  if (decision.result === 'missing' || !decision.write) return alert;
  const { claim } = decision.write;
  const { claimedBy: _by, claimedAt: _at, remindedAt: _reminded, ...rest } = alert;
  if (claim === null) return { ...rest, state: 'open' };
  const claimedBy = {
    platform: claim.by.platform,
    id: claim.by.id,
    ...(claim.by.name !== undefined && { name: claim.by.name }),
  };
  return { ...rest, state: 'claimed', claimedBy, claimedAt: claim.at };
}

/** The store's answer for a decision on `alert`. */
export function toClaimResult(alert: PostedAlert | undefined, decision: CallbackDecision): AlertClaimResult {
  if (decision.result === 'missing' || !alert) return { result: 'missing' };
  return { result: decision.result, alert: applyDecision(alert, decision) };
}

function isSamePerson(a: { platform: string; id: string }, b: { platform: string; id: string }): boolean {
  return a.platform === b.platform && a.id === b.id;
}
