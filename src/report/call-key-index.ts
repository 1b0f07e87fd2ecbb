import { formatGuidWords, GUID_LOWER, readGuidWordsAnyCase } from '../core/guid-words';

// A module-local copy of the import read for every leg: CommonJS output reads imports through getters.
const readGuidWords = readGuidWordsAnyCase;

/**
 * Call key → slot, without holding the key strings when they are GUIDs (3CX's MainCallHistoryId
 * and CallHistoryId): a GUID is kept exactly as four 32-bit words in an open-addressing table,
 * 16 bytes a call instead of a string and a Map entry (~100 bytes). GUIDs compare case-insensitively,
 * as GUIDs do. Any other key (old builds' CallId, or anything unexpected) goes to a plain Map.
 * A released slot's key is forgotten (the caller may hand the slot to a new key).
 */
const WORDS_PER_KEY = 4;
/** Entries of the recent-key cache (a power of two). */
const RECENT_KEYS = 1024;
const PAGE_SHIFT = 12;
const PAGE_SIZE = 1 << PAGE_SHIFT;
const PAGE_MASK = PAGE_SIZE - 1;

export class CallKeyIndex {
  private readonly otherKeys = new Map<string, number>();
  private readonly otherKeyBySlot = new Map<number, string>();
  /** Words of each slot's GUID, paged by slot; slots with other keys leave theirs unused. */
  private readonly wordPages: Uint32Array[] = [];
  /** 1 + slot, 0 for empty; capacity a power of two, kept at most half full. */
  private buckets = new Int32Array(1 << 12);
  private guidCount = 0;
  private readonly words = new Uint32Array(WORDS_PER_KEY);
  /**
   * Recently seen key strings and their slots, by `recentIndexOf`: a call's legs decoded from a
   * stored day share one key string, so most legs after a call's first are found here without
   * reading the GUID again. Only the very same text hits; a released slot's entry is cleared.
   */
  private readonly recentKeys = new Array<string | undefined>(RECENT_KEYS).fill(undefined);
  private readonly recentSlots = new Int32Array(RECENT_KEYS);
  /** 1 + the recent-key entry each slot was last cached at, paged by slot; 0 for none. */
  private readonly recentEntryPages: Int32Array[] = [];

  /** The slot of `key`; when the key is new it gets `newSlot` (the caller allocates slots in order). */
  slotFor(key: string, newSlot: number): number {
    const entry = recentIndexOf(key);
    if (this.recentKeys[entry] === key) return this.recentSlots[entry]!;
    const slot = this.findOrAdd(key, newSlot);
    this.remember(entry, key, slot);
    return slot;
  }

  private findOrAdd(key: string, newSlot: number): number {
    if (!this.readGuid(key)) {
      const slot = this.otherKeys.get(key);
      if (slot !== undefined) return slot;
      this.otherKeys.set(key, newSlot);
      this.otherKeyBySlot.set(newSlot, key);
      return newSlot;
    }
    const mask = this.buckets.length - 1;
    for (let bucket = hashWords(this.words, 0) & mask; ; bucket = (bucket + 1) & mask) {
      const entry = this.buckets[bucket]!;
      if (entry === 0) break;
      if (this.hasWords(entry - 1, this.words)) return entry - 1;
    }
    this.storeWords(newSlot);
    if (++this.guidCount * 2 > this.buckets.length) this.rehash(this.buckets.length * 2, newSlot);
    else this.place(newSlot);
    return newSlot;
  }

  /** Caches `key` → `slot` at `entry`; a slot has one entry at most (another text of its key, in another case, loses its own). */
  private remember(entry: number, key: string, slot: number): void {
    this.forgetRecent(slot);
    this.recentKeys[entry] = key;
    this.recentSlots[entry] = slot;
    while (this.recentEntryPages.length <= slot >>> PAGE_SHIFT)
      this.recentEntryPages.push(new Int32Array(PAGE_SIZE));
    this.recentEntryPages[slot >>> PAGE_SHIFT]![slot & PAGE_MASK] = entry + 1;
  }

  /** Clears the recent-key entry of `slot`, if it still holds it. */
  private forgetRecent(slot: number): void {
    const page = this.recentEntryPages[slot >>> PAGE_SHIFT];
    if (page === undefined) return;
    const entry = page[slot & PAGE_MASK]! - 1;
    page[slot & PAGE_MASK] = 0;
    if (entry >= 0 && this.recentSlots[entry] === slot) this.recentKeys[entry] = undefined;
  }

