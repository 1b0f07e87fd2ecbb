import { CallKeyIndex } from '../../src/report/call-key-index';

function guid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `a1b2c3d4-0000-4000-8000-${hex}`;
}

describe('CallKeyIndex', () => {
  it('gives each distinct key its own slot and finds it again, through many rehashes', () => {
    const index = new CallKeyIndex();
    const count = 50_000;
    for (let n = 0; n < count; n++) expect(index.slotFor(n % 3 === 0 ? `call-${n}` : guid(n), n)).toBe(n);
    for (let n = count - 1; n >= 0; n -= 7)
      expect(index.slotFor(n % 3 === 0 ? `call-${n}` : guid(n), count)).toBe(n);
  });

  it('matches GUIDs case-insensitively but other keys exactly', () => {
    const index = new CallKeyIndex();
    expect(index.slotFor('6F1C0000-AAAA-4000-8000-0000000000FF', 0)).toBe(0);
    expect(index.slotFor('6f1c0000-aaaa-4000-8000-0000000000ff', 1)).toBe(0);
    expect(index.slotFor('Call-X', 1)).toBe(1);
    expect(index.slotFor('call-x', 2)).toBe(2);
    // Almost-GUIDs are plain keys.
    expect(index.slotFor('6f1c0000aaaa-4000-8000-0000000000ff0', 3)).toBe(3);
    expect(index.slotFor('6f1c0000-aaaa-4000-8000-0000000000fg', 4)).toBe(4);
  });

  it('orders keys as lower-case text, GUIDs and others alike', () => {
    const index = new CallKeyIndex();
    const keys = [
      'B0000000-0000-4000-8000-000000000000',
      'a0000000-0000-4000-8000-000000000001',
      'a0000000-0000-4000-8000-000000000000',
      'a5',
      '9',
    ];
    keys.forEach((key, slot) => {
      index.slotFor(key, slot);
    });
    const slots = [0, 1, 2, 3, 4].sort((left, right) => index.compareKeys(left, right));
    expect(slots.map((slot) => keys[slot])).toEqual([
      '9',
      'a0000000-0000-4000-8000-000000000000',
      'a0000000-0000-4000-8000-000000000001',
      'a5',
      'B0000000-0000-4000-8000-000000000000',
    ]);
  });
});
