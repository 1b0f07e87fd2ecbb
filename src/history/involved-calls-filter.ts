import { type CallLeg, legEndMs } from '../core/call-leg';
import { CALL_PAUSE_MS } from '../report/report-builder';
import type { DayCallsScan } from './decode-day-legs';

/**
 * How long after its legs so far a call may still get a leg: the report engine's own assumption
 * (`CALL_PAUSE_MS`, on which it retires calls), with an hour to spare.
 */
const MAY_CONTINUE_MS = CALL_PAUSE_MS + 3_600_000;

/**
 * Leaves out of stored days the legs of calls that no report with the query's `involving` hint can
 * count: calls without a leg from or to one of its DNs. Only whole calls are left out, and only
 * those that lie within one piece of the query: the pieces (stored days, runs read from the PBX)
 * come in time order, and a call that may still get a leg after a piece's end (its latest leg end
 * within `MAY_CONTINUE_MS` of it) is kept whole in that piece and the next ones, wherever the DN
 * turns up. The report engine then counts exactly the calls it would have counted from every leg.
 *
 * Held per query: the calls that may go on past the last piece (~ those of its last hours).
 */
export class InvolvedCallsFilter {
  /** Calls that may get legs in the pieces to come -> the latest end of their legs so far (ms). */
  private readonly goingOn = new Map<string, number>();

  constructor(private readonly dns: ReadonlySet<string>) {}

  /** The DNs of a query's `involving` hint; undefined when it has none (every call counts). */
  static of(involving: readonly string[] | undefined): InvolvedCallsFilter | undefined {
    const dns = (involving ?? []).filter((dn) => dn !== '');
    return dns.length === 0 ? undefined : new InvolvedCallsFilter(new Set(dns));
  }

  /**
   * The calls of a stored day to decode (1 by call number) for its piece `[fromMs, toMs)`: those
   * with a leg in the piece from or to one of the DNs, those that went on from the pieces before,
   * and those that may go on past this one (then noted, by key).
   */
  chooseCalls(day: DayCallsScan, fromMs: number, toMs: number): Uint8Array {
    const { callCount, callOf, startMs, endMs, sourceDn, destinationDn, texts } = day;
    const chosen = new Uint8Array(callCount);
    const isDn = new Uint8Array(texts.length);
    for (let text = 1; text < texts.length; text++) if (this.dns.has(texts[text]!)) isDn[text] = 1;
    const latestEnd = new Float64Array(callCount).fill(Number.NEGATIVE_INFINITY);
    const firstStart = new Float64Array(callCount).fill(Number.POSITIVE_INFINITY);
    for (let leg = 0; leg < day.legCount; leg++) {
      const start = startMs[leg]!;
      if (!(start >= fromMs && start < toMs)) continue;
      const call = callOf[leg]!;
      if (isDn[sourceDn[leg]!] === 1 || isDn[destinationDn[leg]!] === 1) chosen[call] = 1;
      // An end that is not a number may go on: it stays NaN through Math.max.
      latestEnd[call] = Math.max(latestEnd[call]!, endMs[leg]!);
      if (start < firstStart[call]!) firstStart[call] = start;
    }
    const goingOn = this.goingOn;
    // Calls that went on from the pieces before: a call's next leg starts within MAY_CONTINUE_MS of
    // its legs' latest end, so only calls starting in the piece before then need their key.
    let reach = Number.NEGATIVE_INFINITY;
    for (const endMs of goingOn.values()) reach = Math.max(reach, endMs + MAY_CONTINUE_MS);
    if (Number.isNaN(reach)) reach = Number.POSITIVE_INFINITY;
    const keys = new Map<number, string>();
    for (let call = 0; call < callCount; call++) {
      if (!(firstStart[call]! <= reach)) continue;
      const key = day.keyOf(call);
      const known = goingOn.get(key);
      if (known === undefined) continue;
      keys.set(call, key);
      chosen[call] = 1;
      latestEnd[call] = Math.max(latestEnd[call]!, known);
    }
    this.endPiece(toMs);
    const from = toMs - MAY_CONTINUE_MS;
    for (let call = 0; call < callCount; call++) {
      const end = latestEnd[call]!;
      if (end < from) continue;
      const key = keys.get(call) ?? day.keyOf(call);
      goingOn.set(key, end);
      chosen[call] = 1;
    }
    return chosen;
  }

  /**
   * Legs passed on whole (a run read from the PBX, which the engine filters itself), ending a
   * piece at `pieceEndMs`: only the calls that may go on past it are noted.
   */
  passed(legs: readonly CallLeg[], pieceEndMs: number): void {
    const from = pieceEndMs - MAY_CONTINUE_MS;
    const goingOn = this.goingOn;
    for (const leg of legs) {
      const endMs = legEndMs(leg.startMs, leg.ringingSeconds, leg.talkingSeconds);
      const known = goingOn.get(leg.callKey);
      if (known !== undefined) {
        if (endMs > known) goingOn.set(leg.callKey, endMs);
      } else if (!(endMs < from)) {
        // A leg whose end is unknown (not a number) may go on, too.
        goingOn.set(leg.callKey, endMs);
      }
    }
  }

  /** The piece ending at `pieceEndMs` is over: calls that cannot go on past it are forgotten. */
  endPiece(pieceEndMs: number): void {
    const from = pieceEndMs - MAY_CONTINUE_MS;
    for (const [key, endMs] of this.goingOn) if (endMs < from) this.goingOn.delete(key);
  }
}
