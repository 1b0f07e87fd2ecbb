import type { Comparison, ExtensionFocus, PreviousPeriod, Ranking, Trend } from './answers';
import type { UnreturnedCall } from './callbacks';
import type { Assumption, CallDirection, CallStatus } from './report-request';

/**
 * A report exactly as the spec's `--json` prints it. Times are ISO 8601 with milliseconds and
 * the report zone's offset; seconds and percentages are whole numbers rounded half up once.
 */
export interface Report {
  window: { from: string; to: string; timeZone: string };
  filters: {
    extensions: string[];
    queues: string[];
    numbers: string[];
    directions: CallDirection[];
    status: CallStatus | null;
    /**
     * The 3CX report options in effect as command words (`time-filter=1`, `pcalls=show`, ...; see
     * `callLogOptionWords`); absent when all are 3CX's defaults.
     */
    pbxOptions?: string[];
  };
  /**
   * What the parser assumed in reading the command (`3/11` read day-first, ...), in the order made;
   * possibly empty. The report service always sets it; reports built without a request lack it.
   */
  assumptions?: Assumption[];
  totals: ReportTotals;
  /** Sorted by calls descending, then extension ascending. */
  byExtension: ExtensionStats[];
  /** Sorted by calls descending, then queue ascending. */
  byQueue: QueueStats[];
  /** 24 counts: calls by local hour of their start in the report's zone. */
  byHour: number[];
  /** Newest first. */
  missedCalls: MissedCall[];
  /**
   * Only with the `unreturned` view: the missed calls (those of `missedCalls`) with their call-back
   * state, open, tried, returned, anonymous, oldest first within each (see `findUnreturned`).
   */
  unreturned?: UnreturnedCall[];
  /** Only with the `list` view: every matching call, newest first. */
  calls?: CallSummary[];
  /** The named extensions' own figures, in the order named: only when the request names extensions or people. */
  focus?: ExtensionFocus[];
  /** The period before, on a plain summary (not with a ranking, trend or comparison). */
  previous?: PreviousPeriod;
  /** `compare A to B`, `A vs B`: both sides; the rest of the report is the first side's. */
  comparison?: Comparison;
  /** `top …`, `busiest hours|days`, `longest calls`. */
  ranking?: Ranking;
  /** `<period> by day|week|month`. */
  trend?: Trend;
}

export interface ReportTotals {
  calls: number;
  inbound: number;
  outbound: number;
  internal: number;
  answered: number;
  missed: number;
  talkSeconds: number;
  avgTalkSeconds: number;
  avgWaitSeconds: number;
  longestTalkSeconds: number;
  serviceLevelPercent: number;
}

export interface ExtensionStats {
  extension: string;
  name: string;
  calls: number;
  answered: number;
  missed: number;
  outbound: number;
  talkSeconds: number;
}

export interface QueueStats {
  queue: string;
  name: string;
  calls: number;
  answered: number;
  missed: number;
  avgWaitSeconds: number;
  /** Missed calls that ended while waiting in this queue (its leg was the call's latest-ending leg). */
  abandoned: number;
  /** abandoned of the inbound calls that entered it, in percent. */
  abandonRatePercent: number;
  /** The longest wait of its calls, answered or not, from arrival. */
  longestWaitSeconds: number;
  /** Its inbound calls answered within SERVICE_LEVEL_SECONDS, in percent of its inbound calls. */
  serviceLevelPercent: number;
}

export interface MissedCall {
  start: string;
  from: string;
  fromName: string;
  to: string;
  toName: string;
  waitSeconds: number;
}

export interface CallSummary {
  start: string;
  direction: CallDirection;
  from: string;
  fromName: string;
  to: string;
  toName: string;
  answered: boolean;
  talkSeconds: number;
  waitSeconds: number;
}
