/**
 * Call key → slot, without holding the key strings when they are GUIDs (3CX's MainCallHistoryId
 * and CallHistoryId): a GUID is kept exactly as four 32-bit words in an open-addressing table,
 * 16 bytes a call instead of a string and a Map entry (~100 bytes). GUIDs compare case-insensitively,
 * as GUIDs do. Any other key (old builds' CallId, or anything unexpected) goes to a plain Map.
 */
const GUID_LENGTH = 36;
const WORDS_PER_KEY = 4;
const PAGE_SHIFT = 12;
const PAGE_SIZE = 1 << PAGE_SHIFT;
const PAGE_MASK = PAGE_SIZE - 1;
const NOT_A_GUID = -1;

export class CallKeyIndex {
  private readonly otherKeys = new Map<string, number>();
  private otherKeyBySlot: Map<number, string> | undefined;
  /** Words of each slot's GUID, paged by slot; slots with other keys leave theirs unused. */
  private readonly wordPages: Uint32Array[] = [];
  /** 1 + slot, 0 for empty; capacity a power of two, kept at most half full. */
  private buckets = new Int32Array(1 << 12);
  private guidCount = 0;
  private readonly words = new Uint32Array(WORDS_PER_KEY);

  /** The slot of `key`; when the key is new it gets `newSlot` (the caller allocates slots in order). */
  slotFor(key: string, newSlot: number): number {
    if (!this.readGuid(key)) {
      const slot = this.otherKeys.get(key);
      if (slot !== undefined) return slot;
      this.otherKeys.set(key, newSlot);
      this.otherKeyBySlot = undefined;
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

  /** Orders two slots by their keys (GUIDs as lower-case text), for a stable order of ties. */
  compareKeys(left: number, right: number): number {
    const leftOther = this.otherKeyOf(left);
    const rightOther = this.otherKeyOf(right);
    if (leftOther === undefined && rightOther === undefined) {
      const leftWords = this.wordsOf(left);
      const rightWords = this.wordsOf(right);
      for (let index = 0; index < WORDS_PER_KEY; index++) {
        if (leftWords[index] !== rightWords[index]) return leftWords[index]! < rightWords[index]! ? -1 : 1;
      }
      return 0;
    }
    const leftKey = leftOther ?? this.formatGuid(left);
    const rightKey = rightOther ?? this.formatGuid(right);
    return leftKey < rightKey ? -1 : leftKey > rightKey ? 1 : 0;
  }

  private otherKeyOf(slot: number): string | undefined {
    if (this.otherKeyBySlot === undefined) {
      this.otherKeyBySlot = new Map();
      for (const [key, keySlot] of this.otherKeys) this.otherKeyBySlot.set(keySlot, key);
    }
    return this.otherKeyBySlot.get(slot);
  }

  /** Reads a GUID (8-4-4-4-12 hex digits) into `this.words`; false when `key` is not one. */
  private readGuid(key: string): boolean {
    if (key.length !== GUID_LENGTH) return false;
    let word = 0;
    let digits = 0;
    for (let position = 0; position < GUID_LENGTH; position++) {
      const code = key.charCodeAt(position);
      if (position === 8 || position === 13 || position === 18 || position === 23) {
        if (code !== 45) return false; // '-'
        continue;
      }
      const value = hexValue(code);
      if (value === NOT_A_GUID) return false;
      word = (word << 4) | value;
      digits++;
      if ((digits & 7) === 0) this.words[(digits >>> 3) - 1] = word;
    }
    return true;
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

  private wordsOf(slot: number): Uint32Array {
    const base = (slot & PAGE_MASK) * WORDS_PER_KEY;
    return this.wordPages[slot >>> PAGE_SHIFT]!.subarray(base, base + WORDS_PER_KEY);
  }

  private place(slot: number): void {
    const mask = this.buckets.length - 1;
    const page = this.wordPages[slot >>> PAGE_SHIFT]!;
    let bucket = hashWords(page, (slot & PAGE_MASK) * WORDS_PER_KEY) & mask;
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
    const hex = Array.from(this.wordsOf(slot), (word) => word.toString(16).padStart(8, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 32;
  if (lower >= 97 && lower <= 102) return lower - 87;
  return NOT_A_GUID;
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
