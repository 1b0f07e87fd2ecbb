import type { CallbackCall } from '../callbacks/callback-call';
import { callbackNumberKey } from '../callbacks/caller-number';
import { findUnreturned } from '../callbacks/find-unreturned';
import type { CallbackReturner } from '../core/callbacks';
import type { PostedAlert } from './alert-store';

/** The call that returned an alert's missed call: who took it, and when it started. */
export interface FoundReturn {
  by: CallbackReturner;
  at: Date;
}

/**
 * Finds returns exactly as the `unreturned` view does (src/callbacks: `findUnreturned`): a later
 * call (starting after the miss, up to `nowMs`) with the caller's number (last 9 digits) that a
 * person took, an outbound call with talk or an inbound call answered; the first one returns it.
 * `calls` are the poll's window read by `readCallbackCalls`; they are indexed once per poll.
 */
export class ReturnFinder {
  private readonly taken = new Map<string, CallbackCall[]>();

  constructor(
    calls: Iterable<CallbackCall>,
    private readonly nowMs: number,
  ) {
    for (const call of calls) {
      const key = call.reachedPerson ? callbackNumberKey(call.number) : undefined;
      if (key === undefined) continue;
      const list = this.taken.get(key);
      if (list) list.push(call);
      else this.taken.set(key, [call]);
    }
  }

  /**
   * The alert's return, or undefined. `mayNameReturner`: whether the subscriber may see the
   * returner's extension (their access scope); when not, the returner is "a colleague".
   */
  find(alert: PostedAlert, mayNameReturner?: (extension: string) => boolean): FoundReturn | undefined {
    const { call } = alert;
    const sameNumber = this.taken.get(callbackNumberKey(call.fromNumber) ?? '');
    if (sameNumber === undefined) return undefined;
    const miss = {
      startMs: call.startedAt.getTime(),
      key: call.callKey,
      from: call.fromNumber,
      fromName: call.fromName,
      to: call.toDn,
      toName: call.toName,
    };
    const [entry] = findUnreturned([miss], sameNumber, {
      nowMs: this.nowMs,
      ...(mayNameReturner && { mayNameReturner }),
    });
    if (entry?.state !== 'returned' || entry.returnedBy === null || entry.returnedAt === null)
      return undefined;
    return { by: entry.returnedBy, at: new Date(entry.returnedAt) };
  }
}
