import {
  callLogUrls,
  collect,
  createTestClient,
  type DemoPbx,
  expectedRows,
  periodOf,
  queryFor,
  queryOption,
  useTestPbx,
} from './demo-helpers';

let pbx: DemoPbx;
useTestPbx((started) => {
  pbx = started;
});

const DAY_26 = ['2026-11-26T00:00:00Z', '2026-11-27T00:00:00Z'] as const;
const THREE_DAYS = ['2026-11-24T00:00:00Z', '2026-11-27T00:00:00Z'] as const;

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('streaming', () => {
  it("yields a window's first rows before its last page has been asked for", async () => {
    const client = createTestClient(pbx, { pageSize: 50, bufferPages: 1, concurrency: 1 });
    const expected = expectedRows(pbx, ...DAY_26);
    expect(expected.length).toBeGreaterThan(150);
    const rows = client.streamRows(queryFor(...DAY_26))[Symbol.asyncIterator]();
    const first = await rows.next();
    expect(first.value).toEqual(expected[0]);
    // The page being read and at most one buffered ahead, of a window of four or more pages.
    expect(callLogUrls(pbx).length).toBeLessThanOrEqual(2);
    await rows.return?.(undefined);
    await client.close();
  });

  it('keeps rows in window order while later windows are fetched ahead', async () => {
    // The first window's pages answer slowly, so later windows finish first.
    pbx.misbehave({ endpoint: 'calllog', nth: 1, times: 3, delayMs: 60 });
    const client = createTestClient(pbx, { pageSize: 100, concurrency: 3 });
    const rows = await collect(client.streamRows(queryFor(...THREE_DAYS)));
    expect(rows).toEqual(expectedRows(pbx, ...THREE_DAYS));
    await client.close();
  });

  it('a slow reader holds at most bufferPages pages per window, concurrency windows at a time', async () => {
    const client = createTestClient(pbx, { pageSize: 20, bufferPages: 2, concurrency: 1 });
    const rows = client.streamRows(queryFor(...DAY_26))[Symbol.asyncIterator]();
    await rows.next();
    await waitFor(
      () => pbx.requests.filter((entry) => entry.endpoint === 'calllog' && entry.status > 0).length >= 3,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The page being read, plus two buffered ahead; no more until the reader moves on.
    expect(callLogUrls(pbx).map((url) => queryOption(url, '$skip'))).toEqual(['0', '20', '40']);
    await rows.return?.(undefined);
    await client.close();
  });
});

describe('a 504 after some of the window was passed on', () => {
  it('fetches the rest of the window from the last StartTime as two halves, no row lost or doubled', async () => {
    pbx.misbehave({ endpoint: 'calllog', nth: 3, status: 504 });
    const client = createTestClient(pbx, { pageSize: 100, minWindowMs: 60_000 });
    const expected = expectedRows(pbx, ...DAY_26);
    const rows = await collect(client.streamRows(queryFor(...DAY_26)));
    expect(rows).toEqual(expected);
    // The 200th row was the last passed on; its StartTime (in whole ms) is where the rest begins.
    const resumeMs = Date.parse(String(expected[199]!.StartTime));
    const lastStart = new Date(resumeMs).toISOString();
    const middle = new Date(resumeMs + Math.floor((Date.parse(DAY_26[1]) - resumeMs) / 2));
    const urls = callLogUrls(pbx);
    expect(urls.slice(0, 3).map(periodOf)).toEqual(
      Array(3).fill('2026-11-26T00:00:00.000Z..2026-11-26T23:59:59.999Z'),
    );
    expect(periodOf(urls[3]!)).toBe(`${lastStart}..${new Date(middle.getTime() - 1).toISOString()}`);
    expect(queryOption(urls[3]!, '$skip')).toBe('0');
    expect(periodOf(urls[urls.length - 1]!)).toBe(`${middle.toISOString()}..2026-11-26T23:59:59.999Z`);
    await client.close();
  });

  it('without StartTime in the rows, fetches the whole window again as halves and skips what was passed on', async () => {
    pbx.misbehave({ endpoint: 'calllog', nth: 2, status: 504 });
    const client = createTestClient(pbx, { pageSize: 100, minWindowMs: 60_000 });
    const select = ['CdrId', 'SourceDn'];
    const rows = await collect(client.streamRows(queryFor(...DAY_26, { select })));
    const expected = expectedRows(pbx, ...DAY_26).map((row) => ({
      CdrId: row.CdrId,
      SourceDn: row.SourceDn,
    }));
    expect(rows).toEqual(expected);
    expect(callLogUrls(pbx).map(periodOf).slice(0, 3)).toEqual([
      '2026-11-26T00:00:00.000Z..2026-11-26T23:59:59.999Z',
      '2026-11-26T00:00:00.000Z..2026-11-26T23:59:59.999Z',
      '2026-11-26T00:00:00.000Z..2026-11-26T11:59:59.999Z',
    ]);
    await client.close();
  });

  it('legs come out the same after a mid-window 504', async () => {
    const reference = createTestClient(pbx, { pageSize: 100, cache: false });
    const expected = await collect(reference.streamLegs(queryFor(...DAY_26)));
    pbx.misbehave({ endpoint: 'calllog', nth: 2, status: 504 });
    const client = createTestClient(pbx, { pageSize: 100, cache: false, minWindowMs: 60_000 });
    expect(await collect(client.streamLegs(queryFor(...DAY_26)))).toEqual(expected);
    await reference.close();
    await client.close();
  });
});
