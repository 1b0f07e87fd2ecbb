import type { CallLeg } from '../core/call-leg';

/** Legs per chunk of columns (a power of two). */
const CHUNK_SHIFT = 8;
const CHUNK_SIZE = 1 << CHUNK_SHIFT;
const CHUNK_MASK = CHUNK_SIZE - 1;

/** The text fields of a leg, stored as indexes into the window's table of distinct strings. */
const TEXT_FIELDS = [
  'callKey',
  'sourceDn',
  'sourceCallerId',
  'sourceDisplayName',
  'destinationDn',
  'destinationCallerId',
  'destinationDisplayName',
  'direction',
  'legType',
  'status',
] as const;
const TEXTS = TEXT_FIELDS.length;
/** Index 0 of the string table stands for a missing text. */
const MISSING = 0;

/** Up to CHUNK_SIZE legs in typed columns: 73 bytes a leg plus the distinct strings. */
class LegChunk {
  readonly startMs = new Float64Array(CHUNK_SIZE);
  readonly segmentId = new Float64Array(CHUNK_SIZE);
  readonly ringingSeconds = new Float64Array(CHUNK_SIZE);
  readonly talkingSeconds = new Float64Array(CHUNK_SIZE);
  /** 0 missing, 1 false, 2 true. */
  readonly answered = new Uint8Array(CHUNK_SIZE);
  readonly texts = new Int32Array(CHUNK_SIZE * TEXTS);
}

/**
 * A window's legs in compact columns, so that windows kept for other readers and for the cache
 * cost about a third of the objects (and are not garbage the collector keeps walking). Each
 * distinct string is held once per window. `slice` gives back legs equal to the ones appended.
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
    for (let field = 0; field < TEXTS; field++) {
      chunk.texts[base + field] = this.indexOf(leg[TEXT_FIELDS[field]!]);
    }
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
      legs.push({
        callKey: strings[texts[base]!] ?? '',
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
