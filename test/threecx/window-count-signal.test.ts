import type { CallLeg } from '../../src/core/call-leg';
import type { XapiClientOptions } from '../../src/threecx/xapi-client';
import { OLDEST_FIRST, V20_DAY } from '../helpers/fixtures/v20-shaped-rows';
import {
  type PagingCallLogServer,
  type PagingScenario,
  startPagingCallLogServer,
} from '../helpers/paging-call-log-server';
import { createPagingClient } from './call-log-paging-helpers';
import { queryFor } from './demo-helpers';

/**
 * The client's "read complete" signal (`streamLegPages`' `onWindowCounted`), which the call-log
 * history takes as proof that it holds a day's rows, all of them: told only when the PBX's count for
 * a window equals the distinct rows it served, with that count; never on a short read, a count the
 * rows disagree with, or a read broken off.
 */
let server: PagingCallLogServer;
beforeAll(async () => {
  server = await startPagingCallLogServer({ rows: [], order: 'oldest-first' });
});
afterAll(async () => {
  await server.close();
});

const DAY_START = `${V20_DAY}T00:00:00Z`;
const DAY_END = `${V20_DAY.slice(0, 8)}14T00:00:00Z`;
const WINDOW = { startMs: Date.parse(DAY_START), endMs: Date.parse(DAY_END) };
const ROWS = OLDEST_FIRST.length;

interface Counted {
  legs: number;
  counted: Array<{ startMs: number; endMs: number; pbxCount: number }>;
}

async function readDay(
  scenario: PagingScenario,
  overrides: Partial<XapiClientOptions> = {},
  stopAfterPages = Number.POSITIVE_INFINITY,
): Promise<Counted> {
  server.load(scenario);
  const client = createPagingClient(server, overrides);
  const result: Counted = { legs: 0, counted: [] };
  try {
    let pages = 0;
    const onCounted = (window: { startMs: number; endMs: number }, pbxCount: number) =>
      result.counted.push({ ...window, pbxCount });
    for await (const page of client.streamLegPages(queryFor(DAY_START, DAY_END), onCounted)) {
      result.legs += page.length;
      if (++pages >= stopAfterPages) break;
    }
  } finally {
    await client.close();
  }
  return result;
}

test(`a window read whole is counted once, with the PBX's count (${ROWS} rows)`, async () => {
  expect(await readDay({ rows: OLDEST_FIRST, order: 'newest-first' })).toEqual({
    legs: ROWS,
    counted: [{ ...WINDOW, pbxCount: ROWS }],
  });
});

test("the signal gives the window's legs as read, new objects at each call", async () => {
  server.load({ rows: OLDEST_FIRST, order: 'newest-first' });
  const client = createPagingClient(server);
  try {
    const streamed: CallLeg[] = [];
    let windowLegs: (() => CallLeg[]) | undefined;
    for await (const page of client.streamLegPages(queryFor(DAY_START, DAY_END), (_window, _count, legs) => {
      windowLegs = legs;
    })) {
      streamed.push(...page);
    }
    const first = windowLegs!();
    expect(first).toEqual(streamed);
    expect(first).toHaveLength(ROWS);
    const second = windowLegs!();
    expect(second).toEqual(first);
    expect(second[0]).not.toBe(first[0]);
  } finally {
    await client.close();
  }
});

test('a window fetched again as halves after a 504 is counted as the sum of its halves', async () => {
  const read = await readDay({
    rows: OLDEST_FIRST,
    order: 'oldest-first',
    faults: [{ request: 2, fault: '504' }],
  });
  expect(read).toEqual({ legs: ROWS, counted: [{ ...WINDOW, pbxCount: ROWS }] });
  expect(server.requests.filter((request) => request.answer === '504')).toHaveLength(1);
});

test('rows that appear while the window is paged are read again, and the final count is told', async () => {
  const [late, ...rest] = OLDEST_FIRST;
  const read = await readDay({
    rows: rest,
    order: 'oldest-first',
    inserts: [{ afterRequest: 1, rows: [late!] }],
  });
  expect(read).toEqual({ legs: ROWS, counted: [{ ...WINDOW, pbxCount: ROWS }] });
});

test.each([
  ['counts one row more than it serves', 1],
  ['counts one row fewer than it serves', -1],
])('no signal when the PBX %s', async (_, countOffset) => {
  const read = await readDay({ rows: OLDEST_FIRST, order: 'oldest-first', countOffset });
  expect(read).toEqual({ legs: ROWS, counted: [] });
});

test('a row that is not a leg still counts as served: the count is told, one more than the legs', async () => {
  const noCallKey = { ...OLDEST_FIRST[0]!, MainCallHistoryId: null, CallHistoryId: null, CallId: null };
  const rows = [noCallKey, ...OLDEST_FIRST.slice(1)];
  expect(await readDay({ rows, order: 'oldest-first' })).toEqual({
    legs: ROWS - 1,
    counted: [{ ...WINDOW, pbxCount: ROWS }],
  });
});

test('no signal when the reader breaks off before the end', async () => {
  const read = await readDay({ rows: OLDEST_FIRST, order: 'oldest-first' }, {}, 1);
  expect(read.counted).toEqual([]);
  expect(read.legs).toBeLessThan(ROWS);
});

test('a window served from the cache is counted as when it was fetched, without asking the PBX', async () => {
  server.load({ rows: OLDEST_FIRST, order: 'oldest-first' });
  const client = createPagingClient(server, { cache: {} });
  try {
    const reads: Array<Array<[number, number]>> = [];
    for (let read = 0; read < 2; read++) {
      const counted: Array<[number, number]> = [];
      const legs: CallLeg[] = [];
      for await (const page of client.streamLegPages(queryFor(DAY_START, DAY_END), (window, pbxCount) =>
        counted.push([window.startMs, pbxCount]),
      )) {
        legs.push(...page);
      }
      expect(legs).toHaveLength(ROWS);
      reads.push(counted);
    }
    expect(reads).toEqual([[[WINDOW.startMs, ROWS]], [[WINDOW.startMs, ROWS]]]);
    const afterFirst = server.requests.length;
    expect(afterFirst).toBeGreaterThan(0);
    for await (const _ of client.streamLegPages(queryFor(DAY_START, DAY_END))) {
      // read through the cache again
    }
    expect(server.requests).toHaveLength(afterFirst);
  } finally {
    await client.close();
  }
});
