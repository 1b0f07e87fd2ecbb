import { type CallLeg, LEG_TEXT_FIELDS } from '../core/call-leg';
import { formatGuidWords, NOT_A_GUID, readGuidWords } from '../core/guid-words';

/** Legs per chunk of columns (a power of two). */
const CHUNK_SHIFT = 8;
const CHUNK_SIZE = 1 << CHUNK_SHIFT;
const CHUNK_MASK = CHUNK_SIZE - 1;

/** The text fields of a leg, stored as indexes into the window's table of distinct strings. */
const TEXT_FIELDS = ['callKey', ...LEG_TEXT_FIELDS] as const;
const TEXTS = TEXT_FIELDS.length;
/** Index 0 of the string table stands for a missing text. */
const MISSING = 0;

const KEY_WORDS = 4;

/**
 * Imported names used for every leg, read once: under tsx (how the bot runs) each use of an
 * imported name calls CommonJS export getters (docs/performance.md, "Imported names in per-row code").
 */
const readGuid = readGuidWords;
const formatGuid = formatGuidWords;
const notAGuid = NOT_A_GUID;

/** Up to CHUNK_SIZE legs in typed columns: 89 bytes a leg plus the distinct strings (GUID call keys are not strings). */
class LegChunk {
  readonly startMs = new Float64Array(CHUNK_SIZE);
  readonly segmentId = new Float64Array(CHUNK_SIZE);
  readonly ringingSeconds = new Float64Array(CHUNK_SIZE);
  readonly talkingSeconds = new Float64Array(CHUNK_SIZE);
  /** 0 missing, 1 false, 2 true. */
  readonly answered = new Uint8Array(CHUNK_SIZE);
  readonly texts = new Int32Array(CHUNK_SIZE * TEXTS);
  /** A GUID call key as four words (its `texts` entry is then minus its letter case). */
  readonly keyWords = new Uint32Array(CHUNK_SIZE * KEY_WORDS);
}

/**
 * A window's legs in compact columns, so that windows kept for other readers and for the cache
 * cost about a third of the objects (and are not garbage the collector keeps walking). Each
 * distinct string is held once per window; GUID call keys are held as numbers. `slice` gives back legs equal to the ones appended.
 */
export class PackedLegs {
  private readonly chunks: LegChunk[] = [];
  private readonly strings: Array<string | undefined> = [undefined];
  private stringIndex: Map<string, number> | undefined = new Map();
  private count = 0;

  get length(): number {
    return this.count;
  }

  append(leg: CallLeg): void {
    if (this.stringIndex === undefined) throw new Error('PackedLegs: append after seal');
    const offset = this.count & CHUNK_MASK;
    if (offset === 0) this.chunks.push(new LegChunk());
    const chunk = this.chunks[this.chunks.length - 1]!;
    chunk.startMs[offset] = leg.startMs;
    chunk.segmentId[offset] = leg.segmentId;
    chunk.ringingSeconds[offset] = leg.ringingSeconds;
    chunk.talkingSeconds[offset] = leg.talkingSeconds;
    chunk.answered[offset] = leg.answered === undefined ? 0 : leg.answered ? 2 : 1;
    const base = offset * TEXTS;
    // Call keys are distinct per call: as words they are not strings the collector has to move.
    const letterCase = readGuid(leg.callKey, chunk.keyWords, offset * KEY_WORDS);
    chunk.texts[base] = letterCase === notAGuid ? this.indexOf(leg.callKey) : -letterCase;
    // Field by field, in TEXT_FIELDS order (a loop over computed keys is several times slower).
    const texts = chunk.texts;
    texts[base + 1] = this.indexOf(leg.sourceDn);
    texts[base + 2] = this.indexOf(leg.sourceCallerId);
    texts[base + 3] = this.indexOf(leg.sourceDisplayName);
    texts[base + 4] = this.indexOf(leg.destinationDn);
    texts[base + 5] = this.indexOf(leg.destinationCallerId);
    texts[base + 6] = this.indexOf(leg.destinationDisplayName);
    texts[base + 7] = this.indexOf(leg.direction);
    texts[base + 8] = this.indexOf(leg.legType);
    texts[base + 9] = this.indexOf(leg.status);
    this.count++;
  }

  /** No more legs: drops the lookup table that only appending needs. */
  seal(): void {
    this.stringIndex = undefined;
  }

  /** Legs `[start, end)` as fresh objects. */
  slice(start: number, end: number): CallLeg[] {
    const legs: CallLeg[] = [];
    const strings = this.strings;
    for (let index = Math.max(0, start); index < Math.min(end, this.count); index++) {
      const chunk = this.chunks[index >>> CHUNK_SHIFT]!;
      const offset = index & CHUNK_MASK;
      const base = offset * TEXTS;
      const texts = chunk.texts;
      const answered = chunk.answered[offset]!;
      const key = texts[base]!;
      legs.push({
        callKey: key < 0 ? formatGuid(chunk.keyWords, offset * KEY_WORDS, -key) : (strings[key] ?? ''),
        segmentId: chunk.segmentId[offset]!,
        startMs: chunk.startMs[offset]!,
        sourceDn: strings[texts[base + 1]!],
        sourceCallerId: strings[texts[base + 2]!],
        sourceDisplayName: strings[texts[base + 3]!],
        destinationDn: strings[texts[base + 4]!],
        destinationCallerId: strings[texts[base + 5]!],
        destinationDisplayName: strings[texts[base + 6]!],
        direction: strings[texts[base + 7]!],
        legType: strings[texts[base + 8]!],
        status: strings[texts[base + 9]!],
        answered: answered === 0 ? undefined : answered === 2,
        ringingSeconds: chunk.ringingSeconds[offset]!,
        talkingSeconds: chunk.talkingSeconds[offset]!,
      });
    }
    return legs;
  }

  private indexOf(text: string | undefined): number {
    if (text === undefined) return MISSING;
    const table = this.stringIndex!;
    let index = table.get(text);
    if (index === undefined) {
      index = this.strings.length;
      this.strings.push(text);
      table.set(text, index);
    }
    return index;
  }
}
