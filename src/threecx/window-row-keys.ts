import type { RawCallLogRow } from '../core/call-log-source';

/** The field that identifies one leg (3CX's per-leg GUID); the fetcher adds it to any `$select`. */
export const ROW_IDENTITY_FIELD = 'CdrId';

/** What a row's key was, seen from one span of a window. */
export const NEW_ROW = 0;
/** Passed on already from another span of the same window (before a split): counts for this span, not passed on again. */
export const SEEN_IN_WINDOW = 1;
/** Already received in this span (a page repeating rows): ignored. */
export const SEEN_IN_SPAN = 2;

/**
 * The identities of the rows of one call-log window, so that rows a page repeats (live traffic
 * moves rows between pages) or a split fetches again are passed on once. A key is the row's
 * `CdrId`, or without one the whole row as JSON. Held per window (the window's rows, a few
 * thousand strings), dropped with it: never per report.
 */
export class WindowRowKeys {
  /** Key -> the span that last received it. */
  private readonly spanByKey = new Map<string, number>();
  private spans = 0;

  /** A new span of the window (the window itself, or a piece of it after a split). */
  openSpan(): number {
    return ++this.spans;
  }

  /** Records that `span` received `entry` and says whether it is new to the window, or to the span. */
  see(entry: unknown, span: number): number {
    const key = rowKey(entry);
    const lastSpan = this.spanByKey.get(key);
    if (lastSpan === span) return SEEN_IN_SPAN;
    this.spanByKey.set(key, span);
    return lastSpan === undefined ? NEW_ROW : SEEN_IN_WINDOW;
  }
}

/** `CdrId` when the row has one, else the row's JSON (rows parsed from JSON keep their key order). */
function rowKey(entry: unknown): string {
  if (typeof entry === 'object' && entry !== null) {
    const id = (entry as RawCallLogRow)[ROW_IDENTITY_FIELD];
    if (typeof id === 'string' && id !== '') return id;
  }
  return JSON.stringify(entry) ?? 'undefined';
}
