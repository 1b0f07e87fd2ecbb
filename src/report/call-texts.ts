import { stripBidiControls } from '../core/strip-bidi-controls';

// A module-local copy: CommonJS output reads an imported name through a getter on every call.
const stripControls = stripBidiControls;

/** The texts a call may keep, as field numbers of a `CallTexts` record. */
export const TEXT_SOURCE_CALLER_ID = 0;
export const TEXT_SOURCE_NAME = 1;
export const TEXT_DESTINATION_DN = 2;
export const TEXT_DESTINATION_NAME = 3;
export const TEXT_DESTINATION_CALLER_ID = 4;
const FIELDS = 5;
/** Distinct texts whose stripped form is remembered; past it, the memory starts over. */
const MAX_STRIPPED = 10_000;
/** No record: what a call's reference holds until it keeps a text. */
export const NO_TEXTS = -1;

/**
 * The caller ids and names of the calls that still need them (unanswered ones, or all in the list
 * view), as records of five strings, with the (start, segment, span) of the last leg seen, which
 * picks the destination texts. Most calls never keep texts or drop them once answered, so a call
 * holds a 4-byte record number instead of five references and 16 bytes, and released records are
 * reused.
 */
export class CallTexts {
  private readonly values: Array<string | undefined> = [];
  private readonly free: number[] = [];
  private lastStartMs = new Float64Array(1024);
  private lastSegment = new Int32Array(1024);
  private lastSpanUs = new Float32Array(1024);
  /**
   * Each text already stripped, and the result: the same few hundred names and numbers come back
   * in call after call, and a lookup costs less than the regular expression.
   */
  private readonly stripped = new Map<string, string>();

  /** A new record with every text missing and no last leg. */
  allocate(): number {
    let record = this.free.pop();
    if (record === undefined) {
      record = this.values.length / FIELDS;
      for (let field = 0; field < FIELDS; field++) this.values.push(undefined);
      if (record === this.lastStartMs.length) this.grow();
    }
    this.lastStartMs[record] = Number.NEGATIVE_INFINITY;
    this.lastSegment[record] = 0;
    this.lastSpanUs[record] = 0;
    return record;
  }

  /**
   * True, and the leg becomes the record's last, when it comes after the last leg seen: later
   * start, then higher segment, then (a tie) the longer span.
   */
  takeLast(record: number, startMs: number, segment: number, spanUs: number): boolean {
    const lastStart = this.lastStartMs[record]!;
    if (
      startMs > lastStart ||
      (startMs === lastStart &&
        (segment > this.lastSegment[record]! ||
          (segment === this.lastSegment[record]! && spanUs > this.lastSpanUs[record]!)))
    ) {
      this.lastStartMs[record] = startMs;
      this.lastSegment[record] = segment;
      this.lastSpanUs[record] = spanUs;
      return true;
    }
    return false;
  }

  /** Forgets the record's texts; its number may be handed out again. */
  release(record: number): void {
    const base = record * FIELDS;
    for (let field = 0; field < FIELDS; field++) this.values[base + field] = undefined;
    this.free.push(record);
  }

  /** Keeps a PBX text as it came (`get` strips it: most kept texts are replaced or dropped unread). */
  set(record: number, field: number, text: string | undefined): void {
    this.values[record * FIELDS + field] = text;
  }

  private strip(text: string): string {
    let result = this.stripped.get(text);
    if (result === undefined) {
      if (this.stripped.size >= MAX_STRIPPED) this.stripped.clear();
      result = stripControls(text);
      this.stripped.set(text, result);
    }
    return result;
  }

  private grow(): void {
    const size = this.lastStartMs.length * 2;
    const starts = new Float64Array(size);
    starts.set(this.lastStartMs);
    const segments = new Int32Array(size);
    segments.set(this.lastSegment);
    const spans = new Float32Array(size);
    spans.set(this.lastSpanUs);
    this.lastStartMs = starts;
    this.lastSegment = segments;
    this.lastSpanUs = spans;
  }

  /**
   * The text without bidi controls (what every rendering and export of it then shows), or '' when
   * missing (or when `record` is NO_TEXTS).
   */
  get(record: number, field: number): string {
    if (record === NO_TEXTS) return '';
    const text = this.values[record * FIELDS + field];
    return text === undefined ? '' : this.strip(text);
  }
}
