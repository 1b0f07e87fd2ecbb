import type { RawCallLogRow } from '../core/call-log-source';

/** One generated leg: the row as served plus what the server needs to sort and filter it. */
export interface DemoRow {
  startMs: number;
  segmentId: number;
  /** A parking-orbit leg, hidden by `hidePcalls=true`. */
  isParkLeg: boolean;
  row: RawCallLogRow;
  call: DemoCall;
}

/** One generated logical call: its legs in order and the facts per-call filters need. */
export interface DemoCall {
  callId: number;
  startMs: number;
  /**
   * When the call is over (the latest leg start + ringing + talking): the PBX writes a call to its
   * log then, so it is served only once the demo clock has reached this instant.
   */
  endMs: number;
  /** A person (extension or external) leg was answered: 3CX's callsType filter works per call. */
  answered: boolean;
  rows: DemoRow[];
}

/** 3CX's DN kinds as the demo codes them (3CX does not document its codes; these are invented). */
export type DnKind = 'extension' | 'external' | 'queue' | 'ivr' | 'voicemail' | 'park';

export const DN_TYPE_CODES: Readonly<Record<DnKind, number>> = {
  extension: 0,
  external: 1,
  queue: 4,
  voicemail: 5,
  ivr: 6,
  park: 13,
};

/** One side of a leg. */
export interface Party {
  kind: DnKind;
  dn: string;
  callerId: string;
  displayName: string;
}

export type LegStatus = 'Answered' | 'Unanswered' | 'Waiting' | 'Redirected';
export type LegDirection = 'Inbound' | 'Outbound' | 'Internal' | 'Inbound Queue';
export type LegCallType = 'Extension' | 'Queue' | 'System' | 'Digital Receptionist' | 'External';

/** Invented action codes (3CX's are undocumented). */
export type LegAction = 'none' | 'ended' | 'notAnswered' | 'transferred' | 'forwarded' | 'routed' | 'parked';

export const ACTION_TYPE_CODES: Readonly<Record<LegAction, number>> = {
  none: 0,
  ended: 1,
  notAnswered: 2,
  transferred: 3,
  forwarded: 4,
  routed: 5,
  parked: 6,
};

/** What a scenario says about a leg; `call-builder.ts` turns it into a 3CX row. */
export interface LegSpec {
  startMs: number;
  source: Party;
  destination: Party;
  action?: Party;
  actionType: LegAction;
  ringMs: number;
  talkMs: number;
  answered: boolean;
  status: LegStatus;
  direction: LegDirection;
  callType: LegCallType;
  reason: string;
  callCost?: number;
}
