import { EMPTY_INVOLVEMENT, InvolvementPool } from '../../src/report/involvement-pool';

function listOf(pool: InvolvementPool, head: number): { dn: number; flags: number; talk: number }[] {
  const records = [];
  for (let record = head; record !== EMPTY_INVOLVEMENT; record = pool.nextOf(record)) {
    records.push({ dn: pool.dnOf(record), flags: pool.flagsOf(record), talk: pool.talkMicrosOf(record) });
  }
  return records;
}

/** A leg to `dn` ending at `endMicros`, answered after `ringMicros` when given. */
function recordTo(pool: InvolvementPool, head: number, dn: number, endMicros: number, ringMicros?: number) {
  const next = pool.record(head, dn, ringMicros === undefined ? 6 : 7, 0);
  pool.raiseToEnd(pool.touched, endMicros);
  if (ringMicros !== undefined) pool.addAnsweredRing(pool.touched, ringMicros);
  return next;
}

describe('InvolvementPool', () => {
  it('keeps one record per DN in a list, merging flags and talk', () => {
    const pool = new InvolvementPool();
    let head = pool.record(EMPTY_INVOLVEMENT, 3, 2, 100);
    head = pool.record(head, 5, 0, 7);
    head = pool.record(head, 3, 5, 50);
    expect(pool.touched).toBe(pool.nextOf(head));
    expect(listOf(pool, head)).toEqual([
      { dn: 5, flags: 0, talk: 7 },
      { dn: 3, flags: 7, talk: 150 },
    ]);
  });

  it('keeps the latest end of the legs to a DN, and (when asked) the ringing of its answered legs', () => {
    const pool = new InvolvementPool(true);
    let head = recordTo(pool, EMPTY_INVOLVEMENT, 3, 5_000);
    head = recordTo(pool, head, 3, 9_000, 2_500_000);
    head = recordTo(pool, head, 3, 7_000, 1_000_000);
    head = pool.record(head, 3, 0, 0);
    expect(pool.toEndMicrosOf(head)).toBe(9_000);
    expect(pool.answeredRingMicrosOf(head)).toBe(3_500_000);
    expect(pool.answeredLegsOf(head)).toBe(2);
    const source = pool.record(EMPTY_INVOLVEMENT, 4, 0, 0);
    expect(pool.toEndMicrosOf(source)).toBe(Number.NEGATIVE_INFINITY);
    expect(pool.answeredLegsOf(source)).toBe(0);
  });

  it('counts no ringing unless asked to', () => {
    const pool = new InvolvementPool();
    const head = recordTo(pool, EMPTY_INVOLVEMENT, 3, 9_000, 2_500_000);
    expect([pool.answeredRingMicrosOf(head), pool.answeredLegsOf(head)]).toEqual([0, 0]);
  });

  it('reuses the records of released lists, leaving the other lists as they were', () => {
    const pool = new InvolvementPool(true);
    let first = pool.record(EMPTY_INVOLVEMENT, 1, 0, 1);
    first = recordTo(pool, first, 2, 100, 3);
    const second = pool.record(EMPTY_INVOLVEMENT, 9, 2, 9);
    const used = new Set([first, pool.nextOf(first), second]);
    pool.releaseList(first);
    let third = pool.record(EMPTY_INVOLVEMENT, 4, 1, 4);
    third = pool.record(third, 6, 0, 6);
    expect(used.has(third) && used.has(pool.nextOf(third))).toBe(true);
    expect(listOf(pool, third)).toEqual([
      { dn: 6, flags: 0, talk: 6 },
      { dn: 4, flags: 1, talk: 4 },
    ]);
    // A reused record starts afresh: no end, no ringing from its earlier list (ext 2's).
    const reused = pool.nextOf(third);
    expect([
      pool.toEndMicrosOf(reused),
      pool.answeredLegsOf(reused),
      pool.answeredRingMicrosOf(reused),
    ]).toEqual([Number.NEGATIVE_INFINITY, 0, 0]);
    expect(listOf(pool, second)).toEqual([{ dn: 9, flags: 2, talk: 9 }]);
    const fresh = pool.record(EMPTY_INVOLVEMENT, 7, 0, 0);
    expect(used.has(fresh)).toBe(false);
  });
});
