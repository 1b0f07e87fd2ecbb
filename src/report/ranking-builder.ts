import {
  type ExtensionFocus,
  RANKING_MEASURES,
  type Ranking,
  type RankingRequest,
  type RankingRow,
} from '../core/answers';
import type { QueueStats } from '../core/report';
import type { CallFacts } from './call-facts';
import type { CallTable } from './call-table';
import { type CallerFigures, CallerTally } from './caller-tally';
import { compareNumbers } from './compare-numbers';
import { LongestCalls } from './longest-calls';
import { ZoneClock } from './zone-clock';

/** What a ranking's value is, per `of` and `by` (RANKING_MEASURES). */
const CALLER_MEASURES: Readonly<Record<string, (caller: CallerFigures) => number>> = {
  calls: (caller) => caller.calls,
  missed: (caller) => caller.missed,
  answered: (caller) => caller.answered,
  talk: (caller) => caller.talkSeconds,
};
const EXTENSION_MEASURES: Readonly<Record<string, (focus: ExtensionFocus) => number>> = {
  calls: (focus) => focus.offered,
  answered: (focus) => focus.answered,
  missed: (focus) => focus.notPickedUp,
  outbound: (focus) => focus.outbound,
  talk: (focus) => focus.talkSeconds,
};
const QUEUE_MEASURES: Readonly<Record<string, (queue: QueueStats) => number>> = {
  calls: (queue) => queue.calls,
  answered: (queue) => queue.answered,
  abandoned: (queue) => queue.abandoned,
  wait: (queue) => queue.avgWaitSeconds,
};

/** The report's figures a ranking may rank, taken when the report is finished (already within the asker's scope). */
export interface RankableFigures {
  byHour: readonly number[];
  /** Every extension's own figures (called only for `top extensions`). */
  extensions: () => ExtensionFocus[];
  queues: readonly QueueStats[];
}

/**
 * A ranking (`top …`, `busiest hours|days`, `longest calls`): collects, call by call, what the
 * report's other parts do not already hold (callers, days, the longest calls), then ranks: highest
 * value first, ties by key (numbers as a person reads them, dates as written; calls by start, then
 * call key), at most `size` rows, rows whose value is 0 left out.
 */
export class RankingBuilder {
  private readonly callers: CallerTally | undefined;
  private readonly longestCalls: LongestCalls | undefined;
  /** `busiest days`: calls per local day number (ZoneClock.localDayAt). */
  private readonly callsByDay: Map<number, number> | undefined;

  constructor(
    private readonly request: RankingRequest,
    private readonly clock: ZoneClock,
  ) {
    if (!RANKING_MEASURES[request.of]?.includes(request.by)) {
      throw new RangeError(`A ranking of ${request.of} cannot be by ${request.by}`);
    }
    this.callers = request.of === 'callers' ? new CallerTally() : undefined;
    this.longestCalls = request.of === 'calls' ? new LongestCalls(request.size) : undefined;
    this.callsByDay = request.of === 'days' ? new Map() : undefined;
  }

  /** True when the ranking needs every call's caller ids and names (the CallTable's `keepTexts: 'all'`). */
  static needsAllTexts(request: RankingRequest | undefined): boolean {
    return request?.of === 'callers' || request?.of === 'calls';
  }

  /** Counts a reported call. */
  addCall(table: CallTable, slot: number, facts: CallFacts, startMs: number): void {
    this.callers?.addCall(table, slot, facts, startMs);
    this.longestCalls?.addCall(table, slot, facts, startMs);
    if (this.callsByDay !== undefined) {
      const day = this.clock.localDayAt(startMs);
      this.callsByDay.set(day, (this.callsByDay.get(day) ?? 0) + 1);
    }
  }

  toRanking(figures: RankableFigures): Ranking {
    const { of, by } = this.request;
    return { of, by, rows: this.rowsOf(figures) };
  }

  private rowsOf(figures: RankableFigures): RankingRow[] {
    const { by, size } = this.request;
    switch (this.request.of) {
      case 'callers':
        return rank(
          toRows(this.callers!.toFigures(this.clock), 'number', CALLER_MEASURES[by]!),
          compareNumbers,
          size,
        );
      case 'extensions':
        return rank(toRows(figures.extensions(), 'extension', EXTENSION_MEASURES[by]!), compareNumbers, size);
      case 'queues':
        return rank(toRows(figures.queues, 'queue', QUEUE_MEASURES[by]!), compareNumbers, size);
      case 'hours': {
        const rows = figures.byHour.map((calls, hour) => ({ key: String(hour), name: '', value: calls }));
        return rank(rows, compareNumbers, size);
      }
      case 'days': {
        const rows = [...this.callsByDay!].map(([day, calls]) => ({
          key: ZoneClock.formatLocalDay(day),
          name: '',
          value: calls,
        }));
        return rank(rows, comparePlain, size);
      }
      case 'calls':
        // Kept in rank order (by start, not by the start's text: offsets differ across a DST change).
        return this.longestCalls!.toCalls(this.clock).map(({ talkSeconds, call: { start, ...rest } }) => ({
          key: start,
          name: rest.fromName,
          value: talkSeconds,
          ...rest,
        }));
    }
  }
}

/** Ranking rows of named figures: `key` the identifying field, `name`, `value` the measure, then every other field. */
function toRows<T extends { name: string }>(
  items: readonly T[],
  keyField: keyof T & string,
  measure: (item: T) => number,
): RankingRow[] {
  return items.map((item) => {
    const row: RankingRow = { key: String(item[keyField]), name: item.name, value: measure(item) };
    for (const [field, value] of Object.entries(item)) {
      if (field !== keyField && field !== 'name') row[field] = value as RankingRow[string];
    }
    return row;
  });
}

/** Rows with a value, highest first, ties by key; at most `size`. */
function rank(
  rows: RankingRow[],
  compareKeys: (left: string, right: string) => number,
  size: number,
): RankingRow[] {
  return rows
    .filter((row) => row.value > 0)
    .sort((a, b) => b.value - a.value || compareKeys(a.key, b.key))
    .slice(0, Math.max(0, size));
}

function comparePlain(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
