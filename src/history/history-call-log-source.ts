import type { CallLeg } from '../core/call-leg';
import {
  type CallLogQuery,
  type CallLogSource,
  countRowsWithSample,
  legPagesOf,
  type RawCallLogRow,
  type RowCountOptions,
  type RowCountWithSample,
  type WindowCountListener,
} from '../core/call-log-source';
import type { Directory } from '../core/directory';
import { describeError } from '../core/errors';
import { type Logger, silentLogger } from '../core/logger';
import { DEFAULT_CALL_LOG_PARAMETERS } from '../core/report-request';
import { nextTurn, TimeSlicer } from '../core/time-slicer';
import { DaysFromWindows, type ProvenDay } from './days-from-windows';
import type { DayCallsScan } from './decode-day-legs';
import { EagerPages } from './eager-pages';
import type { PbxHistory, UtcDay } from './history-store';
import { InvolvedCallsFilter } from './involved-calls-filter';
import { storeDayIfComplete } from './store-day-from-source';
import { StoredDayReader } from './stored-day-reader';
import { type StoredDayCount, StoredLogTrust } from './stored-log-trust';
import {
  isClosedDay,
  oldestHistoryDay,
  splitAtUtcMidnights,
  UTC_DAY_MS,
  type UtcDayPiece,
  utcDayStartOf,
} from './utc-day-split';

export interface HistoryCallLogSourceOptions {
  /** The PBX (the XAPI client); everything history does not serve goes to it. */
  inner: CallLogSource;
  store: PbxHistory;
  /** HISTORY_DAYS (> 0; at 0 there is no decorator at all). */
  historyDays: number;
  /** The clock; default the wall clock. */
  now?: () => Date;
  logger?: Logger;
  /**
   * A closed day the query covers only in part is read whole (and stored) while the extra time read
   * stays within this share of the query's span; default 0.1 (issue 20: the first read of a month
   * may cost at most 10 % more than without history).
   */
  widenBudget?: number;
  /** Stored days read from the store at once; default 8. */
  readBatchDays?: number;
  /**
   * Legs of proven days held (packed, by the client) until no read is under way and stored then
   * (so that storing costs the reports nothing); past this many, a day is stored as soon as it is
   * proven. Default 300,000 (a month and its previous one at 2,000 calls a day).
   */
  deferLegs?: number;
  /**
   * About how long (ms) stored days are read and reported on, or days stored, before the event
   * loop gets a turn; default 10 (SQLite answers without one). 0: a turn before every day.
   */
  sliceMs?: number;
  /**
   * Decides whether the stored days are still this PBX's log's; default one of its own over `store`,
   * asking `inner`. The bot shares one with the background check (`wire-history.ts`).
   */
  trust?: StoredLogTrust;
}

/** One stretch of the query, in order: a stored day's piece, or a run of pieces asked of the PBX. */
type Segment =
  | { kind: 'stored'; piece: UtcDayPiece }
  | {
      kind: 'pbx';
      /** What is asked of the PBX: the pieces, widened to whole days where a partial day is filled. */
      fromMs: number;
      toMs: number;
      /** What the query asked for (legs outside are read only to store their day). */
      keepFromMs: number;
      keepToMs: number;
      /** Closed days read whole here, to be stored when complete. */
      fillDays: UtcDay[];
    };

/**
 * A `CallLogSource` that serves closed UTC days from the store (issue 20) and everything else from
 * the PBX. Only report queries (`streamLegs`/`streamLegPages`) with 3CX's default parameters and no
 * OData options use history; `streamRows`, `countRows` and every other query go to the PBX as they
 * are. A closed day not yet stored is stored when the query reads it whole (see docs/history.md).
 *
 * Legs come in time order of the pieces: a stored day's legs sorted by start, the PBX's as it sends
 * them, so the disorder is the PBX client's (`legDisorderMs`).
 */
export class HistoryCallLogSource implements CallLogSource {
  private readonly now: () => Date;
  private readonly logger: Logger;
  private readonly widenBudget: number;
  private readonly readBatchDays: number;
  /** Days being stored by this process (a second query reading the same day does not store it again). */
  private readonly storing = new Set<UtcDay>();
  private readonly pending = new Set<Promise<void>>();
  private readonly deferLegs: number;
  /** Legs held for storing once no read is under way. */
  private deferredLegs = 0;
  /** Days read completely, held until no read of this source is under way (`storeWaitingDays`). */
  private readonly waiting: ProvenDay[] = [];
  /** Reads (`streamLegPages`) under way, and who waits for there to be none. */
  private activeReads = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly trust: StoredLogTrust;

