import { DownloadStore } from '../../src/playground/download-store';

const file = (content: string) => ({ filename: 'calls.csv', mimeType: 'text/csv', content });

describe('DownloadStore', () => {
  it('gives each file a fresh unguessable id and returns it by that id', () => {
    const store = new DownloadStore();
    const first = store.add(file('a'));
    const second = store.add(file('b'));
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(second).not.toBe(first);
    expect(store.get(first)).toEqual(file('a'));
    expect(store.get(second)).toEqual(file('b'));
    expect(store.get('unknown')).toBeUndefined();
  });

  it('forgets the least recently used file beyond maxEntries', () => {
    const store = new DownloadStore({ maxEntries: 2 });
    const a = store.add(file('a'));
    const b = store.add(file('b'));
    store.get(a);
    const c = store.add(file('c'));
    expect(store.size).toBe(2);
    expect(store.get(b)).toBeUndefined();
    expect(store.get(a)?.content).toBe('a');
    expect(store.get(c)?.content).toBe('c');
  });

  it('keeps the total under maxTotalBytes (UTF-8), but always the newest file', () => {
    const store = new DownloadStore({ maxTotalBytes: 10 });
    const a = store.add(file('ééé'));
    const b = store.add(file('1234'));
    expect(store.size).toBe(2);
    const c = store.add(file('12345'));
    expect(store.get(a)).toBeUndefined();
    expect(store.get(b)?.content).toBe('1234');
    const big = store.add(file('x'.repeat(50)));
    expect(store.size).toBe(1);
    expect(store.get(c)).toBeUndefined();
    expect(store.get(big)?.content).toHaveLength(50);
  });

  it('keeps bytes (an XLSX) as bytes and counts them by their length', () => {
    const store = new DownloadStore({ maxTotalBytes: 10 });
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]);
    const xlsx = store.add({ filename: 'calls.xlsx', mimeType: 'application/x', content: bytes });
    expect(store.get(xlsx)?.content).toBe(bytes);
    store.add(file('ééé'));
    expect(store.get(xlsx)).toBeUndefined();
  });
});
