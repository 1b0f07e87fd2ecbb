import type { RankingRequest, TableFirst, TrendUnit } from '../core/answers';
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

/**
 * What the words ask for beyond the summary, with the tokens `[start, end)` that said it:
 * `top callers` (a ranking; `measureGiven` when `by <measure>` was part of it), `by week` (a
 * trend), `by extension` (that table first), a `by <measure>` apart from its `top`.
 */
export type AnswerPart = { start: number; end: number } & (
  | { kind: 'ranking'; ranking: RankingRequest; measureGiven: boolean }
  | { kind: 'trend'; by: TrendUnit }
  | { kind: 'table'; table: TableFirst }
  | { kind: 'measure'; measure: string }
);

/**
 * What words write that belongs to one side of a comparison: the command's own while its shared
 * words are read, each side's while that side's are (see `readCommandTokens`).
 */
export interface WordTarget {
  /** Indexes of the `from=` / `to=` tokens. */
  instants: { from?: number; to?: number };
  filters: ReportFilters;
  me: boolean;
  /** Names not resolved against a directory (none was given). */
  names: string[];
}

/** One side of a comparison as read: its tokens `[start, end)` and what they said. */
export interface SideDraft extends WordTarget {
  start: number;
  end: number;
}

/** What the parser has read so far; turned into a `ReportRequest` or a `CommandError` at the end. */
export interface CommandDraft extends WordTarget {
  views: Array<{ view: View; index: number }>;
  periods: FoundPeriod[];
  statuses: Array<{ status: CallStatus; index: number }>;
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
  /** Rankings, trends, tables first and measures, in the order typed. */
  answers: AnswerPart[];
  /** The two sides of a comparison (`A vs B`), read apart; absent without one. */
  sides?: [SideDraft, SideDraft];
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
    answers: [],
    names: [],
    assumptions: [],
    issues: [],
  };
}

/** A target with nothing read into it yet. */
export function emptyTarget(): WordTarget {
  return { instants: {}, filters: emptyFilters(), me: false, names: [] };
}

/** The draft's current target, taken out of it. */
export function takeTarget(draft: CommandDraft): WordTarget {
  return { instants: draft.instants, filters: draft.filters, me: draft.me, names: draft.names };
}

/** Makes `target` the one the draft's readers write to. */
export function putTarget(draft: CommandDraft, target: WordTarget): void {
  draft.instants = target.instants;
  draft.filters = target.filters;
  draft.me = target.me;
  draft.names = target.names;
}

/** Adds values to a list once each, keeping the order they were given in. */
export function addUnique<T>(list: T[], values: readonly T[]): void {
  for (const value of values) if (!list.includes(value)) list.push(value);
}
