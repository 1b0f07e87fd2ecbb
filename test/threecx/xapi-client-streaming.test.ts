import { sortLegs } from './call-log-paging-helpers';
import {
  callLogUrls,
  collect,
  createTestClient,
  type DemoPbx,
  expectedRows,
  periodOf,
  queryFor,
  queryOption,
  sortWithinWindows,
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
    expect(expected).toContainEqual(first.value);
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
    // Window order kept; within a window the PBX's order.
    expect(sortWithinWindows(rows, THREE_DAYS[0])).toEqual(
      sortWithinWindows(expectedRows(pbx, ...THREE_DAYS), THREE_DAYS[0]),
    );
    const days = rows.map((row) => String(row.StartTime).slice(0, 10));
    expect(days).toEqual([...days].sort());
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
  it('fetches the whole window again as halves from $skip=0; the rows passed on are recognised, none lost or doubled', async () => {
    pbx.misbehave({ endpoint: 'calllog', nth: 3, status: 504 });
    const client = createTestClient(pbx, { pageSize: 100, minWindowMs: 60_000 });
    const expected = expectedRows(pbx, ...DAY_26);
    const rows = await collect(client.streamRows(queryFor(...DAY_26)));
    expect(rows).toHaveLength(expected.length);
    expect(sortWithinWindows(rows, DAY_26[0])).toEqual(sortWithinWindows(expected, DAY_26[0]));
    const urls = callLogUrls(pbx);
    expect(urls.slice(0, 4).map(periodOf)).toEqual([
      ...Array(3).fill('2026-11-26T00:00:00.000Z..2026-11-26T23:59:59.999Z'),
      '2026-11-26T00:00:00.000Z..2026-11-26T11:59:59.999Z',
    ]);
    expect(queryOption(urls[3]!, '$skip')).toBe('0');
    expect(periodOf(urls[urls.length - 1]!)).toBe('2026-11-26T12:00:00.000Z..2026-11-26T23:59:59.999Z');
    await client.close();
  });

  it('legs come out the same after a mid-window 504', async () => {
    const reference = createTestClient(pbx, { pageSize: 100, cache: false });
    const expected = await collect(reference.streamLegs(queryFor(...DAY_26)));
    pbx.misbehave({ endpoint: 'calllog', nth: 2, status: 504 });
    const client = createTestClient(pbx, { pageSize: 100, cache: false, minWindowMs: 60_000 });
    const legs = await collect(client.streamLegs(queryFor(...DAY_26)));
    expect(legs).toHaveLength(expected.length);
    expect(sortLegs(legs)).toEqual(sortLegs(expected));
    await reference.close();
    await client.close();
  });
});
