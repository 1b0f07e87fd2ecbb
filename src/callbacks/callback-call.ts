import type { CallbackReturner } from '../core/callbacks';
import type { CallDirection } from '../core/report-request';

/**
 * What call-backs need to know of one call (all its legs, grouped by `CallLeg.callKey`): when it
 * started, its direction, the outside number, and whether a person took it. Built by
 * `CallFactsAccumulator` / `CallbackCallReader`; read by `findUnreturned`.
 */
export interface CallbackCall {
  /** The call key (`CallLeg.callKey`): orders calls that start at the same instant. */
  key: string;
  /** The first leg's start (epoch ms, possibly fractional). */
  startMs: number;
  /** As the report reads it: the first leg's `Direction`, else by its DNs. */
  direction: CallDirection;
  /**
   * The outside party's number as the PBX wrote it: inbound, the first leg's `SourceCallerId`;
   * outbound, the first leg's `DestinationCallerId`, else its `DestinationDn`; internal, ''.
   */
  number: string;
  /**
   * A person took the call: inbound, a person leg was answered; outbound, a person leg talked
   * (talk > 0). Such a call returns every earlier miss from its number.
   */
  reachedPerson: boolean;
  /**
   * The person who took it: the extension of the first answered (inbound) or first talking
   * (outbound) person leg, with its directory name (else the leg's display name); null when none.
   */
  by: CallbackReturner | null;
}
