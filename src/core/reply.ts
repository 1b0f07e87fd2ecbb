import type { RawCallLogRow } from './call-log-source';
import type { Report } from './report';
import type { Assumption } from './report-request';

/**
 * A platform-neutral answer to a command. Renderers turn it into Block Kit, an Adaptive Card or
 * plain text; they add nothing but presentation.
 */
export type Reply = ReportReply | RowsReply | HelpReply | ErrorReply | NoticeReply | ExplainReply;

/** A button under a reply. `value` is opaque to renderers and untrusted when it comes back. */
export interface ReplyAction {
  id: ReplyActionId;
  label: string;
  value: string;
  /**
   * Tells apart buttons of the same `id` on one reply (the candidates of an ambiguous name, each
   * `summary` with its own command); absent on a reply's usual buttons, of which each id is one.
   */
  key?: string;
}

export type ReplyActionId =
  | 'missed'
  | 'by-extension'
  | 'previous'
  | 'next'
  | 'export-csv'
  | 'export-xlsx'
  | 'share'
  | 'summary'
  | 'list';

/** What the reply puts first: the summary, the missed calls, or the per-extension or per-queue table. */
export type ReportFocus = 'summary' | 'missed' | 'extensions' | 'queues';

/** The report's `assumptions` (how the words were read) are stated by every rendering. */
export interface ReportReply {
  kind: 'report';
  /** `unreturned`: the report's `unreturned` list leads (who is still waiting for a call back). */
  view: 'summary' | 'list' | 'unreturned';
  focus: ReportFocus;
  report: Report;
  /** The resolved window as a person reads it, zone included. */
  windowLabel: string;
  /** Extra lines for the reader, e.g. "Narrowed to your extension 101." */
  notes: string[];
  actions: ReplyAction[];
  /**
   * The reply's chart as data (calls by hour on a summary, the buckets of a trend); renderers
   * draw it their own way (a PNG in Slack, `Chart.*` in Teams, text bars as the fallback).
   */
  chart?: ChartData;
}

/** A chart as data: one label per bar or point, one or more series of equal length. */
export interface ChartData {
  kind: 'bar' | 'line';
  title: string;
  labels: string[];
  series: ChartSeries[];
}

export interface ChartSeries {
  name: string;
  values: number[];
}

export interface RowsReply {
  kind: 'rows';
  windowLabel: string;
  rowCount: number;
  /** The first rows, for a preview; the whole result goes out as a file. */
  previewRows: RawCallLogRow[];
  notes: string[];
  actions: ReplyAction[];
  /** How the words were read (see `ReportRequest.assumptions`); absent: none. */
  assumptions?: Assumption[];
}

export interface HelpReply {
  kind: 'help';
  /** The usage text (plain text with `code` spans). */
  text: string;
}

export interface ErrorReply {
  kind: 'error';
  /** What went wrong, in words the asker understands. */
  message: string;
  /** What to do next, e.g. "Try: last week ext 101". */
  hint?: string;
  /** Set for unexpected failures: the id under which the details were logged. */
  reference?: string;
  /** Ways out to click, e.g. each candidate of an ambiguous name as the command with its `ext N`. */
  actions?: ReplyAction[];
}

export interface NoticeReply {
  kind: 'notice';
  text: string;
}

/**
 * `explain <words>`: how the words read (the contract's explanation, for people), without running
 * anything. `windowLabel` is null for commands without a window (`help`, digest commands); for a
 * comparison of periods it names both ("… with …").
 */
export interface ExplainReply {
  kind: 'explain';
  /** The words explained, as typed (without `explain`). */
  words: string;
  view: string;
  windowLabel: string | null;
  /** The normalised command that buttons and digests store. */
  command: string;
  filters: Report['filters'];
  /** Names not resolved against the directory (none was at hand). */
  names: string[];
  assumptions: Assumption[];
  /** What the directory says of the `ext`/`queue` numbers, or that they will be looked up. */
  notes: string[];
  /** What will be computed beyond the summary ("a ranking: top 10 extensions by missed"); absent for a plain view. */
  computes?: string;
}
