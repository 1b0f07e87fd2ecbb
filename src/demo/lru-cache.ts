/** An optional second bound: the sum of the entries' weights (e.g. bytes). */
export interface LruWeightLimit<V> {
  maxWeight: number;
  weigh: (value: V) => number;
}

/**
 * A small least-recently-used cache on top of `Map`'s insertion order, bounded by its number of
 * entries and, optionally, by the sum of their weights (the newest entry always stays).
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();
  private readonly weights = new Map<K, number>();
  private weightSum = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly weightLimit?: LruWeightLimit<V>,
  ) {}

  /** How many entries are cached. */
  get size(): number {
    return this.entries.size;
  }

  /** The sum of the cached entries' weights (0 without a weight limit). */
  get totalWeight(): number {
    return this.weightSum;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.remove(key);
    this.entries.set(key, value);
    if (this.weightLimit) {
      const weight = this.weightLimit.weigh(value);
      this.weights.set(key, weight);
      this.weightSum += weight;
    }
    const maxWeight = this.weightLimit?.maxWeight ?? Number.POSITIVE_INFINITY;
    while (this.entries.size > this.maxEntries || (this.weightSum > maxWeight && this.entries.size > 1)) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.remove(oldest.value);
    }
  }

  /** The cached value, or `create()`'s result, cached. */
  getOrCreate(key: K, create: () => V): V {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const value = create();
    this.set(key, value);
    return value;
  }

  private remove(key: K): void {
    if (!this.entries.delete(key)) return;
    this.weightSum -= this.weights.get(key) ?? 0;
    this.weights.delete(key);
  }
}
