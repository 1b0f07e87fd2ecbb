import type { RawCallLogRow } from '../core/call-log-source';
import { NOT_A_GUID, readGuidWords } from '../core/guid-words';

/** The field that identifies one leg (3CX's per-leg GUID); the fetcher adds it to any `$select`. */
export const ROW_IDENTITY_FIELD = 'CdrId';

/** What a row's key was, seen from one span of a window. */
export const NEW_ROW = 0;
/** Passed on already from another span of the same window (before a split): counts for this span, not passed on again. */
export const SEEN_IN_WINDOW = 1;
/** Already received in this span (a page repeating rows): ignored. */
export const SEEN_IN_SPAN = 2;

const WORDS_PER_KEY = 4;
/** GUIDs a new window has room for (a power of two); the room doubles when it is used up. */
const INITIAL_ENTRIES = 1 << 10;
/** `reserve` makes room for at most this many GUIDs (a count is the PBX's word, not rows received). */
const MAX_RESERVED_ENTRIES = 1 << 16;

/**
 * The identities of the rows of one call-log window, so that rows a page repeats (live traffic
 * moves rows between pages) or a split fetches again are passed on once. A key is the row's
 * `CdrId`, or without one the whole row as JSON; two rows are the same row exactly when their keys
 * are the same text. Held per window, dropped with it: never per report.
 *
 * A `CdrId` that is a GUID (3CX's, every row) is kept as its 128 bits and its letter case, not as
 * a string: no string outlives its row, so the collector has nothing to keep alive or move.
 * `readGuidWords` maps a GUID text to its words and case one to one (mixed-case text is not
 * taken), so equal keys are exactly equal texts. The GUIDs are appended in arrival order (each
 * row's words are read straight into the next entry); an open-addressing table of (hash, entry)
 * pairs, 8 bytes a slot and at most half full, finds them: a probe reads the slot's hash and looks
 * at the entry's words only when the hash is the same, where all 128 bits and the case are
 * compared (no hash is trusted, nothing can collide). Any other key (a `CdrId` that is not a GUID,
 * a row's JSON) goes to a `Map` of strings, as all keys did before.
 */
export class WindowRowKeys {
  /** Entry `e`'s GUID at `words[4e..4e+3]`; a row's GUID is read into the entry after the last. */
  private words = new Uint32Array(INITIAL_ENTRIES * WORDS_PER_KEY);
  /** Entry `e`'s `span * 4 + letter case` (GUID_LOWER 1, GUID_UPPER 2). */
  private marks = new Int32Array(INITIAL_ENTRIES);
  private entries = 0;
  /** Slot `s`: its entry's hash at `2s`, `entry + 1` at `2s + 1` (0: empty). */
  private slots = new Int32Array(INITIAL_ENTRIES * 2 * 2);
  /** Keys that are not GUIDs -> the span that last received each. */
  private spanByText: Map<string, number> | undefined;
  private spans = 0;

  /** A new span of the window (the window itself, or a piece of it after a split). */
  openSpan(): number {
    return ++this.spans;
  }

  /**
   * Room for `rows` GUIDs in all (the window's `@odata.count`, up to `MAX_RESERVED_ENTRIES`), so
   * that the table is made once at about the right size instead of doubled as rows arrive.
   */
  reserve(rows: number): void {
    let capacity = this.marks.length;
    while (capacity <= Math.min(rows, MAX_RESERVED_ENTRIES)) capacity *= 2;
    if (capacity > this.marks.length) this.grow(capacity);
  }

  /** Records that `span` received `entry` and says whether it is new to the window, or to the span. */
  see(entry: unknown, span: number): number {
    if (typeof entry === 'object' && entry !== null) {
      const id = (entry as RawCallLogRow)[ROW_IDENTITY_FIELD];
      if (typeof id === 'string' && id !== '') {
        const letterCase = readGuid(id, this.words, this.entries * WORDS_PER_KEY);
        return letterCase === notAGuid ? this.seeText(id, span) : this.seeGuid(letterCase, span);
      }
    }
    return this.seeText(JSON.stringify(entry) ?? 'undefined', span);
  }

  /** The GUID just read into the entry after the last. */
  private seeGuid(letterCase: number, span: number): number {
    const { words, marks, slots } = this;
    const next = this.entries;
    const at = next * WORDS_PER_KEY;
    const w0 = words[at]!;
    const w1 = words[at + 1]!;
    const w2 = words[at + 2]!;
    const w3 = words[at + 3]!;
    const hash = hashWords(w0, w1, w2, w3);
    const mask = (slots.length >>> 1) - 1;
    let slot = hash & mask;
    for (let held = slots[2 * slot + 1]!; held !== 0; held = slots[2 * slot + 1]!) {
      if (slots[2 * slot] === hash) {
        const entry = held - 1;
        const from = entry * WORDS_PER_KEY;
        const mark = marks[entry]!;
        if (
          words[from] === w0 &&
          words[from + 1] === w1 &&
          words[from + 2] === w2 &&
          words[from + 3] === w3 &&
          (mark & 3) === letterCase
        ) {
          if (mark >>> 2 === span) return SEEN_IN_SPAN;
          marks[entry] = span * 4 + letterCase;
          return SEEN_IN_WINDOW;
        }
      }
      slot = (slot + 1) & mask;
    }
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = next + 1;
    marks[next] = span * 4 + letterCase;
    this.entries = next + 1;
    if (this.entries === marks.length) this.grow(marks.length * 2);
    return NEW_ROW;
  }

  private seeText(key: string, span: number): number {
    this.spanByText ??= new Map();
    const lastSpan = this.spanByText.get(key);
    if (lastSpan === span) return SEEN_IN_SPAN;
    this.spanByText.set(key, span);
    return lastSpan === undefined ? NEW_ROW : SEEN_IN_WINDOW;
  }

  /**
   * Room for `capacity` entries (a power of two; those held stay in place), and twice as many
   * slots, each placed again by its hash.
   */
  private grow(capacity: number): void {
    const words = new Uint32Array(capacity * WORDS_PER_KEY);
    words.set(this.words.subarray(0, this.entries * WORDS_PER_KEY));
    const marks = new Int32Array(capacity);
    marks.set(this.marks);
    const old = this.slots;
    const slots = new Int32Array(capacity * 2 * 2);
    const mask = (slots.length >>> 1) - 1;
    for (let from = 0; from < old.length; from += 2) {
      const held = old[from + 1]!;
      if (held === 0) continue;
      const hash = old[from]!;
      let slot = hash & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = hash;
      slots[2 * slot + 1] = held;
    }
    this.words = words;
    this.marks = marks;
    this.slots = slots;
  }
}

/**
 * Imported names used for every row, read once: under tsx (how the bot runs) each use of an
 * imported name calls CommonJS export getters (docs/performance.md, "Imported names in per-row code").
 */
const readGuid = readGuidWords;
const notAGuid = NOT_A_GUID;

/**
 * A hash of four words: every bit of every word counts (GUIDs that differ only in a few bytes, as
 * sequential ones do, still spread), finished with MurmurHash3's mixer. Exported for tests.
 */
export function hashWords(w0: number, w1: number, w2: number, w3: number): number {
  let h = Math.imul(w0, 0xcc9e2d51) ^ w1;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ w2;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ w3;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
