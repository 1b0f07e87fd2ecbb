/** A person leg answered with this DN as its destination. */
export const INVOLVED_ANSWERED_TO = 1;
/** Some leg (of any type) had this DN as its destination. */
export const INVOLVED_LEG_TO = 2;
/** The head of an empty list. */
export const EMPTY_INVOLVEMENT = -1;

const PAGE_SIZE = 16384;
const PAGE_SHIFT = 14;
const PAGE_MASK = PAGE_SIZE - 1;
const FLAG_BITS = 2;
const FLAG_MASK = (1 << FLAG_BITS) - 1;

/** Up to PAGE_SIZE records: DN index and flags packed in one int, talk (µs), next record. */
class InvolvementPage {
  readonly dnAndFlags = new Int32Array(PAGE_SIZE);
  readonly talkMicros = new Float64Array(PAGE_SIZE);
  readonly nexts = new Int32Array(PAGE_SIZE);
}

/**
 * Per call, the tracked DNs it involves and what each contributed (answered to it, a leg to it,
 * talk of person legs where it is source or destination): singly linked records in typed pages,
 * one list per call, a few records each (16 bytes a record). A released list's records are reused.
 */
export class InvolvementPool {
  private size = 0;
  /** The first of the released records, chained through `nexts`, or -1. */
  private freeHead = EMPTY_INVOLVEMENT;
  private readonly pages: InvolvementPage[] = [];

  /** Adds `flags` and `talkMicros` to the record for `dnIndex` in the list at `head`; returns the new head. */
  record(head: number, dnIndex: number, flags: number, talkMicros: number): number {
    for (let current = head; current !== EMPTY_INVOLVEMENT; ) {
      const page = this.pages[current >>> PAGE_SHIFT]!;
      const offset = current & PAGE_MASK;
      const packed = page.dnAndFlags[offset]!;
      if (packed >>> FLAG_BITS === dnIndex) {
        page.dnAndFlags[offset] = packed | flags;
        page.talkMicros[offset]! += talkMicros;
        return head;
      }
      current = page.nexts[offset]!;
    }
    const created = this.takeRecord();
    const page = this.pages[created >>> PAGE_SHIFT]!;
    const offset = created & PAGE_MASK;
    page.dnAndFlags[offset] = (dnIndex << FLAG_BITS) | flags;
    page.talkMicros[offset] = talkMicros;
    page.nexts[offset] = head;
    return created;
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

  private takeRecord(): number {
    const reused = this.freeHead;
    if (reused !== EMPTY_INVOLVEMENT) {
      this.freeHead = this.nextOf(reused);
      return reused;
    }
    const created = this.size++;
    if ((created & PAGE_MASK) === 0) this.pages.push(new InvolvementPage());
    return created;
  }
}
