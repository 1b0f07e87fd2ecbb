import type { CallSummary, MissedCall } from '../core/report';
import { deriveCallFacts } from './call-facts';
import type { CallTable } from './call-table';
import { roundMicrosToSeconds } from './round-half-up';
import type { ZoneClock } from './zone-clock';

/** Sorts call slots newest first (ties: call key ascending, so the order never depends on arrival). */
export function sortNewestFirst(table: CallTable, slots: number[]): number[] {
  return slots.sort((a, b) => table.startMsOf(b) - table.startMsOf(a) || table.compareCallKeys(a, b));
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
