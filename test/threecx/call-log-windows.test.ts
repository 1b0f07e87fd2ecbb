import { halveWindow, isInWindow, splitIntoWindows } from '../../src/threecx/call-log-windows';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const from = Date.UTC(2026, 10, 26, 23);

describe('splitIntoWindows', () => {
  it('cuts a period into windows aligned to its start, the last one shorter', () => {
    expect(splitIntoWindows(from, from + 2 * DAY_MS + 5 * HOUR_MS, DAY_MS)).toEqual([
      { startMs: from, endMs: from + DAY_MS },
      { startMs: from + DAY_MS, endMs: from + 2 * DAY_MS },
      { startMs: from + 2 * DAY_MS, endMs: from + 2 * DAY_MS + 5 * HOUR_MS },
    ]);
  });

  it('gives one window for a short period and none for an empty one', () => {
    expect(splitIntoWindows(from, from + HOUR_MS, DAY_MS)).toEqual([
      { startMs: from, endMs: from + HOUR_MS },
    ]);
    expect(splitIntoWindows(from, from, DAY_MS)).toEqual([]);
    expect(splitIntoWindows(from, from - 1, DAY_MS)).toEqual([]);
  });

  it('refuses a window length that would never advance', () => {
    expect(() => splitIntoWindows(from, from + 1, 0)).toThrow('windowMs must be positive, got 0');
  });
});

describe('halveWindow', () => {
  it('splits at the middle (the first half rounded down)', () => {
    expect(halveWindow({ startMs: 0, endMs: 11 }, 1)).toEqual([
      { startMs: 0, endMs: 5 },
      { startMs: 5, endMs: 11 },
    ]);
  });

  it('stops when a half would be shorter than the minimum', () => {
    const tenMinutes = { startMs: 0, endMs: 10 * 60_000 };
    expect(halveWindow(tenMinutes, 5 * 60_000)).toEqual([
      { startMs: 0, endMs: 300_000 },
      { startMs: 300_000, endMs: 600_000 },
    ]);
    expect(halveWindow({ startMs: 0, endMs: 10 * 60_000 - 1 }, 5 * 60_000)).toBeUndefined();
    expect(halveWindow({ startMs: 0, endMs: 1 }, 0)).toBeUndefined();
  });
});

describe('isInWindow', () => {
  it('is half-open and keeps rows without a start', () => {
    const window = { startMs: 100, endMs: 200 };
    expect([99, 100, 199, 200].map((ms) => isInWindow(window, ms))).toEqual([false, true, true, false]);
    expect(isInWindow(window, undefined)).toBe(true);
  });
});
