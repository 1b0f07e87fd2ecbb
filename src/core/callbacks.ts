/**
 * Call-backs (product spec, "Call-backs (round 2)"): which missed callers are still waiting.
 * Types only; `src/callbacks` computes them, `src/alerts` posts them live.
 */

/**
 * `returned`: a later call with the number was answered by a person (an outbound call to it with
 * talk on a person leg, or an inbound call from it answered by a person); `tried`: only outbound
 * attempts followed; `open`: nothing yet; `anonymous`: the caller has no usable number.
 */
export type CallbackState = 'open' | 'tried' | 'returned' | 'anonymous';

/** The order of the `unreturned` list: by state in this order, then oldest first. */
export const CALLBACK_STATE_ORDER: readonly CallbackState[] = ['open', 'tried', 'returned', 'anonymous'];

/**
 * Who returned the call: the extension of the person leg that talked (outbound) or answered
 * (inbound), with its directory name; `{ extension: '', name: 'a colleague' }` when the reader's
 * access scope does not include that extension.
 */
export interface CallbackReturner {
  extension: string;
  name: string;
}

/** One missed inbound call of the period with its call-back state (the report's `unreturned`). */
export interface UnreturnedCall {
  /**
   * The missed call's start: ISO 8601 with milliseconds, written with the report zone's offset as
   * every report time is (the same instant as in `missedCalls`); UTC (`Z`) where no zone is given.
   */
  start: string;
  /** The caller's number as the PBX gave it (first leg's SourceCallerId); masked for those who may not see numbers. */
  from: string;
  fromName: string;
  /** Where the call ended (the last destination), as in `missedCalls`. */
  to: string;
  toName: string;
  state: CallbackState;
  /** Outbound calls to the number after the miss, up to and including the return (up to now when none). */
  attempts: number;
  returnedBy: CallbackReturner | null;
  /** The returning call's start, written as `start` is; null unless `returned`. */
  returnedAt: string | null;
  /** Whole seconds (half up) from the missed call's start to the returning call's start; null unless `returned`. */
  returnedAfterSeconds: number | null;
}
