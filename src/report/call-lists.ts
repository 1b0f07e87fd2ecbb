import type { CallSummary, MissedCall } from '../core/report';
import { deriveCallFacts } from './call-facts';
import type { CallTable } from './call-table';
import { roundMicrosToSeconds } from './round-half-up';
import type { ZoneClock } from './zone-clock';

/**
 * A call of a list, taken from the table before its slot was reused: what orders it, and the
 * entry without its `start` text (written when the list is finished: a report may hold tens of
 * thousands of these while legs still arrive).
 */
export interface ListedCall<T> {
  startMs: number;
  key: string;
  entry: Omit<T, 'start'>;
}

/** A list's entry for the call in `slot`. */
export function toListedCall<T>(table: CallTable, slot: number, entry: Omit<T, 'start'>): ListedCall<T> {
  return { startMs: table.startMsOf(slot), key: table.keyTextOf(slot), entry };
}

/** The entries newest first (ties: call key ascending, so the order never depends on arrival), each with its `start`. */
export function sortNewestFirst<T extends { start: string }>(calls: ListedCall<T>[], clock: ZoneClock): T[] {
  calls.sort((a, b) => b.startMs - a.startMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return calls.map((call) => ({ start: clock.formatIso(call.startMs), ...call.entry }) as T);
}

/** A missed call: who called (first leg's source), where it ended (last leg's destination), how long they held on. */
export function toMissedCall(table: CallTable, slot: number): Omit<MissedCall, 'start'> {
  return {
    from: table.firstSourceCallerIdOf(slot),
    fromName: table.firstSourceNameOf(slot),
    to: table.lastDestinationDnOf(slot),
    toName: table.lastDestinationNameOf(slot),
    waitSeconds: roundMicrosToSeconds(table.waitMicrosOf(slot)),
  };
}

/**
 * A call of the `list` view. `from`/`fromName`/`toName` as in the missed calls; `to` is the last
 * leg's destination DN, except for outbound calls: the number dialled (its caller id), else the DN.
 */
export function toCallSummary(table: CallTable, slot: number): Omit<CallSummary, 'start'> {
  const facts = deriveCallFacts(table, slot);
  const dialled = facts.direction === 'outbound' ? table.lastDestinationCallerIdOf(slot) : '';
  return {
    direction: facts.direction,
    from: table.firstSourceCallerIdOf(slot),
    fromName: table.firstSourceNameOf(slot),
    to: dialled !== '' ? dialled : table.lastDestinationDnOf(slot),
    toName: table.lastDestinationNameOf(slot),
    answered: facts.answered,
    talkSeconds: roundMicrosToSeconds(facts.talkMicros),
    waitSeconds: roundMicrosToSeconds(facts.waitMicros),
  };
}