  /** Forgets the key of `slot` (backward-shift deletion, so no tombstones build up). */
  release(slot: number): void {
    this.forgetRecent(slot);
    const other = this.otherKeyBySlot.get(slot);
    if (other !== undefined) {
      this.otherKeys.delete(other);
      this.otherKeyBySlot.delete(slot);
      return;
    }
    const mask = this.buckets.length - 1;
    let hole = this.homeOf(slot) & mask;
    while (this.buckets[hole] !== slot + 1) {
      if (this.buckets[hole] === 0) return;
      hole = (hole + 1) & mask;
    }
    for (let next = (hole + 1) & mask; this.buckets[next] !== 0; next = (next + 1) & mask) {
      const home = this.homeOf(this.buckets[next]! - 1) & mask;
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        this.buckets[hole] = this.buckets[next]!;
        hole = next;
      }
    }
    this.buckets[hole] = 0;
    this.guidCount--;
  }

  /** The key of `slot` as text: a GUID in lower case, any other key as it came. */
  keyTextOf(slot: number): string {
    return this.otherKeyBySlot.get(slot) ?? this.formatGuid(slot);
  }

  /** Reads a GUID (8-4-4-4-12 hex digits, any case) into `this.words`; false when `key` is not one. */
  private readGuid(key: string): boolean {
    return readGuidWords(key, this.words, 0);
  }

  private hasWords(slot: number, words: Uint32Array): boolean {
    const page = this.wordPages[slot >>> PAGE_SHIFT]!;
    const base = (slot & PAGE_MASK) * WORDS_PER_KEY;
    return (
      page[base] === words[0] &&
      page[base + 1] === words[1] &&
      page[base + 2] === words[2] &&
      page[base + 3] === words[3]
    );
  }

  private storeWords(slot: number): void {
    while (this.wordPages.length <= slot >>> PAGE_SHIFT)
      this.wordPages.push(new Uint32Array(PAGE_SIZE * WORDS_PER_KEY));
    this.wordPages[slot >>> PAGE_SHIFT]!.set(this.words, (slot & PAGE_MASK) * WORDS_PER_KEY);
  }

  private homeOf(slot: number): number {
    return hashWords(this.wordPages[slot >>> PAGE_SHIFT]!, (slot & PAGE_MASK) * WORDS_PER_KEY);
  }

  private place(slot: number): void {
    const mask = this.buckets.length - 1;
    let bucket = this.homeOf(slot) & mask;
    while (this.buckets[bucket] !== 0) bucket = (bucket + 1) & mask;
    this.buckets[bucket] = slot + 1;
  }

  private rehash(capacity: number, newSlot: number): void {
    const old = this.buckets;
    this.buckets = new Int32Array(capacity);
    for (const entry of old) if (entry !== 0) this.place(entry - 1);
    this.place(newSlot);
  }

  private formatGuid(slot: number): string {
    return formatGuidWords(
      this.wordPages[slot >>> PAGE_SHIFT]!,
      (slot & PAGE_MASK) * WORDS_PER_KEY,
      GUID_LOWER,
    );
  }
}

/**
 * The recent-key entry of a key, from six of its characters (the ends of a GUID's first, third and
 * last groups, which differ between calls whichever GUID version the PBX writes); positions past a
 * short key read as 0.
 */
function recentIndexOf(key: string): number {
  const low = (key.charCodeAt(7) & 31) | ((key.charCodeAt(6) & 31) << 5) | ((key.charCodeAt(17) & 31) << 10);
  const high =
    (key.charCodeAt(35) & 31) | ((key.charCodeAt(34) & 31) << 5) | ((key.charCodeAt(22) & 31) << 10);
  return (low ^ high ^ (low >>> 10) ^ (high >>> 5)) & (RECENT_KEYS - 1);
}

/** A well-mixed 31-bit hash of the four 32-bit words at `base`. */
function hashWords(words: Uint32Array, base: number): number {
  let hash = 0x9e3779b9;
  for (let index = base; index < base + WORDS_PER_KEY; index++) {
    hash = Math.imul(hash ^ words[index]!, 0x85ebca6b);
    hash ^= hash >>> 13;
  }
  hash = Math.imul(hash ^ (hash >>> 16), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) & 0x7fffffff;
}
