import { NO_TEXTS } from './call-texts';
import { EMPTY_INVOLVEMENT } from './involvement-pool';

// Module-local copies of the imports `reset` reads for every call (CommonJS reads imports through getters).
const NO_TEXT_RECORD = NO_TEXTS;
const NO_INVOLVEMENT = EMPTY_INVOLVEMENT;

/** Calls per page (a power of two): state grows a page at a time, never copied, never doubled. */
export const CALL_PAGE_SIZE = 4096;
export const CALL_PAGE_SHIFT = 12;
export const CALL_PAGE_MASK = CALL_PAGE_SIZE - 1;

/**
 * The state of up to CALL_PAGE_SIZE calls in typed columns (74 bytes a call; the last leg, which
 * only picks texts, is tracked with them in `CallTexts`). Times are epoch ms, durations whole
 * microseconds. Legs are ordered by (start, segment); ties go to the leg spanning longer (ringing +
 * talking), hence the spans.
 */
export class CallPage {
  readonly firstStartMs = new Float64Array(CALL_PAGE_SIZE).fill(Infinity);
  readonly firstSegment = new Int32Array(CALL_PAGE_SIZE);
  readonly firstSpanUs = new Float32Array(CALL_PAGE_SIZE);
  /** Index into DIRECTIONS of the call's direction, from its first leg. */
  readonly firstDirection = new Uint8Array(CALL_PAGE_SIZE);
  /** DnTable index of the first leg's source, or -1. */
  readonly firstSourceDn = new Int32Array(CALL_PAGE_SIZE);
  /** Earliest start of a leg that is not System or Digital Receptionist. */
  readonly arrivalMs = new Float64Array(CALL_PAGE_SIZE).fill(Infinity);
  /** The earliest answered person leg: its start, segment, and start + ringing (µs). */
  readonly answerStartMs = new Float64Array(CALL_PAGE_SIZE).fill(Infinity);
  readonly answerSegment = new Int32Array(CALL_PAGE_SIZE);
  readonly answerAtUs = new Float64Array(CALL_PAGE_SIZE);
  /** Latest leg end: start + ringing + talking (µs). */
  readonly maxEndUs = new Float64Array(CALL_PAGE_SIZE).fill(-Infinity);
  /** Talk of person legs (µs). */
  readonly talkUs = new Float64Array(CALL_PAGE_SIZE);
  readonly flags = new Uint8Array(CALL_PAGE_SIZE);
  /** First record of the call's involvement list, or -1. */
  readonly involvementHead = new Int32Array(CALL_PAGE_SIZE).fill(EMPTY_INVOLVEMENT);
  /** The call's record in `CallTexts` (caller ids and names), or NO_TEXTS. */
  readonly texts = new Int32Array(CALL_PAGE_SIZE).fill(NO_TEXTS);

  /** Makes call `i` fresh again, as in a new page (the fields without a sentinel are set by the first leg). */
  reset(i: number): void {
    this.firstStartMs[i] = Infinity;
    this.arrivalMs[i] = Infinity;
    this.answerStartMs[i] = Infinity;
    this.maxEndUs[i] = -Infinity;
    this.talkUs[i] = 0;
    this.flags[i] = 0;
    this.involvementHead[i] = NO_INVOLVEMENT;
    this.texts[i] = NO_TEXT_RECORD;
  }
}
