import type { CallLeg } from '../core/call-leg';
import type { UtcDay } from './history-store';
import { UTC_DAY_MS, utcDayOf, utcDayStartMs } from './utc-day-split';

/** A closed day whose windows the client counted whole: its PBX count and its legs, unpacked on demand. */
export interface ProvenDay {
  day: UtcDay;
  pbxCount: number;
  legs: () => CallLeg[];
}

/**
 * The days a run fills, proven by the windows the client counted (`WindowCountListener`): a day is
 * proven once counted windows within it cover it whole (one window a day, as the client reads), its
 * count theirs summed and its legs theirs joined. A window that is not within one day proves nothing.
 */
export class DaysFromWindows {
  private readonly days = new Map<
    UtcDay,
    { windows: Array<{ startMs: number; endMs: number; pbxCount: number; legs: () => CallLeg[] }> }
  >();

  constructor(days: readonly UtcDay[]) {
    for (const day of days) this.days.set(day, { windows: [] });
  }

  /** Takes a counted window; returns its day when that window completes the day's proof. */
  add(
    window: { startMs: number; endMs: number },
    pbxCount: number,
    legs: () => CallLeg[],
  ): ProvenDay | undefined {
    const day = utcDayOf(window.startMs);
    const entry = this.days.get(day);
    const dayStartMs = utcDayStartMs(day);
    if (entry === undefined || window.endMs > dayStartMs + UTC_DAY_MS) return undefined;
    entry.windows.push({ startMs: window.startMs, endMs: window.endMs, pbxCount, legs });
    const coveredMs = entry.windows.reduce((sum, counted) => sum + counted.endMs - counted.startMs, 0);
    if (coveredMs !== UTC_DAY_MS) return undefined;
    this.days.delete(day);
    const windows = entry.windows.sort((a, b) => a.startMs - b.startMs);
    return {
      day,
      pbxCount: windows.reduce((sum, counted) => sum + counted.pbxCount, 0),
      legs: () => windows.flatMap((counted) => counted.legs()),
    };
  }

  /** The days not proven (yet). */
  unproven(): UtcDay[] {
    return [...this.days.keys()];
  }
}
