/**
 * Which calls one poll looks at. 3CX writes a call to its log when it ends, with its legs' start
 * times, so a call may appear long after it began: each poll re-reads the calls that began in the
 * last 2 hours (a call longer than that is not an unnoticed missed call), plus the time since the
 * last complete poll, so that a call that ended while no poll ran (a restart, a PBX outage) is
 * still seen. After a longer outage the catch-up stops at 24 hours.
 */

/** Every poll re-reads the calls that began this long before it (or before the last complete poll). */
export const TRAILING_WINDOW_MS = 2 * 60 * 60_000;
/** The longest gap since the last complete poll that is caught up on. */
export const MAX_CATCH_UP_MS = 24 * 60 * 60_000;

export interface PollWindow {
  /** Calls whose first leg starts in `[fromMs, toMs]` are considered. */
  fromMs: number;
  toMs: number;
  /** How much of the gap since the last complete poll was not caught up on (0 normally). */
  droppedGapMs: number;
}

/** The window of a poll at `nowMs`, after a last complete poll that read up to `lastReadUntil`. */
export function pollWindow(nowMs: number, lastReadUntil: Date | undefined): PollWindow {
  const lastMs = Math.min(lastReadUntil?.getTime() ?? nowMs, nowMs);
  const gapMs = nowMs - lastMs;
  const caughtUpMs = Math.min(gapMs, MAX_CATCH_UP_MS);
  return {
    fromMs: nowMs - TRAILING_WINDOW_MS - caughtUpMs,
    toMs: nowMs,
    droppedGapMs: gapMs - caughtUpMs,
  };
}
