import { EMPTY_INVOLVEMENT, InvolvementPool } from '../../src/report/involvement-pool';

function listOf(pool: InvolvementPool, head: number): { dn: number; flags: number; talk: number }[] {
  const records = [];
  for (let record = head; record !== EMPTY_INVOLVEMENT; record = pool.nextOf(record)) {
    records.push({ dn: pool.dnOf(record), flags: pool.flagsOf(record), talk: pool.talkMicrosOf(record) });
  }
  return records;
}

describe('InvolvementPool', () => {
  it('keeps one record per DN in a list, merging flags and talk', () => {
    const pool = new InvolvementPool();
    let head = pool.record(EMPTY_INVOLVEMENT, 3, 2, 100);
    head = pool.record(head, 5, 0, 7);
    head = pool.record(head, 3, 1, 50);
    expect(listOf(pool, head)).toEqual([
      { dn: 5, flags: 0, talk: 7 },
      { dn: 3, flags: 3, talk: 150 },
    ]);
  });

  it('reuses the records of released lists, leaving the other lists as they were', () => {
    const pool = new InvolvementPool();
    let first = pool.record(EMPTY_INVOLVEMENT, 1, 0, 1);
    first = pool.record(first, 2, 0, 2);
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
    expect(listOf(pool, second)).toEqual([{ dn: 9, flags: 2, talk: 9 }]);
    const fresh = pool.record(EMPTY_INVOLVEMENT, 7, 0, 0);
    expect(used.has(fresh)).toBe(false);
  });
});
