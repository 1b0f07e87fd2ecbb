import type { CallLeg } from '../../src/core/call-leg';
import {
  callLogUrls,
  collect,
  createTestClient,
  DEMO_NOW,
  type DemoPbx,
  HOUR_MS,
  periodOf,
  queryFor,
  useTestPbx,
} from './demo-helpers';

let pbx: DemoPbx;
useTestPbx((started) => {
  pbx = started;
});

const THREE_DAYS = ['2026-11-24T00:00:00Z', '2026-11-27T00:00:00Z'] as const;
/** Ends 30 minutes before the demo's now: calls may still be written into it. */
const RECENT = ['2026-11-29T06:00:00Z', '2026-11-29T09:30:00Z'] as const;

/** A client whose clock the test moves. */
function clientAt(startMs: number, overrides: Parameters<typeof createTestClient>[1] = {}) {
  const clock = { nowMs: startMs };
  const client = createTestClient(pbx, { now: () => clock.nowMs, ...overrides });
  return { client, clock };
}

/** The legs of a period as one uncached reader gets them, and the call-log requests that took. */
async function referenceRun(from: string, to: string, pageSize = 1000) {
  const client = createTestClient(pbx, { cache: false, pageSize });
  const legs = await collect(client.streamLegs(queryFor(from, to)));
  await client.close();
  const requests = callLogUrls(pbx).length;
  pbx.requests.length = 0;
  return { legs, requests };
}

async function referenceLegs(from: string, to: string): Promise<CallLeg[]> {
  return (await referenceRun(from, to)).legs;
}

describe('identical windows in flight', () => {
  it('are fetched once for any number of concurrent readers', async () => {
    const single = await referenceRun(...THREE_DAYS, 100);
    expect(single.requests).toBeGreaterThan(3);
    const { client } = clientAt(DEMO_NOW.getTime(), { pageSize: 100, cache: false });
    pbx.setDelay(20);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => collect(client.streamLegs(queryFor(...THREE_DAYS)))),
    );
    for (const legs of results) expect(legs).toEqual(single.legs);
    expect(callLogUrls(pbx)).toHaveLength(single.requests);
    await client.close();
  });

  it('a reader that joins late still gets the window from its first leg', async () => {
    const expected = await referenceLegs(...THREE_DAYS);
    const { client } = clientAt(DEMO_NOW.getTime(), { pageSize: 50, cache: false });
    const early = client.streamLegs(queryFor(...THREE_DAYS))[Symbol.asyncIterator]();
    const firstLegs = [(await early.next()).value as CallLeg];
    const late = collect(client.streamLegs(queryFor(...THREE_DAYS)));
    for (let next = await early.next(); !next.done; next = await early.next()) firstLegs.push(next.value);
    expect(firstLegs).toEqual(expected);
    expect(await late).toEqual(expected);
    expect(new Set(callLogUrls(pbx)).size).toBe(callLogUrls(pbx).length);
    await client.close();
  });

  it('stops when its only reader stops, and keeps going while another reader reads', async () => {
    const { client } = clientAt(DEMO_NOW.getTime(), { pageSize: 50, cache: false, concurrency: 1 });
    const day = ['2026-11-26T00:00:00Z', '2026-11-27T00:00:00Z'] as const;
    const expected = await referenceLegs(...day);
    pbx.setDelay(10);
    const leaving = client.streamLegs(queryFor(...day))[Symbol.asyncIterator]();
    const staying = collect(client.streamLegs(queryFor(...day)));
    await leaving.next();
    await leaving.return?.(undefined);
    expect(await staying).toEqual(expected);
    const alone = client.streamLegs(queryFor(...day))[Symbol.asyncIterator]();
    await alone.next();
    const asked = callLogUrls(pbx).length;
    await alone.return?.(undefined);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(callLogUrls(pbx).length).toBeLessThanOrEqual(asked + 1);
    await client.close();
  });
});

