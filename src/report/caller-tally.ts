import type { CallFacts } from './call-facts';
import type { CallTable } from './call-table';
import { roundMicrosToSeconds } from './round-half-up';
import type { ZoneClock } from './zone-clock';

/** One caller's figures, as `top callers` ranks them. */
export interface CallerFigures {
  /** The caller's number: the first leg's SourceCallerId, as the PBX wrote it. */
  number: string;
  /** The first leg's SourceDisplayName of the caller's latest call. */
  name: string;
  calls: number;
  answered: number;
  missed: number;
  talkSeconds: number;
  /** The start of the caller's latest call (ISO). */
  lastCall: string;
}

interface CallerSums {
  calls: number;
  answered: number;
  missed: number;
  talkMicros: number;
  lastStartMs: number;
  /** The latest call's key: of two calls starting at the same millisecond, the lower key is the latest. */
  lastKey: string;
  name: string;
}

/**
 * The inbound calls of each caller number (`top callers`). Needs the callers' ids and names of
 * every call (the CallTable's `keepTexts: 'all'`). Calls without a caller id are left out.
 */
export class CallerTally {
  private readonly byNumber = new Map<string, CallerSums>();

  addCall(table: CallTable, slot: number, facts: CallFacts, startMs: number): void {
    if (facts.direction !== 'inbound') return;
    const number = table.firstSourceCallerIdOf(slot);
    if (number === '') return;
    let sums = this.byNumber.get(number);
    if (sums === undefined) {
      sums = {
        calls: 0,
        answered: 0,
        missed: 0,
        talkMicros: 0,
        lastStartMs: -Infinity,
        lastKey: '',
        name: '',
      };
      this.byNumber.set(number, sums);
    }
    sums.calls += 1;
    if (facts.answered) sums.answered += 1;
    if (facts.missed) sums.missed += 1;
    sums.talkMicros += facts.talkMicros;
    if (startMs < sums.lastStartMs) return;
    const key = table.keyTextOf(slot);
    if (startMs === sums.lastStartMs && key >= sums.lastKey) return;
    sums.lastStartMs = startMs;
    sums.lastKey = key;
    sums.name = table.firstSourceNameOf(slot);
  }

  /** Every caller's figures, unordered. */
  toFigures(clock: ZoneClock): CallerFigures[] {
    return [...this.byNumber].map(([number, sums]) => ({
      number,
      name: sums.name,
      calls: sums.calls,
      answered: sums.answered,
      missed: sums.missed,
      talkSeconds: roundMicrosToSeconds(sums.talkMicros),
      lastCall: clock.formatIso(sums.lastStartMs),
    }));
  }
}
