import { HEAP_GROWING_PERCENT, limitHeapGrowth } from '../src/limit-heap-growth';

// What the setting does to memory is measured by `npm run bench` (bench/report-memory.ts), not here.
describe('limitHeapGrowth', () => {
  it('leaves the heap growth to node when node was given --heap-growing-percent', () => {
    expect(limitHeapGrowth(['--heap-growing-percent=80'])).toBeUndefined();
  });

  it('sets its own percent otherwise', () => {
    expect(limitHeapGrowth([])).toBe(HEAP_GROWING_PERCENT);
    expect(HEAP_GROWING_PERCENT).toBe(50);
  });
});
