import type { CallSummary, MissedCall } from '../core/report';
import { deriveCallFacts } from './call-facts';
import type { CallTable } from './call-table';
import { roundMicrosToSeconds } from './round-half-up';
import type { ZoneClock } from './zone-clock';

/** A call of a list, taken from the table before its slot was reused, with what orders it. */
export interface ListedCall<T> {
  startMs: number;
  key: string;
  item: T;
}

/** A list's entry for the call in `slot`. */
export function toListedCall<T>(table: CallTable, slot: number, item: T): ListedCall<T> {
  return { startMs: table.startMsOf(slot), key: table.keyTextOf(slot), item };
}

/** The items newest first (ties: call key ascending, so the order never depends on arrival). */
export function sortNewestFirst<T>(calls: ListedCall<T>[]): T[] {
  calls.sort((a, b) => b.startMs - a.startMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return calls.map((call) => call.item);
}

/** A missed call: who called (first leg's source), where it ended (last leg's destination), how long they held on. */
export function toMissedCall(table: CallTable, slot: number, clock: ZoneClock): MissedCall {
  return {
    start: clock.formatIso(table.startMsOf(slot)),
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
export function toCallSummary(table: CallTable, slot: number, clock: ZoneClock): CallSummary {
  const facts = deriveCallFacts(table, slot);
  const dialled = facts.direction === 'outbound' ? table.lastDestinationCallerIdOf(slot) : '';
  return {
    start: clock.formatIso(table.startMsOf(slot)),
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
