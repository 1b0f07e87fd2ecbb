import type { CallLeg } from '../core/call-leg';
import type { CallLogQuery } from '../core/call-log-source';
import type { Logger } from '../core/logger';
import type { WindowPage } from './call-log-fetcher';
import type { FetchWindow } from './call-log-windows';
import { LegsRecording, type SkippedRowsTally, type WindowCounted } from './legs-recording';
import type { PageFeed } from './page-feed';
import type { WindowLegsCache } from './window-legs-cache';

/** Fetches one window's legs page by page (the client's `CallLogFetcher`, rows read into legs). */
export type WindowPageSource = (
  window: FetchWindow,
  query: CallLogQuery,
  signal: AbortSignal,
) => AsyncIterable<WindowPage<CallLeg>>;

export interface WindowLegsHubOptions {
  source: WindowPageSource;
  /** Undefined: nothing is cached (identical windows in flight are still fetched once). */
  cache: WindowLegsCache | undefined;
  /** A window is cached only if it ended at least this long before the fetch began (3CX writes a call when it ends). */
  settleMs: number;
  now: () => number;
  logger: Logger;
}

/**
 * What one query (a report) stored in the cache. A query whose windows add up to more legs than
 * the cache holds would only evict its own first windows (least recently used first): once it goes
 * over, what it stored is dropped and its later windows bypass the cache.
 */
export interface CacheBudget {
  storedLegs: number;
  storedKeys: string[];
  over: boolean;
}

/** A budget for one query's windows. */
export function createCacheBudget(): CacheBudget {
  return { storedLegs: 0, storedKeys: [], over: false };
}

interface InFlight {
  recording: LegsRecording;
  abort: AbortController;
  readers: number;
}

/**
 * Where the client's legs come from, one window at a time: a finished window from the cache; a
 * window that is being fetched for someone else joins that fetch (100 digests for the same period
 * make one set of PBX requests); anything else starts a fetch that others may join. A fetch whose
 * readers all left is aborted. Only windows that ended `settleMs` before the fetch began are
 * cached, and only when fetched completely.
 */
export class WindowLegsHub {
  private readonly inFlight = new Map<string, InFlight>();

  constructor(private readonly options: WindowLegsHubOptions) {}

  /**
   * A feed of the window's legs for one reader; unreadable rows are added to `tally` when read to the
   * end, and `onCounted` is told the PBX's count then when the fetch proved every row read.
   */
  openFeed(
    window: FetchWindow,
    query: CallLogQuery,
    tally: SkippedRowsTally,
    budget: CacheBudget = createCacheBudget(),
    onCounted?: WindowCounted,
  ): PageFeed<CallLeg> {
    const { cache, now } = this.options;
    const key = windowKey(window, query);
    const nowMs = now();
    const cached = cache?.get(key, nowMs);
    if (cached) {
      const { legs, skippedRows, pbxCount } = cached;
      return LegsRecording.complete(legs, skippedRows, pbxCount).openReader(tally, () => {}, onCounted);
    }
    const shared = this.inFlight.get(key) ?? this.startFetch(key, window, query, nowMs, budget);
    shared.readers++;
    return shared.recording.openReader(
      tally,
      () => {
        shared.readers--;
        if (shared.readers === 0 && !shared.recording.settled) {
          // Nobody reads any more: stop, and let the next reader start afresh.
          this.forget(key, shared);
          shared.abort.abort();
        }
      },
      onCounted,
    );
  }

  /** Fetches in flight, for tests. */
  get inFlightCount(): number {
    return this.inFlight.size;
  }

  private startFetch(
    key: string,
    window: FetchWindow,
    query: CallLogQuery,
    nowMs: number,
    budget: CacheBudget,
  ): InFlight {
    const shared: InFlight = { recording: new LegsRecording(), abort: new AbortController(), readers: 0 };
    const cacheable = this.options.cache !== undefined && window.endMs <= nowMs - this.options.settleMs;
    this.inFlight.set(key, shared);
    void this.record(window, query, shared).then((complete) => {
      this.forget(key, shared);
      if (complete && cacheable) this.store(key, shared.recording, budget);
    });
    return shared;
  }

  /** Never rejects: resolves true when the whole window was recorded, false on failure or abort. */
  private async record(window: FetchWindow, query: CallLogQuery, shared: InFlight): Promise<boolean> {
    const { recording, abort } = shared;
    try {
      for await (const page of this.options.source(window, query, abort.signal)) {
        if (abort.signal.aborted) break;
        recording.append(page.items, page.unreadableRows);
        if (page.pbxCount !== undefined) recording.pbxCount = page.pbxCount;
      }
      if (abort.signal.aborted) {
        recording.finish({ error: abort.signal.reason });
        return false;
      }
      recording.finish();
      return true;
    } catch (error) {
      recording.finish({ error });
      if (!abort.signal.aborted) {
        this.options.logger.debug('A call-log window fetch failed', { readers: shared.readers });
      }
      return false;
    }
  }

  /** Caches a complete window unless its query's windows add up to more than the cache holds. */
  private store(key: string, recording: LegsRecording, budget: CacheBudget): void {
    const { cache } = this.options;
    if (cache === undefined || budget.over) return;
    budget.storedLegs += recording.legs.length;
    if (budget.storedLegs > cache.maxLegs) {
      budget.over = true;
      for (const stored of budget.storedKeys) cache.delete(stored);
      budget.storedKeys.length = 0;
      return;
    }
    const { legs, skippedRows, pbxCount } = recording;
    cache.set(key, { legs, skippedRows, pbxCount }, this.options.now());
    budget.storedKeys.push(key);
  }

  private forget(key: string, shared: InFlight): void {
    if (this.inFlight.get(key) === shared) this.inFlight.delete(key);
  }
}

/** Identifies what a window's rows depend on: its span, the report's parameters and the OData options. */
export function windowKey(window: FetchWindow, query: CallLogQuery): string {
  const p = query.callLog;
  return JSON.stringify([
    window.startMs,
    window.endMs,
    p.sourceType,
    p.sourceFilter,
    p.destinationType,
    p.destinationFilter,
    p.callsType,
    p.callTimeFilterType,
    p.callTimeFilterFrom,
    p.callTimeFilterTo,
    p.hidePcalls,
    query.filter ?? null,
    query.search ?? null,
    query.select ?? null,
    query.orderby ?? null,
    query.expand ?? null,
  ]);
}