describe('the legs cache', () => {
  it('serves a window that ended over an hour ago again without asking the PBX', async () => {
    const expected = await referenceLegs(...THREE_DAYS);
    const { client } = clientAt(DEMO_NOW.getTime());
    expect(await collect(client.streamLegs(queryFor(...THREE_DAYS)))).toEqual(expected);
    expect(callLogUrls(pbx)).toHaveLength(3);
    expect(client.legsCache?.size).toBe(3);
    expect(client.legsCache?.legCount).toBe(expected.length);
    expect(await collect(client.streamLegs(queryFor(...THREE_DAYS)))).toEqual(expected);
    expect(callLogUrls(pbx)).toHaveLength(3);
    await client.close();
  });

  it('does not keep a window that ended within the last hour', async () => {
    const { client } = clientAt(DEMO_NOW.getTime());
    const first = await collect(client.streamLegs(queryFor(...RECENT)));
    expect(first.length).toBeGreaterThan(0);
    expect(client.legsCache?.size).toBe(0);
    await collect(client.streamLegs(queryFor(...RECENT)));
    expect(callLogUrls(pbx).map(periodOf)).toEqual([
      '2026-11-29T06:00:00.000Z..2026-11-29T09:29:59.999Z',
      '2026-11-29T06:00:00.000Z..2026-11-29T09:29:59.999Z',
    ]);
    await client.close();
  });

  it('keeps a recent window once it is over an hour old', async () => {
    const { client, clock } = clientAt(DEMO_NOW.getTime() + HOUR_MS);
    await collect(client.streamLegs(queryFor(...RECENT)));
    expect(client.legsCache?.size).toBe(1);
    clock.nowMs += HOUR_MS;
    await collect(client.streamLegs(queryFor(...RECENT)));
    expect(callLogUrls(pbx)).toHaveLength(1);
    await client.close();
  });

  it('drops windows after maxAgeMs', async () => {
    const { client, clock } = clientAt(DEMO_NOW.getTime(), { cache: { maxAgeMs: 2 * HOUR_MS } });
    await collect(client.streamLegs(queryFor(...THREE_DAYS)));
    clock.nowMs += HOUR_MS;
    await collect(client.streamLegs(queryFor(...THREE_DAYS)));
    expect(callLogUrls(pbx)).toHaveLength(3);
    clock.nowMs += HOUR_MS;
    await collect(client.streamLegs(queryFor(...THREE_DAYS)));
    expect(callLogUrls(pbx)).toHaveLength(6);
    await client.close();
  });

  it('holds at most maxLegs, least recently used windows going first', async () => {
    const DAY_25 = ['2026-11-25T00:00:00Z', '2026-11-26T00:00:00Z'] as const;
    const DAY_26 = ['2026-11-26T00:00:00Z', '2026-11-27T00:00:00Z'] as const;
    const legs25 = (await referenceLegs(...DAY_25)).length;
    const legs26 = (await referenceLegs(...DAY_26)).length;
    const maxLegs = Math.max(legs25, legs26) + 1;
    expect(legs25 + legs26).toBeGreaterThan(maxLegs);
    const { client } = clientAt(DEMO_NOW.getTime(), { cache: { maxLegs } });
    await collect(client.streamLegs(queryFor(...DAY_26)));
    await collect(client.streamLegs(queryFor(...DAY_25)));
    expect(client.legsCache?.size).toBe(1);
    expect(client.legsCache?.legCount).toBe(legs25);
    pbx.requests.length = 0;
    // Only the 25th (used last) is still held.
    await collect(client.streamLegs(queryFor(...DAY_25)));
    await collect(client.streamLegs(queryFor(...DAY_26)));
    expect(callLogUrls(pbx).map(periodOf)).toEqual(['2026-11-26T00:00:00.000Z..2026-11-26T23:59:59.999Z']);
    await client.close();
  });

  it('keeps nothing of a query whose windows add up to more legs than the cache holds', async () => {
    const dayLegs = (await referenceLegs('2026-11-26T00:00:00Z', '2026-11-27T00:00:00Z')).length;
    const { client } = clientAt(DEMO_NOW.getTime(), { cache: { maxLegs: dayLegs + 1 } });
    const legs = await collect(client.streamLegs(queryFor(...THREE_DAYS)));
    expect(legs).toEqual(await referenceLegs(...THREE_DAYS));
    expect(client.legsCache?.size).toBe(0);
    expect(client.legsCache?.legCount).toBe(0);
    // A query that fits is cached as before.
    await collect(client.streamLegs(queryFor('2026-11-26T00:00:00Z', '2026-11-27T00:00:00Z')));
    expect(client.legsCache?.legCount).toBe(dayLegs);
    pbx.requests.length = 0;
    await collect(client.streamLegs(queryFor('2026-11-26T00:00:00Z', '2026-11-27T00:00:00Z')));
    expect(callLogUrls(pbx)).toHaveLength(0);
    await client.close();
  });

  it('keeps nothing from a window whose fetch failed', async () => {
    const { client } = clientAt(DEMO_NOW.getTime(), { pageSize: 100 });
    pbx.misbehave({ endpoint: 'calllog', nth: 2, status: 500 });
    await expect(
      collect(client.streamLegs(queryFor('2026-11-26T00:00:00Z', '2026-11-27T00:00:00Z'))),
    ).rejects.toThrow('The PBX answered 500');
    expect(client.legsCache?.size).toBe(0);
    const legs = await collect(client.streamLegs(queryFor('2026-11-26T00:00:00Z', '2026-11-27T00:00:00Z')));
    expect(legs).toEqual(await referenceLegs('2026-11-26T00:00:00Z', '2026-11-27T00:00:00Z'));
    await client.close();
  });

  it('is keyed by the report parameters too', async () => {
    const { client } = clientAt(DEMO_NOW.getTime());
    const all = await collect(client.streamLegs(queryFor(...THREE_DAYS)));
    const query = queryFor(...THREE_DAYS);
    query.callLog.callsType = 2;
    const unanswered = await collect(client.streamLegs(query));
    expect(unanswered.length).toBeLessThan(all.length);
    expect(callLogUrls(pbx)).toHaveLength(6);
    await client.close();
  });
});
