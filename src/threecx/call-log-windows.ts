/** A half-open span of instants `[startMs, endMs)` fetched with one series of page requests. */
export interface FetchWindow {
  startMs: number;
  endMs: number;
}

/** `[fromMs, toMs)` cut into consecutive windows of `windowMs`, aligned to `fromMs`; the last may be shorter. */
export function splitIntoWindows(fromMs: number, toMs: number, windowMs: number): FetchWindow[] {
  if (!(windowMs > 0)) throw new RangeError(`windowMs must be positive, got ${windowMs}`);
  const windows: FetchWindow[] = [];
  for (let startMs = fromMs; startMs < toMs; startMs += windowMs) {
    windows.push({ startMs, endMs: Math.min(startMs + windowMs, toMs) });
  }
  return windows;
}

/** The two halves of a window, or undefined when a half would be shorter than `minWindowMs`. */
export function halveWindow(
  window: FetchWindow,
  minWindowMs: number,
): [FetchWindow, FetchWindow] | undefined {
  const lengthMs = window.endMs - window.startMs;
  const firstHalfMs = Math.floor(lengthMs / 2);
  if (firstHalfMs < Math.max(1, minWindowMs)) return undefined;
  const middleMs = window.startMs + firstHalfMs;
  return [
    { startMs: window.startMs, endMs: middleMs },
    { startMs: middleMs, endMs: window.endMs },
  ];
}

/** Whether an instant lies in the window; rows without a start (undefined) are kept. */
export function isInWindow(window: FetchWindow, startMs: number | undefined): boolean {
  return startMs === undefined || (startMs >= window.startMs && startMs < window.endMs);
}

const HOUR_MS = 3_600_000;

/**
 * The pieces a window that reached the report's row cap is fetched as: hours (aligned to its
 * start) when it is longer than an hour and an hour is allowed, else two halves; undefined when a
 * piece would be shorter than `minWindowMs`.
 */
export function splitForRowCap(window: FetchWindow, minWindowMs: number): FetchWindow[] | undefined {
  if (window.endMs - window.startMs > HOUR_MS && HOUR_MS >= minWindowMs) {
    return splitIntoWindows(window.startMs, window.endMs, HOUR_MS);
  }
  return halveWindow(window, minWindowMs);
}
