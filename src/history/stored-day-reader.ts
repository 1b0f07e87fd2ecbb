import type { CallLeg } from '../core/call-leg';
import { type DayCallsScan, decodeDayLegs, decodeDayLegsOfCalls } from './decode-day-legs';
import type { PbxHistory, UtcDay } from './history-store';

/**
 * Stored days read in batches, in the order the query needs them, the next batch asked for while
 * one is used; a day is decoded when it is reached and let go of after.
 */
export class StoredDayReader {
  private readonly batches: Array<Promise<Map<UtcDay, Uint8Array>>> = [];
  private readonly batchOf = new Map<UtcDay, number>();

  constructor(
    private readonly store: PbxHistory,
    private readonly days: readonly UtcDay[],
    private readonly batchDays: number,
  ) {
    for (const [index, day] of days.entries()) this.batchOf.set(day, Math.floor(index / batchDays));
  }

  /** The day's legs (of the calls `choose` picks, if given), or undefined when it is no longer stored. */
  async legsOf(day: UtcDay, choose?: (day: DayCallsScan) => Uint8Array): Promise<CallLeg[] | undefined> {
    const index = this.batchOf.get(day);
    if (index === undefined) return undefined;
    const batch = await this.batch(index);
    if ((index + 1) * this.batchDays < this.days.length) this.batch(index + 1).catch(() => {});
    const bytes = batch.get(day);
    batch.delete(day);
    if (bytes === undefined) return undefined;
    return choose ? decodeDayLegsOfCalls(bytes, choose) : decodeDayLegs(bytes);
  }

  private batch(index: number): Promise<Map<UtcDay, Uint8Array>> {
    const existing = this.batches[index];
    if (existing) return existing;
    const days = this.days.slice(index * this.batchDays, (index + 1) * this.batchDays);
    const loading = this.store
      .getDays(days)
      .then((stored) => new Map(stored.map((entry) => [entry.day, entry.legs] as const)));
    this.batches[index] = loading;
    return loading;
  }
}