  constructor(private readonly options: HistoryCallLogSourceOptions) {
    this.now = options.now ?? (() => new Date());
    this.logger = options.logger ?? silentLogger;
    this.widenBudget = options.widenBudget ?? 0.1;
    this.readBatchDays = Math.max(1, options.readBatchDays ?? 8);
    this.deferLegs = options.deferLegs ?? 300_000;
    this.trust =
      options.trust ??
      StoredLogTrust.asking(options.inner, options.store, { now: this.now, logger: this.logger });
  }

  get legDisorderMs(): number | undefined {
    return this.options.inner.legDisorderMs;
  }

  streamRows(query: CallLogQuery): AsyncIterable<RawCallLogRow> {
    return this.options.inner.streamRows(query);
  }

  countRows(query: CallLogQuery): Promise<number> {
    return this.options.inner.countRows(query);
  }

  countRowsWithSample(query: CallLogQuery, options?: RowCountOptions): Promise<RowCountWithSample> {
    return countRowsWithSample(this.options.inner, query, options);
  }

  getDirectory(): Promise<Directory> {
    return this.options.inner.getDirectory();
  }

  cachedDirectory(): Directory | undefined {
    return this.options.inner.cachedDirectory?.();
  }

  checkConnection(): Promise<void> {
    return this.options.inner.checkConnection();
  }

  async *streamLegs(query: CallLogQuery): AsyncGenerator<CallLeg> {
    for await (const legs of this.streamLegPages(query)) for (const leg of legs) yield leg;
  }

  async *streamLegPages(query: CallLogQuery): AsyncGenerator<readonly CallLeg[]> {
    this.activeReads++;
    try {
      yield* this.readLegPages(query);
    } finally {
      this.activeReads--;
      if (this.activeReads === 0) {
        for (const wake of this.idleWaiters.splice(0)) wake();
        this.storeWaitingDays();
      }
    }
  }

  private async *readLegPages(query: CallLogQuery): AsyncGenerator<readonly CallLeg[]> {
    if (!usesHistory(query)) {
      yield* this.innerPages(query);
      return;
    }
    const nowMs = this.now().getTime();
    const segments = await this.plan(query, nowMs);
    const storedDays = new StoredDayReader(
      this.options.store,
      segments.flatMap((segment) => (segment.kind === 'stored' ? [segment.piece.day] : [])),
      this.readBatchDays,
    );
    // Every run asked of the PBX starts now (its first page is asked for), as the client would
    // have started the whole query: stored days in front of it cost it no time.
    const runs = new Map<Segment, EagerPages>();
    for (const segment of segments) {
      if (segment.kind === 'pbx') runs.set(segment, this.openRun(segment, query));
    }
    // Only calls that a report's filters can count, out of stored days (the decoding stays).
    const involved = InvolvedCallsFilter.of(query.involving);
    // Stored days come without a turn of the event loop (SQLite answers at once): a year of them
    // would hold the process for seconds, Slack's acknowledgements too.
    const slicer = new TimeSlicer(this.options.sliceMs, 1);
    try {
      for (const segment of segments) {
        if (segment.kind === 'pbx') {
          yield* passedThrough(runs.get(segment)!, involved, segment.keepToMs);
          continue;
        }
        if (slicer.due()) await slicer.pause();
        const { piece } = segment;
        const choose =
          involved && ((day: DayCallsScan) => involved.chooseCalls(day, piece.fromMs, piece.toMs));
        const legs = await storedDays.legsOf(piece.day, choose).catch((error: unknown) => {
          this.logger.warn('Could not read a stored call-log day; asking the PBX', {
            day: piece.day,
            error: describeError(error),
          });
          return undefined;
        });
        if (legs === undefined) {
          // Deleted since it was listed (retention, purge) or unreadable: the PBX serves the piece.
          const pieceQuery = { ...query, from: new Date(piece.fromMs), to: new Date(piece.toMs) };
          yield* passedThrough(this.innerPages(pieceQuery), involved, piece.toMs);
          continue;
        }
        const kept = legsWithin(legs, piece);
        if (kept.length > 0) yield kept;
      }
    } finally {
      for (const run of runs.values()) run.abandon();
    }
  }

  /** Resolves once the days this source is storing are stored (or given up); for shutdown and tests. */
  async whenIdle(): Promise<void> {
    for (;;) {
      if (this.pending.size > 0) await Promise.all([...this.pending]);
      else if (this.waiting.length > 0 && this.activeReads > 0)
        await new Promise<void>((wake) => this.idleWaiters.push(wake));
      else if (this.waiting.length > 0) this.storeWaitingDays();
      else return;
    }
  }

