import type { RawCallLogRow } from './call-log-source';
import type { Report } from './report';

/**
 * A platform-neutral answer to a command. Renderers turn it into Block Kit, an Adaptive Card or
 * plain text; they add nothing but presentation.
 */
export type Reply = ReportReply | RowsReply | HelpReply | ErrorReply | NoticeReply;

/** A button under a reply. `value` is opaque to renderers and untrusted when it comes back. */
export interface ReplyAction {
  id: ReplyActionId;
  label: string;
  value: string;
}

export type ReplyActionId =
  | 'missed'
  | 'by-extension'
  | 'previous'
  | 'next'
  | 'export-csv'
  | 'share'
  | 'summary'
  | 'list';

/** What the reply puts first: the summary, the missed calls, or the per-extension table. */
export type ReportFocus = 'summary' | 'missed' | 'extensions';

export interface ReportReply {
  kind: 'report';
  view: 'summary' | 'list';
  focus: ReportFocus;
  report: Report;
  /** The resolved window as a person reads it, zone included. */
  windowLabel: string;
  /** Extra lines for the reader, e.g. "Narrowed to your extension 101." */
  notes: string[];
  actions: ReplyAction[];
}

export interface RowsReply {
  kind: 'rows';
  windowLabel: string;
  rowCount: number;
  /** The first rows, for a preview; the whole result goes out as a file. */
  previewRows: RawCallLogRow[];
  notes: string[];
  actions: ReplyAction[];
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
}

export interface NoticeReply {
  kind: 'notice';
  text: string;
}
