import { LruCache } from '../../src/demo/lru-cache';

describe('LruCache', () => {
  it('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('keeps the sum of weights under maxWeight, always keeping the newest entry', () => {
    const cache = new LruCache<string, string>(100, { maxWeight: 10, weigh: (text) => text.length });
    cache.set('a', 'xxxx');
    cache.set('b', 'yyyy');
    expect(cache.totalWeight).toBe(8);
    cache.set('c', 'zzz');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(2);
    expect(cache.totalWeight).toBe(7);
    cache.set('huge', 'w'.repeat(25));
    expect(cache.size).toBe(1);
    expect(cache.totalWeight).toBe(25);
    expect(cache.get('huge')).toHaveLength(25);
  });

  it('counts a replaced entry once', () => {
    const cache = new LruCache<string, string>(100, { maxWeight: 10, weigh: (text) => text.length });
    cache.set('a', 'xxxx');
    cache.set('a', 'xx');
    expect(cache.size).toBe(1);
    expect(cache.totalWeight).toBe(2);
  });

  it('creates a value only when it is not cached', () => {
    const cache = new LruCache<number, string>(4);
    let created = 0;
    const create = () => {
      created += 1;
      return 'value';
    };
    expect(cache.getOrCreate(1, create)).toBe('value');
    expect(cache.getOrCreate(1, create)).toBe('value');
    expect(created).toBe(1);
  });
});
