import type { PackedLegs } from './packed-legs';

/** How much of the call log the client keeps: bounded by legs held and by age. */
export interface WindowLegsCacheOptions {
  /** Legs held over all windows; least recently used windows go first. */
  maxLegs: number;
  /** A window's legs are dropped this long after they were fetched. */
  maxAgeMs: number;
}

/** One finished window's legs, as `LegsRecording` holds them. */
export interface CachedWindow {
  legs: PackedLegs;
  skippedRows: number;
  /** `LegsRecording.pbxCount`: the window's rows were all counted. */
  pbxCount?: number;
}

interface Entry extends CachedWindow {
  storedAtMs: number;
}

/**
 * Legs of call-log windows that can no longer change, by window key: least recently used first
 * out once `maxLegs` would be exceeded, and nothing older than `maxAgeMs`. A window larger than
 * `maxLegs` is not kept at all. Time comes from the caller (`nowMs`).
 */
export class WindowLegsCache {
  private readonly entries = new Map<string, Entry>();
  private heldLegs = 0;

  constructor(private readonly options: WindowLegsCacheOptions) {}

  /** Windows held. */
  get size(): number {
    return this.entries.size;
  }

  /** The most legs held over all windows. */
  get maxLegs(): number {
    return this.options.maxLegs;
  }

  /** Legs held over all windows. */
  get legCount(): number {
    return this.heldLegs;
  }

  get(key: string, nowMs: number): CachedWindow | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    if (nowMs - entry.storedAtMs >= this.options.maxAgeMs) {
      this.heldLegs -= entry.legs.length;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, window: CachedWindow, nowMs: number): void {
    this.delete(key);
    if (window.legs.length > this.options.maxLegs) return;
    this.entries.set(key, { ...window, storedAtMs: nowMs });
    this.heldLegs += window.legs.length;
    this.evict(nowMs);
  }

  /** Drops expired windows, then the least recently used ones until `maxLegs` holds. */
  private evict(nowMs: number): void {
    for (const [key, entry] of this.entries) {
      if (nowMs - entry.storedAtMs >= this.options.maxAgeMs) this.delete(key);
    }
    for (const key of this.entries.keys()) {
      if (this.heldLegs <= this.options.maxLegs) break;
      this.delete(key);
    }
  }

  /** Drops the window's legs, if held. */
  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.heldLegs -= entry.legs.length;
  }
}
