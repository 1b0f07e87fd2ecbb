import type { CallSummary } from '../core/report';
import type { CallFacts } from './call-facts';
import { type ListedCall, toCallSummary, toListedCall } from './call-lists';
import type { CallTable } from './call-table';
import { roundMicrosToSeconds } from './round-half-up';
import type { ZoneClock } from './zone-clock';

interface Kept {
  talkSeconds: number;
  call: ListedCall<CallSummary>;
}

/**
 * The `size` longest calls by talk (`longest calls`), kept while calls stream by: at most `size`
 * entries at any time. Longest first; equal (whole-second) talk: the earlier start first, then the
 * lower call key. Calls whose talk rounds to 0 s are left out. Needs every call's texts (the
 * CallTable's `keepTexts: 'all'`).
 */
export class LongestCalls {
  /** In rank order, best first. */
  private readonly kept: Kept[] = [];

  constructor(private readonly size: number) {}

  addCall(table: CallTable, slot: number, facts: CallFacts, startMs: number): void {
    const talkSeconds = roundMicrosToSeconds(facts.talkMicros);
    if (talkSeconds === 0 || this.size <= 0) return;
    const { kept } = this;
    const worst = kept.length >= this.size ? kept[kept.length - 1] : undefined;
    if (
      worst !== undefined &&
      (talkSeconds < worst.talkSeconds || (talkSeconds === worst.talkSeconds && startMs > worst.call.startMs))
    ) {
      return;
    }
    const candidate: Kept = { talkSeconds, call: toListedCall(table, slot, toCallSummary(table, slot)) };
    let index = kept.length;
    while (index > 0 && ranksBefore(candidate, kept[index - 1]!)) index--;
    if (index >= this.size) return;
    kept.splice(index, 0, candidate);
    if (kept.length > this.size) kept.pop();
  }

  /** The kept calls, longest first, each as the `list` view's entry. */
  toCalls(clock: ZoneClock): { talkSeconds: number; call: CallSummary }[] {
    return this.kept.map(({ talkSeconds, call }) => ({
      talkSeconds,
      call: { start: clock.formatIso(call.startMs), ...call.entry } as CallSummary,
    }));
  }
}

function ranksBefore(a: Kept, b: Kept): boolean {
  if (a.talkSeconds !== b.talkSeconds) return a.talkSeconds > b.talkSeconds;
  if (a.call.startMs !== b.call.startMs) return a.call.startMs < b.call.startMs;
  return a.call.key < b.call.key;
}
