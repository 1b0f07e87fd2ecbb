/** A person leg answered with this DN as its destination. */
export const INVOLVED_ANSWERED_TO = 1;
/** Some leg (of any type) had this DN as its destination. */
export const INVOLVED_LEG_TO = 2;
/** A person leg had this DN as its destination: the call was offered to it (`focus`). */
export const INVOLVED_PERSON_TO = 4;
/** The head of an empty list. */
export const EMPTY_INVOLVEMENT = -1;

const PAGE_SIZE = 16384;
const PAGE_SHIFT = 14;
const PAGE_MASK = PAGE_SIZE - 1;
const FLAG_BITS = 3;
const FLAG_MASK = (1 << FLAG_BITS) - 1;
const NO_END = Number.NEGATIVE_INFINITY;

/**
 * Up to PAGE_SIZE records: DN index and flags packed in one int, talk (µs), the latest end of the
 * legs to the DN (µs), next record; with ringing kept, the ringing (µs) and number of the answered
 * person legs to the DN.
 */
class InvolvementPage {
  readonly dnAndFlags = new Int32Array(PAGE_SIZE);
  readonly talkMicros = new Float64Array(PAGE_SIZE);
  readonly toEndMicros = new Float64Array(PAGE_SIZE);
  readonly nexts = new Int32Array(PAGE_SIZE);
  readonly answeredRingMicros: Float64Array | undefined;
  readonly answeredLegs: Int32Array | undefined;

  constructor(keepsRinging: boolean) {
    this.answeredRingMicros = keepsRinging ? new Float64Array(PAGE_SIZE) : undefined;
    this.answeredLegs = keepsRinging ? new Int32Array(PAGE_SIZE) : undefined;
  }
}

/**
 * Per call, the tracked DNs it involves and what each contributed (answered to it, a leg to it, a
 * person leg to it, talk of person legs where it is source or destination, when its legs ended, and
 * optionally the ringing of its answered legs): singly linked records in typed pages, one list per
 * call, a few records each (24 bytes a record, 36 with ringing). A released list's records are reused.
 */
export class InvolvementPool {
  private size = 0;
  /** The record the last `record` call created or added to. */
  touched = EMPTY_INVOLVEMENT;
  /** The first of the released records, chained through `nexts`, or -1. */
  private freeHead = EMPTY_INVOLVEMENT;
  private readonly pages: InvolvementPage[] = [];

  /** `keepsRinging`: also sum the ringing of answered person legs to each DN (`focus`), else 0. */
  constructor(private readonly keepsRinging = false) {}

  /**
   * Adds `flags` and `talkMicros` to the record for `dnIndex` in the list at `head` (its `touched`
   * record); returns the new head. Kept small: it runs twice a leg, inlined into the CallTable's.
   */
  record(head: number, dnIndex: number, flags: number, talkMicros: number): number {
    for (let current = head; current !== EMPTY_INVOLVEMENT; ) {
      const page = this.pages[current >>> PAGE_SHIFT]!;
      const offset = current & PAGE_MASK;
      const packed = page.dnAndFlags[offset]!;
      if (packed >>> FLAG_BITS === dnIndex) {
        page.dnAndFlags[offset] = packed | flags;
        page.talkMicros[offset]! += talkMicros;
        this.touched = current;
        return head;
      }
      current = page.nexts[offset]!;
    }
    const created = this.takeRecord();
    const page = this.pages[created >>> PAGE_SHIFT]!;
    const offset = created & PAGE_MASK;
    page.dnAndFlags[offset] = (dnIndex << FLAG_BITS) | flags;
    page.talkMicros[offset] = talkMicros;
    page.toEndMicros[offset] = NO_END;
    page.nexts[offset] = head;
    if (page.answeredLegs !== undefined) {
      page.answeredRingMicros![offset] = 0;
      page.answeredLegs[offset] = 0;
    }
    this.touched = created;
    return created;
  }

  /** A leg to the record's DN ended at `endMicros` (epoch µs): keeps the latest. */
  raiseToEnd(record: number, endMicros: number): void {
    const page = this.pages[record >>> PAGE_SHIFT]!;
    const offset = record & PAGE_MASK;
    if (endMicros > page.toEndMicros[offset]!) page.toEndMicros[offset] = endMicros;
  }

  /** An answered person leg to the record's DN rang `ringMicros`; counted only when the pool keeps ringing. */
  addAnsweredRing(record: number, ringMicros: number): void {
    const page = this.pages[record >>> PAGE_SHIFT]!;
    if (page.answeredLegs === undefined) return;
    const offset = record & PAGE_MASK;
    page.answeredRingMicros![offset]! += ringMicros;
    page.answeredLegs[offset]! += 1;
  }

  /** Gives the records of the list at `head` back for reuse. */
  releaseList(head: number): void {
    if (head === EMPTY_INVOLVEMENT) return;
    let tail = head;
    for (let next = this.nextOf(tail); next !== EMPTY_INVOLVEMENT; next = this.nextOf(tail)) tail = next;
    this.pages[tail >>> PAGE_SHIFT]!.nexts[tail & PAGE_MASK] = this.freeHead;
    this.freeHead = head;
  }

  /** The record after `record` in its list, or -1 at the end. */
  nextOf(record: number): number {
    return this.pages[record >>> PAGE_SHIFT]!.nexts[record & PAGE_MASK]!;
  }

  dnOf(record: number): number {
    return this.pages[record >>> PAGE_SHIFT]!.dnAndFlags[record & PAGE_MASK]! >>> FLAG_BITS;
  }

  flagsOf(record: number): number {
    return this.pages[record >>> PAGE_SHIFT]!.dnAndFlags[record & PAGE_MASK]! & FLAG_MASK;
  }

  talkMicrosOf(record: number): number {
    return this.pages[record >>> PAGE_SHIFT]!.talkMicros[record & PAGE_MASK]!;
  }

  /** The latest end (start + ringing + talking, epoch µs) of the legs to the DN; -Infinity when none. */
  toEndMicrosOf(record: number): number {
    return this.pages[record >>> PAGE_SHIFT]!.toEndMicros[record & PAGE_MASK]!;
  }

  /** The ringing of the answered person legs to the DN (µs); 0 unless the pool keeps ringing. */
  answeredRingMicrosOf(record: number): number {
    return this.pages[record >>> PAGE_SHIFT]!.answeredRingMicros?.[record & PAGE_MASK] ?? 0;
  }

  /** How many answered person legs went to the DN; 0 unless the pool keeps ringing. */
  answeredLegsOf(record: number): number {
    return this.pages[record >>> PAGE_SHIFT]!.answeredLegs?.[record & PAGE_MASK] ?? 0;
  }

  private takeRecord(): number {
    const reused = this.freeHead;
    if (reused !== EMPTY_INVOLVEMENT) {
      this.freeHead = this.nextOf(reused);
      return reused;
    }
    const created = this.size++;
    if ((created & PAGE_MASK) === 0) this.pages.push(new InvolvementPage(this.keepsRinging));
    return created;
  }
}
