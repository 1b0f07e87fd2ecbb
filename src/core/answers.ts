/**
 * The round-2 answers (product-spec "Answers beyond the summary"): what a request may ask for
 * beyond the summary, and the report parts that answer it. JSON keys are the contract's.
 */

import type { ReportTotals } from './report';
import type { ReportFilters } from './report-request';
import type { TimeWindow } from './time-window';

/** `focus`: one named extension's own figures (docs/report-definitions.md). */
export interface ExtensionFocus {
  extension: string;
  name: string;
  /** Calls with a person leg whose DestinationDn is the extension (inbound or internal). */
  offered: number;
  /** Calls with such a leg answered. */
  answered: number;
  /** offered − answered. */
  notPickedUp: number;
  /** Inbound calls offered to it that nobody answered. */
  missed: number;
  /** Outbound calls whose first leg's SourceDn is it. */
  outbound: number;
  /** Talk of person legs where it is source or destination. */
  talkSeconds: number;
  /** talkSeconds over the calls in which it talked (0 when none). */
  avgTalkSeconds: number;
  /** The average RingingDuration of its answered legs (0 when none). */
  avgRingSeconds: number;
}

/** `previous`: the period before, as `shiftWindow`/`previousWindow` place it. */
export interface PreviousPeriod {
  window: { from: string; to: string; timeZone: string };
  totals: ReportTotals;
}

export type ComparisonBy = 'period' | 'extension' | 'queue';

/** One side of a comparison, as the report shows it. */
export interface ComparisonColumn {
  /** As a person reads it: "this week (until Mon 10:00)", "ext 101 Ben Okafor", "queue 800 Sales". */
  label: string;
  window: { from: string; to: string; timeZone: string };
  filters: { extensions: string[]; queues: string[] };
  totals: ReportTotals;
  /** The focus of the column's named extensions (empty when it names none). */
  focus: ExtensionFocus[];
}

export interface Comparison {
  by: ComparisonBy;
  columns: ComparisonColumn[];
}

export type RankingOf = 'callers' | 'extensions' | 'queues' | 'hours' | 'days' | 'calls';

/** `by`: which measure orders a ranking (the first of each list is its default). */
export const RANKING_MEASURES: Readonly<Record<RankingOf, readonly string[]>> = Object.freeze({
  callers: ['calls', 'missed', 'answered', 'talk'],
  extensions: ['calls', 'answered', 'missed', 'outbound', 'talk'],
  queues: ['calls', 'answered', 'abandoned', 'wait'],
  hours: ['calls'],
  days: ['calls'],
  calls: ['talk'],
});

export const DEFAULT_RANKING_SIZE = 10;
export const MAX_RANKING_SIZE = 50;

/** A ranking row: `key`, `name`, `value` (the measure), then the row's other fields per `of`. */
export interface RankingRow {
  key: string;
  name: string;
  value: number;
  [field: string]: string | number | boolean | null;
}

export interface Ranking {
  of: RankingOf;
  by: string;
  /** Highest `value` first, ties by key ascending. */
  rows: RankingRow[];
}

export type TrendUnit = 'day' | 'week' | 'month';

/** At most this many buckets per unit; more is an error that suggests a coarser unit. */
export const MAX_TREND_BUCKETS: Readonly<Record<TrendUnit, number>> = Object.freeze({
  day: 92,
  week: 106,
  month: 36,
});

export interface TrendBucket {
  from: string;
  to: string;
  calls: number;
  answered: number;
  missed: number;
  serviceLevelPercent: number;
  avgWaitSeconds: number;
}

export interface Trend {
  by: TrendUnit;
  buckets: TrendBucket[];
}

/** `top <of> [by <measure>] [N]`, `busiest hours|days`, `longest calls`. */
export interface RankingRequest {
  of: RankingOf;
  by: string;
  size: number;
}

/** `compare <A> to <B>`, `<A> vs <B>`: each side a window and filters; the rest of the command applies to both. */
export interface ComparisonRequest {
  by: ComparisonBy;
  sides: ComparisonSide[];
}

export interface ComparisonSide {
  window: TimeWindow;
  filters: ReportFilters;
}

/** `by extension` / `by queue`: that table first (as the By extension button does). */
export type TableFirst = 'extensions' | 'queues';
