import type { CallLeg } from '../core/call-leg';
import { PackedLegs } from './packed-legs';
import { type PageFeed, SettledListeners, Wakeup } from './page-feed';

/** Rows of a window that could not be read as legs, added up by the readers that read to the end. */
export interface SkippedRowsTally {
  skippedRows: number;
}

/** Told the PBX's count of a window read whole, and how to get its legs (unpacked anew at each call). */
export type WindowCounted = (pbxCount: number, legs: () => CallLeg[]) => void;

/** Legs handed to a reader at a time. */
const READ_PAGE_LEGS = 1000;

/**
 * One window's legs, kept whole (packed) so that every reader sees all of them from the first,
 * however late it joined: readers of a fetch in progress follow it as legs arrive, readers of a
 * finished one (a cache hit) replay it. Each reader gets its own leg objects: the first reader to
 * reach a page as it was appended takes that page's objects as they are (no unpacking, the usual
 * case of one report), any other reader gets fresh ones from the packed legs.
 */
export class LegsRecording {
  skippedRows = 0;
  /** The PBX's count for the window once its fetch proved every row read (`WindowPage.pbxCount`). */
  pbxCount: number | undefined;
  /** Pages as appended, by the index of their first leg, until a reader takes them. */
  private readonly appendedPages = new Map<number, CallLeg[]>();
  private failure: { error: unknown } | undefined;
  private readonly settledListeners = new SettledListeners();
  private readonly wakeups = new Set<Wakeup>();

  constructor(readonly legs: PackedLegs = new PackedLegs()) {}

  /** A recording that is already complete (a cache hit). */
  static complete(legs: PackedLegs, skippedRows: number, pbxCount: number | undefined): LegsRecording {
    const recording = new LegsRecording(legs);
    recording.skippedRows = skippedRows;
    recording.pbxCount = pbxCount;
    recording.settledListeners.settle();
    return recording;
  }

  get settled(): boolean {
    return this.settledListeners.settled;
  }

  /** Takes `legs` over: the array and its legs must not be changed afterwards (a reader may get them as they are). */
  append(legs: CallLeg[], skippedRows: number): void {
    if (this.settled) return;
    if (legs.length > 0) this.appendedPages.set(this.legs.length, legs);
    for (const leg of legs) this.legs.append(leg);
    this.skippedRows += skippedRows;
    this.wakeAll();
  }

  /** No more legs; `error` when the fetch failed (readers get it after the legs before it). */
  finish(error?: { error: unknown }): void {
    if (this.settled) return;
    this.failure = error;
    if (error) this.appendedPages.clear();
    this.legs.seal();
    this.settledListeners.settle();
    this.wakeAll();
  }

  onSettled(listener: () => void): void {
    this.settledListeners.add(listener);
  }

  /**
   * A reader from the first leg; `onLeave` runs once when it stops reading (at the end, on error or
   * cancelled), and `onCounted` when it read to the end of a window whose rows were all counted.
   */
  openReader(tally: SkippedRowsTally, onLeave: () => void, onCounted?: WindowCounted): PageFeed<CallLeg> {
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      onLeave();
    };
    const recording = this;
    return {
      get fetching() {
        return !left && !recording.settled;
      },
      onSettled: (listener) => recording.onSettled(listener),
      pages: () => recording.readFrom(tally, leave, onCounted),
      cancel: leave,
    };
  }

  private async *readFrom(
    tally: SkippedRowsTally,
    leave: () => void,
    onCounted: WindowCounted | undefined,
  ): AsyncGenerator<CallLeg[]> {
    const wakeup = new Wakeup();
    this.wakeups.add(wakeup);
    try {
      for (let next = 0; ; ) {
        if (next < this.legs.length) {
          const appended = this.appendedPages.get(next);
          this.appendedPages.delete(next);
          const end = appended ? next + appended.length : Math.min(this.legs.length, next + READ_PAGE_LEGS);
          const page = appended ?? this.legs.slice(next, end);
          next = end;
          yield page;
        } else if (this.failure) {
          throw this.failure.error;
        } else if (this.settled) {
          tally.skippedRows += this.skippedRows;
          const { legs } = this;
          if (this.pbxCount !== undefined) onCounted?.(this.pbxCount, () => legs.slice(0, legs.length));
          return;
        } else {
          await wakeup.wait();
        }
      }
    } finally {
      this.wakeups.delete(wakeup);
      leave();
    }
  }

  private wakeAll(): void {
    for (const wakeup of this.wakeups) wakeup.wake();
  }
}
