/**
 * One leg (row) of the PBX's call log, in our own names, as the report engine consumes it.
 * Only `threecx/call-log-row.ts` knows 3CX's field names; it maps a raw row to this.
 */
export interface CallLeg {
  /** Groups legs into one call: MainCallHistoryId, else CallHistoryId, else CallId. */
  callKey: string;
  /** Orders legs within a call after the start time; 0 when missing. */
  segmentId: number;
  /** Start of the leg, epoch milliseconds. */
  startMs: number;
  sourceDn?: string;
  sourceCallerId?: string;
  sourceDisplayName?: string;
  destinationDn?: string;
  destinationCallerId?: string;
  destinationDisplayName?: string;
  /** 3CX's Direction: `Inbound`, `Outbound`, `Internal`, `Inbound Queue`; absent on old builds. */
  direction?: string;
  /** 3CX's CallType: `Extension`, `Queue`, `System`, `Digital Receptionist`, `External`. */
  legType?: string;
  /** 3CX's Status: `Answered`, `Unanswered`, `Waiting`, `Redirected`. */
  status?: string;
  answered?: boolean;
  /** Exact (fractional) seconds; rounding happens once, at the end of a report. */
  ringingSeconds: number;
  talkingSeconds: number;
}

/** The optional texts of a leg, in one order every compact form of legs (cache, history) keeps. */
export const LEG_TEXT_FIELDS = [
  'sourceDn',
  'sourceCallerId',
  'sourceDisplayName',
  'destinationDn',
  'destinationCallerId',
  'destinationDisplayName',
  'direction',
  'legType',
  'status',
] as const satisfies readonly (keyof CallLeg)[];

/** When a leg ends (epoch ms): its start plus its ringing and talking. */
export function legEndMs(startMs: number, ringingSeconds: number, talkingSeconds: number): number {
  return startMs + (ringingSeconds + talkingSeconds) * 1000;
}
