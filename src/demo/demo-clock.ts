/**
 * The demo PBX's clock, which decides which calls are over and so in the log. Pinned (the `now`
 * option: tests stay stable) or moving with the wall clock; either can be moved on.
 */
export class DemoClock {
  private pinnedMs: number | undefined;
  private offsetMs = 0;

  constructor(pinned?: Date) {
    this.pinnedMs = pinned?.getTime();
  }

  nowMs(): number {
    return this.pinnedMs ?? Date.now() + this.offsetMs;
  }

  /** Moves the clock on (or back, with a negative number). */
  advance(ms: number): void {
    if (this.pinnedMs === undefined) this.offsetMs += ms;
    else this.pinnedMs += ms;
  }

  /** Pins the clock at `at` (undefined: moving with the wall clock again, from its own time). */
  set(at: Date | undefined): void {
    this.pinnedMs = at?.getTime();
    this.offsetMs = 0;
  }
}
