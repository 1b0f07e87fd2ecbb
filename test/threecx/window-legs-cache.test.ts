import { PackedLegs } from '../../src/threecx/packed-legs';
import { WindowLegsCache } from '../../src/threecx/window-legs-cache';

function windowOf(legCount: number): { legs: PackedLegs; skippedRows: number } {
  const legs = new PackedLegs();
  for (let index = 0; index < legCount; index++) {
    legs.append({
      callKey: `c${index}`,
      segmentId: index,
      startMs: index,
      ringingSeconds: 0,
      talkingSeconds: 1,
    });
  }
  legs.seal();
  return { legs, skippedRows: 0 };
}

describe('WindowLegsCache', () => {
  it('evicts the least recently used windows once maxLegs would be exceeded', () => {
    const cache = new WindowLegsCache({ maxLegs: 10, maxAgeMs: 1000 });
    cache.set('a', windowOf(4), 0);
    cache.set('b', windowOf(4), 0);
    expect(cache.get('a', 0)?.legs.length).toBe(4);
    cache.set('c', windowOf(4), 0);
    expect([
      cache.get('a', 0) !== undefined,
      cache.get('b', 0) !== undefined,
      cache.get('c', 0) !== undefined,
    ]).toEqual([true, false, true]);
    expect([cache.size, cache.legCount]).toEqual([2, 8]);
  });

  it('forgets windows maxAgeMs after they were stored', () => {
    const cache = new WindowLegsCache({ maxLegs: 100, maxAgeMs: 1000 });
    cache.set('a', windowOf(3), 0);
    expect(cache.get('a', 999)?.legs.length).toBe(3);
    expect(cache.get('a', 1000)).toBeUndefined();
    expect([cache.size, cache.legCount]).toEqual([0, 0]);
  });

  it('drops expired windows when storing a new one', () => {
    const cache = new WindowLegsCache({ maxLegs: 100, maxAgeMs: 1000 });
    cache.set('a', windowOf(3), 0);
    cache.set('b', windowOf(2), 1500);
    expect([cache.size, cache.legCount]).toEqual([1, 2]);
  });

  it('does not keep a window larger than maxLegs, and replaces a window stored twice', () => {
    const cache = new WindowLegsCache({ maxLegs: 5, maxAgeMs: 1000 });
    cache.set('big', windowOf(6), 0);
    expect(cache.size).toBe(0);
    cache.set('a', windowOf(2), 0);
    cache.set('a', windowOf(3), 0);
    expect([cache.size, cache.legCount]).toEqual([1, 3]);
  });
});
