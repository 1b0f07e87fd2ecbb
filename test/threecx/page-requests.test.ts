import { PageRequests } from '../../src/threecx/page-requests';

/** A request function that records what was asked and lets the test answer (and settle) each request. */
function recordingRequests() {
  const asked: Array<{
    skip: number;
    signal: AbortSignal;
    answer: (countHint?: number) => void;
    settle: (page: string) => void;
    fail: (error: Error) => void;
  }> = [];
  const request = (skip: number, signal: AbortSignal, onAnswered: (countHint: number | undefined) => void) =>
    new Promise<string>((resolve, reject) => {
      asked.push({
        skip,
        signal,
        answer: (countHint?: number) => onAnswered(countHint),
        settle: resolve,
        fail: reject,
      });
    });
  return { asked, request };
}

describe('PageRequests', () => {
  it('asks for the next page once the page taken has arrived, not before, and hands it over when taken', async () => {
    const { asked, request } = recordingRequests();
    const pages = new PageRequests(request, new AbortController().signal);
    const first = pages.take(0, () => 1000);
    expect(asked.map((entry) => entry.skip)).toEqual([0]);
    asked[0]!.answer(); // the PBX has answered page 0; it is being parsed
    expect(asked.map((entry) => entry.skip)).toEqual([0, 1000]);
    asked[0]!.settle('page 0');
    expect(await first).toBe('page 0');

    const second = pages.take(1000, () => undefined);
    expect(asked).toHaveLength(2); // the page asked ahead, not a new request
    asked[1]!.answer();
    asked[1]!.settle('page 1000');
    expect(await second).toBe('page 1000');
    expect(asked).toHaveLength(2); // nothing after the last page
  });

  it('a page asked ahead that has already arrived when taken asks for its own next at once', async () => {
    const { asked, request } = recordingRequests();
    const pages = new PageRequests(request, new AbortController().signal);
    const first = pages.take(0, () => 2);
    asked[0]!.answer();
    asked[1]!.answer(); // page 2 arrived before anyone took it
    asked[0]!.settle('page 0');
    await first;
    expect(asked.map((entry) => entry.skip)).toEqual([0, 2]);
    const second = pages.take(2, () => 4);
    expect(asked.map((entry) => entry.skip)).toEqual([0, 2, 4]);
    asked[1]!.settle('page 2');
    expect(await second).toBe('page 2');
    pages.close();
    expect(asked[2]!.signal.aborted).toBe(true);
  });

  it('a guess that was wrong (the page before was short): the page asked ahead is aborted and the right one asked', async () => {
    const { asked, request } = recordingRequests();
    const pages = new PageRequests(request, new AbortController().signal);
    void pages.take(0, () => 2);
    asked[0]!.answer();
    asked[0]!.settle('page 0, one row');
    const next = pages.take(1, () => undefined);
    expect(asked.map((entry) => [entry.skip, entry.signal.aborted])).toEqual([
      [0, false],
      [2, true],
      [1, false],
    ]);
    asked[2]!.settle('page 1');
    expect(await next).toBe('page 1');
  });

  it("a page asked ahead that fails counts only when it is taken; dropped, its failure is nobody's", async () => {
    const { asked, request } = recordingRequests();
    const pages = new PageRequests(request, new AbortController().signal);
    void pages.take(0, () => 2);
    asked[0]!.answer();
    asked[1]!.fail(new Error('504 on page 2'));
    await expect(pages.take(2, () => undefined)).rejects.toThrow('504 on page 2');

    void pages.take(4, () => 6);
    asked[2]!.answer();
    asked[3]!.fail(new Error('never taken'));
    pages.close(); // no unhandled rejection: jest would fail the test run
    await new Promise((resolve) => setImmediate(resolve));
  });

  it('asks nothing ahead once the span is aborted, and the span signal reaches every request', () => {
    const { asked, request } = recordingRequests();
    const span = new AbortController();
    const pages = new PageRequests(request, span.signal);
    void pages.take(0, () => 2);
    span.abort();
    asked[0]!.answer();
    expect(asked).toHaveLength(1);
    expect(asked[0]!.signal.aborted).toBe(true);
  });
});
