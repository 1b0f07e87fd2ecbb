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

  it('gives back each key as text: GUIDs in lower case, other keys as they came', () => {
    const index = new CallKeyIndex();
    const keys = ['B0000000-0000-4000-8000-00000000000F', 'a5', 'Call-X'];
    keys.forEach((key, slot) => {
      index.slotFor(key, slot);
    });
    expect([0, 1, 2].map((slot) => index.keyTextOf(slot))).toEqual([
      'b0000000-0000-4000-8000-00000000000f',
      'a5',
      'Call-X',
    ]);
  });

  it('forgets released keys, and finds every other key still, however the probes were chained', () => {
    const index = new CallKeyIndex();
    const reference = new Map<string, number>();
    const freeSlots: number[] = [];
    let nextSlot = 0;
    let seed = 12345;
    const random = (limit: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % limit;
    };
    for (let step = 0; step < 40_000; step++) {
      const n = random(6_000);
      const key = n % 5 === 0 ? `call-${n}` : guid(n);
      const known = reference.get(key);
      if (known !== undefined && random(2) === 0) {
        index.release(known);
        reference.delete(key);
        freeSlots.push(known);
        continue;
      }
      const newSlot = freeSlots.length > 0 ? freeSlots[freeSlots.length - 1]! : nextSlot;
      const slot = index.slotFor(key, newSlot);
      if (known !== undefined) {
        expect(slot).toBe(known);
        continue;
      }
      expect(slot).toBe(newSlot);
      if (newSlot === nextSlot) nextSlot++;
      else freeSlots.pop();
      reference.set(key, slot);
    }
    expect(reference.size).toBeGreaterThan(1_000);
    for (const [key, slot] of reference) {
      expect(index.slotFor(key, -7)).toBe(slot);
      expect(index.keyTextOf(slot)).toBe(key);
    }
  });

  it('finds a released key as new, whichever spelling of it was seen last', () => {
    const index = new CallKeyIndex();
    const lower = '6f1c0000-aaaa-4000-8000-0000000000ff';
    const upper = lower.toUpperCase();
    expect(index.slotFor(lower, 0)).toBe(0);
    expect(index.slotFor(upper, 1)).toBe(0);
    expect(index.slotFor(lower, 1)).toBe(0);
    index.release(0);
    expect(index.slotFor('call-x', 0)).toBe(0);
    expect(index.slotFor(upper, 1)).toBe(1);
    expect(index.slotFor(lower, 2)).toBe(1);
    expect(index.slotFor('call-x', 2)).toBe(0);
  });
});