  private innerPages(
    query: CallLogQuery,
    onWindowCounted?: WindowCountListener,
  ): AsyncIterable<readonly CallLeg[]> {
    return legPagesOf(this.options.inner, query, onWindowCounted);
  }

  /** The query cut at UTC midnights into stored pieces and runs for the PBX. */
  private async plan(query: CallLogQuery, nowMs: number): Promise<Segment[]> {
    const pieces = splitAtUtcMidnights(query.from.getTime(), query.to.getTime());
    const oldest = oldestHistoryDay(nowMs, this.options.historyDays);
    const eligible = (piece: UtcDayPiece) => piece.day >= oldest && isClosedDay(piece.dayStartMs, nowMs);
    const firstEligible = pieces.find(eligible);
    let listed: StoredDayCount[] = [];
    let used: StoredDayCount[] = [];
    if (firstEligible) {
      try {
        const asked = new Set(pieces.filter(eligible).map((piece) => piece.day));
        // Every stored day kept, not only the read's: the probe's span (`StoredLogTrust`) may reach past them.
        listed = await this.options.store.listDaysSince(oldest);
        used = listed.filter((entry) => asked.has(entry.day));
      } catch (error) {
        this.logger.warn('Could not read the stored call-log days; asking the PBX', {
          error: describeError(error),
        });
        return [
          {
            kind: 'pbx',
            fromMs: query.from.getTime(),
            toMs: query.to.getTime(),
            keepFromMs: query.from.getTime(),
            keepToMs: query.to.getTime(),
            fillDays: [],
          },
        ];
      }
    }
    const stored = used.length > 0 ? await this.trust.trustedDays(used, listed, oldest) : new Set<UtcDay>();
    const fill = new Set<UtcDayPiece>();
    const partial: UtcDayPiece[] = [];
    for (const piece of pieces) {
      if (!eligible(piece) || stored.has(piece.day)) continue;
      if (piece.fromMs === piece.dayStartMs && piece.toMs === piece.dayEndMs) fill.add(piece);
      else partial.push(piece);
    }
    // Partial closed days (a query's first and last piece) are read whole while the extra time read
    // stays within the budget, the cheaper first.
    let budgetMs = this.widenBudget * (query.to.getTime() - query.from.getTime());
    for (const piece of partial.sort((a, b) => extraMs(a) - extraMs(b))) {
      if (extraMs(piece) > budgetMs) break;
      budgetMs -= extraMs(piece);
      fill.add(piece);
    }
    const segments: Segment[] = [];
    let run: Extract<Segment, { kind: 'pbx' }> | undefined;
    for (const piece of pieces) {
      if (eligible(piece) && stored.has(piece.day)) {
        run = undefined;
        segments.push({ kind: 'stored', piece });
        continue;
      }
      const filled = fill.has(piece);
      // A run that fills days starts at a UTC midnight, so that the client's windows (a day each,
      // aligned to the run's start) are the days themselves and each is counted as it is read.
      if (run !== undefined && filled && run.fromMs !== utcDayStartOf(run.fromMs)) run = undefined;
      if (run === undefined) {
        run = {
          kind: 'pbx',
          fromMs: filled ? piece.dayStartMs : piece.fromMs,
          toMs: 0,
          keepFromMs: piece.fromMs,
          keepToMs: 0,
          fillDays: [],
        };
        segments.push(run);
      }
      run.toMs = filled ? piece.dayEndMs : piece.toMs;
      run.keepToMs = piece.toMs;
      if (filled) run.fillDays.push(piece.day);
    }
    return segments;
  }

  /** A run's pages, asked for at once; the days it fills are stored once read completely. */
  private openRun(segment: Extract<Segment, { kind: 'pbx' }>, query: CallLogQuery): EagerPages {
    const runQuery: CallLogQuery = { ...query, from: new Date(segment.fromMs), to: new Date(segment.toMs) };
    const fillDays = segment.fillDays.filter((day) => !this.storing.has(day));
    for (const day of fillDays) this.storing.add(day);
    return new EagerPages(this.readRun(runQuery, segment, fillDays));
  }

  private async *readRun(
    runQuery: CallLogQuery,
    segment: Extract<Segment, { kind: 'pbx' }>,
    fillDays: UtcDay[],
  ): AsyncGenerator<readonly CallLeg[]> {
    const days = new DaysFromWindows(fillDays);
    const onWindowCounted: WindowCountListener | undefined =
      fillDays.length === 0
        ? undefined
        : (window, pbxCount, legs) => {
            const proven = days.add(window, pbxCount, legs);
            if (proven) this.holdForStoring(proven);
          };
    const { keepFromMs, keepToMs } = segment;
    const trims = segment.fromMs < keepFromMs || segment.toMs > keepToMs;
    try {
      for await (const page of this.innerPages(runQuery, onWindowCounted)) {
        if (!trims) {
          if (page.length > 0) yield page;
          continue;
        }
        const kept = page.filter((leg) => leg.startMs >= keepFromMs && leg.startMs < keepToMs);
        if (kept.length > 0) yield kept;
      }
    } finally {
      // Days no counted window proved (the read failed or stopped, or a row moved): a later read tries again.
      for (const day of days.unproven()) this.storing.delete(day);
    }
  }

