/**
 * Long synchronous work cut into slices of about `sliceMs`, with a turn of the event loop between
 * them, so that the process goes on serving meanwhile: a Slack command must be acknowledged within
 * 3 seconds, and health checks and other reports wait for nothing but a slice. Used where work
 * runs without waiting on anything outside: a large answer parsed piece by piece, stored days
 * read from SQLite (whose driver answers without a turn of the event loop).
 */
export class TimeSlicer {
  private deadline: number;
  private steps = 0;
  private readonly clockMask: number;

  /** `clockEvery` (a power of two): how many steps between looks at the clock. */
  constructor(
    private readonly sliceMs = 10,
    clockEvery = 16,
  ) {
    this.deadline = performance.now() + sliceMs;
    this.clockMask = clockEvery - 1;
  }

  /** Called after every step: whether the slice is used up (the clock is read every `clockEvery`th step). */
  due(): boolean {
    return (++this.steps & this.clockMask) === 0 && performance.now() >= this.deadline;
  }

  /** A turn of the event loop; the next slice starts after it. */
  async pause(): Promise<void> {
    await nextTurn();
    this.deadline = performance.now() + this.sliceMs;
  }
}

/** Resolves on the next turn of the event loop, after the I/O already waiting. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
