import {
  CHART_IMAGE_ID_PATTERN,
  ChartImageStore,
  MAX_CHART_IMAGE_TTL_MS,
} from '../../src/chart/chart-image-store';

const HOUR = 60 * 60 * 1000;

function clock(start = new Date('2026-11-29T10:00:00Z')) {
  let current = start.getTime();
  return { now: () => new Date(current), advance: (ms: number) => (current += ms) };
}

const png = (bytes: number, fill = 1) => Buffer.alloc(bytes, fill);

describe('ChartImageStore', () => {
  it('keys each image by a fresh random id of 192 bits (32 base64url characters)', () => {
    const store = new ChartImageStore({ ttlMs: HOUR, now: clock().now });
    const ids = Array.from({ length: 200 }, () => store.add(png(10)).id);
    for (const id of ids) expect(id).toMatch(CHART_IMAGE_ID_PATTERN);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Buffer.from(ids[0] ?? '', 'base64url')).toHaveLength(24);
  });

  it('serves an image until its TTL has passed, then never again', () => {
    const time = clock();
    const store = new ChartImageStore({ ttlMs: 2 * HOUR, now: time.now });
    const { id, expiresAt } = store.add(png(10, 7));
    expect(expiresAt.getTime() - time.now().getTime()).toBe(2 * HOUR);
    time.advance(2 * HOUR - 1);
    expect(store.get(id)?.png).toEqual(png(10, 7));
    time.advance(1);
    expect(store.get(id)).toBeUndefined();
    time.advance(-HOUR);
    expect(store.get(id)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('answers nothing for unknown and malformed ids', () => {
    const store = new ChartImageStore({ ttlMs: HOUR, now: clock().now });
    const { id } = store.add(png(10));
    expect(store.get(`${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    for (const bad of ['', 'x', `${id}x`, id.slice(1), '../../etc/passwd', `${id.slice(0, 31)}=`]) {
      expect(store.get(bad)).toBeUndefined();
    }
  });

  it('drops expired images as new ones come', () => {
    const time = clock();
    const store = new ChartImageStore({ ttlMs: HOUR, now: time.now });
    store.add(png(100));
    store.add(png(100));
    time.advance(HOUR);
    store.add(png(100));
    expect(store.size).toBe(1);
    expect(store.bytes).toBe(100);
  });

  it('holds at most maxEntries images and maxTotalBytes, dropping the oldest first', () => {
    const store = new ChartImageStore({ ttlMs: HOUR, now: clock().now, maxEntries: 3, maxTotalBytes: 1000 });
    const ids = [1, 2, 3, 4].map((fill) => store.add(png(100, fill)).id);
    expect(store.size).toBe(3);
    expect(store.get(ids[0] ?? '')).toBeUndefined();
    expect(store.get(ids[3] ?? '')?.png[0]).toBe(4);
    const big = store.add(png(900, 9)).id;
    expect(store.bytes).toBeLessThanOrEqual(1000);
    expect(store.get(big)?.png[0]).toBe(9);
    expect(store.get(ids[1] ?? '')).toBeUndefined();
    const huge = store.add(png(5000, 5)).id;
    expect(store.size).toBe(1);
    expect(store.get(huge)?.png).toHaveLength(5000);
  });

  it('refuses a TTL of more than a day, or none', () => {
    const { now } = clock();
    expect(() => new ChartImageStore({ ttlMs: MAX_CHART_IMAGE_TTL_MS + 1, now })).toThrow(/24 hours/);
    expect(() => new ChartImageStore({ ttlMs: 0, now })).toThrow(RangeError);
    expect(() => new ChartImageStore({ ttlMs: MAX_CHART_IMAGE_TTL_MS, now })).not.toThrow();
  });
});