  /** A proven day, held until no read is under way; past `deferLegs` held, stored at once. */
  private holdForStoring(day: ProvenDay): void {
    if (this.deferredLegs + day.pbxCount <= this.deferLegs) {
      this.deferredLegs += day.pbxCount;
      this.waiting.push(day);
      this.storeWaitingDays();
    } else {
      this.storeDays([day], false);
    }
  }

  /**
   * Stores the days held for it once no read is under way: encoding and checking a day costs CPU
   * that a report still reading (the other period of a comparison, say) would otherwise wait for.
   */
  private storeWaitingDays(): void {
    if (this.activeReads > 0 || this.waiting.length === 0) return;
    this.storeDays(this.waiting.splice(0), true);
  }

  /**
   * Stores days read completely, one after the other, in the background of the report (see
   * `storeDayIfComplete`); `deferred`: they were held until the reads were over, and start on the
   * next turn of the event loop (the report's last steps first).
   */
  private storeDays(days: ProvenDay[], deferred: boolean): void {
    const stored: Promise<void> = (async () => {
      if (deferred) await nextTurn();
      // A day's storing (encoding, SQLite's write) gives no turn of the event loop by itself.
      const slicer = new TimeSlicer(this.options.sliceMs, 1);
      for (const day of days) {
        if (slicer.due()) await slicer.pause();
        try {
          await storeDayIfComplete({
            source: this.options.inner,
            store: this.options.store,
            day: day.day,
            legs: day.legs(),
            pbxCount: day.pbxCount,
            now: this.now,
            logger: this.logger,
            replace: false,
          });
        } catch (error) {
          this.logger.warn('Could not store a call-log day', { day: day.day, error: describeError(error) });
        } finally {
          this.storing.delete(day.day);
          if (deferred) this.deferredLegs -= day.pbxCount;
        }
      }
    })().finally(() => this.pending.delete(stored));
    this.pending.add(stored);
  }
}

/** Whether the query is a report's, with 3CX's default parameters and no OData options. */
export function usesHistory(query: CallLogQuery): boolean {
  if (
    query.filter !== undefined ||
    query.search !== undefined ||
    query.select !== undefined ||
    query.orderby !== undefined ||
    query.expand !== undefined ||
    query.top !== undefined ||
    query.skip !== undefined
  ) {
    return false;
  }
  const asked = query.callLog as unknown as Record<string, unknown>;
  const defaults = DEFAULT_CALL_LOG_PARAMETERS as unknown as Record<string, unknown>;
  const keys = Object.keys(defaults);
  return Object.keys(asked).length === keys.length && keys.every((key) => asked[key] === defaults[key]);
}

/** How much longer than the piece its whole day is. */
function extraMs(piece: UtcDayPiece): number {
  return UTC_DAY_MS - (piece.toMs - piece.fromMs);
}

/** The legs starting within the piece, sorted by start (a stored day is sorted; kept stable otherwise). */
function legsWithin(legs: CallLeg[], piece: UtcDayPiece): CallLeg[] {
  let sorted = true;
  for (let i = 1; i < legs.length; i++) {
    if (legs[i]!.startMs < legs[i - 1]!.startMs) {
      sorted = false;
      break;
    }
  }
  const inOrder = sorted ? legs : legs.slice().sort((a, b) => a.startMs - b.startMs);
  const first = inOrder[0];
  const last = inOrder.at(-1);
  if (first === undefined || last === undefined) return inOrder;
  // Every leg within the piece (a whole day's piece): no copy.
  if (first.startMs >= piece.fromMs && last.startMs < piece.toMs) return inOrder;
  return inOrder.filter((leg) => leg.startMs >= piece.fromMs && leg.startMs < piece.toMs);
}

/** A piece's pages as they are, noted by the filter (if any) for the calls that go on past `pieceEndMs`. */
async function* passedThrough(
  pages: AsyncIterable<readonly CallLeg[]>,
  involved: InvolvedCallsFilter | undefined,
  pieceEndMs: number,
): AsyncGenerator<readonly CallLeg[]> {
  for await (const page of pages) {
    involved?.passed(page, pieceEndMs);
    yield page;
  }
  involved?.endPiece(pieceEndMs);
}
