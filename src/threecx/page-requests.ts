import { linkAbort } from './linked-abort';

/**
 * Asks for the page at `skip`; `signal` aborts that request alone; `onAnswered` is called when the
 * PBX has answered, before the answer is parsed, with what its first bytes tell of the row count.
 */
export type RequestPage<P> = (
  skip: number,
  signal: AbortSignal,
  onAnswered: (countHint: number | undefined) => void,
) => Promise<P>;

/** The page to ask for ahead once the one taken has arrived (with its count hint), if any. */
export type NextSkip = (countHint: number | undefined) => number | undefined;

interface PageRequest<P> {
  skip: number;
  page: Promise<P>;
  abort: AbortController;
  /** Set once the PBX has answered: the count its answer's head gave, if any. */
  answered?: { countHint: number | undefined };
  /** Set when the page is taken: what to do once it has arrived. */
  whenAnswered?: (countHint: number | undefined) => void;
}

/**
 * The page requests of one span, one after another as the PBX serves them, but overlapping the
 * reading of each page: `take(skip, nextSkip)` asks for the page `nextSkip` names as soon as the
 * page at `skip` has arrived (not before: a PBX serving newest-first under live traffic must see
 * the pages asked in order, or rows pushed across a page boundary between two requests would be
 * missed), while that page is still being parsed and sorted. `nextSkip` is a guess (the page at
 * `skip` being full): when the next `take` asks for another `skip`, the page asked ahead is
 * aborted and not used; so is one still pending when the span ends (`close`). Its error, if
 * any, counts only when it is taken.
 */
export class PageRequests<P> {
  private ahead: PageRequest<P> | undefined;

  constructor(
    private readonly request: RequestPage<P>,
    private readonly signal: AbortSignal,
  ) {}

  /** The page at `skip`; once it has arrived, `nextSkip()` says which page to ask for ahead, if any. */
  take(skip: number, nextSkip: NextSkip): Promise<P> {
    let current = this.ahead;
    this.ahead = undefined;
    if (current?.skip !== skip) {
      current?.abort.abort();
      current = this.send(skip);
    }
    current.whenAnswered = (countHint) => this.askAhead(nextSkip(countHint));
    if (current.answered) current.whenAnswered(current.answered.countHint);
    return current.page;
  }

  /** Aborts the page asked ahead, if any. */
  close(): void {
    this.ahead?.abort.abort();
    this.ahead = undefined;
  }

  private askAhead(skip: number | undefined): void {
    if (skip === undefined || this.signal.aborted || this.ahead !== undefined) return;
    this.ahead = this.send(skip);
  }

  private send(skip: number): PageRequest<P> {
    // Aborted alone (a guess gone wrong, the span over), or with the span.
    const { controller: abort, unlink } = linkAbort(this.signal);
    const entry = { skip, abort } as PageRequest<P>;
    entry.page = this.request(skip, abort.signal, (countHint) => {
      entry.answered = { countHint };
      entry.whenAnswered?.(countHint);
    });
    entry.page.then(unlink, unlink); // an error is seen by whoever takes the page; never, when dropped
    return entry;
  }
}
