import type { ODataExpression, ODataOrderItem } from '../odata/odata-tree';
import type { ComparisonRequest, RankingRequest, TableFirst, TrendUnit } from './answers';
import type { TimeWindow } from './time-window';

/**
 * What the user wants to see. `summary` is the default; `unreturned` is the summary plus the
 * period's missed calls with their call-back state (which callers are still waiting).
 */
export type View = 'summary' | 'list' | 'unreturned' | 'rows' | 'help';

export type CallDirection = 'inbound' | 'outbound' | 'internal';

export type CallStatus = 'answered' | 'missed';

/** Report filters: values of one kind OR together, different kinds AND. */
export interface ReportFilters {
  extensions: string[];
  queues: string[];
  /** Digit strings (3 or more digits) searched within any leg's caller ids. */
  numbers: string[];
  directions: CallDirection[];
  status: CallStatus | null;
}

/**
 * The 3CX call-log report's own parameters (after the two dates), sent to the PBX as given.
 * Defaults are 3CX's "no filter" values and the console's `hidePcalls=true`.
 */
export interface CallLogParameters {
  sourceType: number;
  sourceFilter: string;
  destinationType: number;
  destinationFilter: string;
  callsType: number;
  callTimeFilterType: number;
  /** TimeSpan string, e.g. `0:00:0` (default) or `8:00:00`. */
  callTimeFilterFrom: string;
  callTimeFilterTo: string;
  hidePcalls: boolean;
}

export const DEFAULT_CALL_LOG_PARAMETERS: Readonly<CallLogParameters> = Object.freeze({
  sourceType: 0,
  sourceFilter: '',
  destinationType: 0,
  destinationFilter: '',
  callsType: 0,
  callTimeFilterType: 0,
  callTimeFilterFrom: '0:00:0',
  callTimeFilterTo: '0:00:0',
  hidePcalls: true,
});

/**
 * OData query options as the user gave them (the `rows` view only). `filter`, `select`, `orderby`
 * and `expand` are parsed against `Pbx.CallLogData` (src/odata) and reach the PBX only as our
 * serializer writes them, never as typed.
 */
export interface ODataOptions {
  /** Counted over the whole result, across pages and windows (for a scoped asker: over the rows they may see). */
  top?: number;
  skip?: number;
  search?: string;
  filter?: ODataExpression;
  /** With `count`, `--json` prints `{ "count": N, "rows": [...] }`. */
  count?: boolean;
  select?: string[];
  orderby?: ODataOrderItem[];
  expand?: string[];
}

/**
 * What access rules let the asker see: only calls involving (as any leg's source or destination)
 * one of these extensions or queues, ANDed with the filters; `byExtension`/`byQueue` list only
 * these. Set by the access layer, never by the parser; absent means every call.
 */
export interface CallScope {
  extensions: string[];
  queues: string[];
}

/**
 * Something the parser decided that the words alone did not say (`3/11` read day-first, `nov 30`
 * as last year's): every reply states them. `code` is one of the documented list in
 * docs/command-language.md; `text` says it to a person.
 */
export interface Assumption {
  code: string;
  text: string;
}

/** A parsed command: platform-neutral, everything resolved (the window is absolute). */
export interface ReportRequest {
  view: View;
  window: TimeWindow;
  filters: ReportFilters;
  callLog: CallLogParameters;
  odata: ODataOptions;
  /** `me` was used: the asker's own extension, filled in by the access layer. */
  me: boolean;
  /** The asker's access scope (see `CallScope`); kept apart from `filters`, which stay as asked. */
  scope?: CallScope;
  /** Every assumption the parser made, in the order made; empty when the words said it all. */
  assumptions: Assumption[];
  /** People named in the words (`calls for ben`) not yet resolved against the PBX directory. */
  names: string[];
  /** `top …`, `busiest hours|days`, `longest calls` (round 2). */
  ranking?: RankingRequest;
  /** `<period> by day|week|month`: calendar buckets in the window's zone (weeks by WEEK_START). */
  trend?: { by: TrendUnit; weekStart: 'monday' | 'sunday' };
  /** `compare A to B`, `A vs B`: the sides; `window`/`filters` above are the first side's. */
  comparison?: ComparisonRequest;
  /** `by extension` / `by queue`: that table first. */
  tableFirst?: TableFirst;
}

export function emptyFilters(): ReportFilters {
  return { extensions: [], queues: [], numbers: [], directions: [], status: null };
}
