import {
  type CallLogParameters,
  type CallStatus,
  DEFAULT_CALL_LOG_PARAMETERS,
  emptyFilters,
  type ODataOptions,
  type ReportFilters,
  type View,
} from '../core/report-request';
import type { Assumption, ParseIssue, PeriodSpec } from './command-types';

/** A period found in the command, with the token ranges it was read from. */
export interface FoundPeriod {
  spec: PeriodSpec;
  phrase: string;
  ranges: Array<[number, number]>;
  /** What reading it assumed (`3/11` day-first). */
  assumptions?: Assumption[];
  /** `may` alone: a month only when no other word of the command is unread. */
  loneMay?: boolean;
}

/** What the parser has read so far; turned into a `ReportRequest` or a `CommandError` at the end. */
export interface CommandDraft {
  views: Array<{ view: View; index: number }>;
  periods: FoundPeriod[];
  /** Indexes of the `from=` / `to=` tokens. */
  instants: { from?: number; to?: number };
  filters: ReportFilters;
  statuses: Array<{ status: CallStatus; index: number }>;
  me: boolean;
  callLog: CallLogParameters;
  odata: ODataOptions;
  /** Indexes of tokens that set OData options (valid with `rows` only). */
  odataTokens: number[];
  /** Canonical option name -> index of the token that set it. */
  seenOptions: Map<string, number>;
  /** Indexes of tokens nobody could read. */
  unknown: number[];
  /** Indexes of filler words, left out of corrected examples. */
  filler: number[];
  /** Names not resolved against a directory (none was given). */
  names: string[];
  /** Assumptions made while reading (names resolved, `ext101` read as `ext 101`). */
  assumptions: Assumption[];
  issues: ParseIssue[];
}

export function createDraft(): CommandDraft {
  return {
    views: [],
    periods: [],
    instants: {},
    filters: emptyFilters(),
    statuses: [],
    me: false,
    callLog: { ...DEFAULT_CALL_LOG_PARAMETERS },
    odata: {},
    odataTokens: [],
    seenOptions: new Map(),
    unknown: [],
    filler: [],
    names: [],
    assumptions: [],
    issues: [],
  };
}

/** Adds values to a list once each, keeping the order they were given in. */
export function addUnique<T>(list: T[], values: readonly T[]): void {
  for (const value of values) if (!list.includes(value)) list.push(value);
}
