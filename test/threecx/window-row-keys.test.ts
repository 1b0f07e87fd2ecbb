import fc from 'fast-check';
import { formatGuidWords, GUID_LOWER } from '../../src/core/guid-words';
import {
  hashWords,
  NEW_ROW,
  SEEN_IN_SPAN,
  SEEN_IN_WINDOW,
  WindowRowKeys,
} from '../../src/threecx/window-row-keys';

/** The rule, written plainly: a row's key is its CdrId text, else its JSON; a Map of key to last span. */
class ReferenceKeys {
  private readonly spanByKey = new Map<string, number>();

  see(entry: unknown, span: number): number {
    const id = typeof entry === 'object' && entry !== null ? (entry as { CdrId?: unknown }).CdrId : undefined;
    const key = typeof id === 'string' && id !== '' ? id : (JSON.stringify(entry) ?? 'undefined');
    const lastSpan = this.spanByKey.get(key);
    if (lastSpan === span) return SEEN_IN_SPAN;
    this.spanByKey.set(key, span);
    return lastSpan === undefined ? NEW_ROW : SEEN_IN_WINDOW;
  }
}

const GUID = '0a5233bf-33e3-4525-a505-377cc57b182b';

describe('WindowRowKeys', () => {
  it('passes a row on once per window, and tells a split piece which rows it already had', () => {
    const keys = new WindowRowKeys();
    const first = keys.openSpan();
    expect(keys.see({ CdrId: GUID }, first)).toBe(NEW_ROW);
    expect(keys.see({ CdrId: GUID, TalkingDuration: 'PT1S' }, first)).toBe(SEEN_IN_SPAN);
    const piece = keys.openSpan();
    expect(keys.see({ CdrId: GUID }, piece)).toBe(SEEN_IN_WINDOW);
    expect(keys.see({ CdrId: GUID }, piece)).toBe(SEEN_IN_SPAN);
  });

  it('tells apart GUIDs that differ in one digit or only in letter case, as their texts differ', () => {
    const keys = new WindowRowKeys();
    const span = keys.openSpan();
    const variants = [
      GUID,
      GUID.toUpperCase(),
      `${GUID.slice(0, 35)}c`,
      `1${GUID.slice(1)}`,
      `0A${GUID.slice(2)}`, // mixed case: not read as a GUID, kept as text
      GUID.replaceAll('-', ''), // not a GUID's shape
      `{${GUID}}`,
    ];
    for (const id of variants) expect(keys.see({ CdrId: id }, span)).toBe(NEW_ROW);
    for (const id of variants) expect(keys.see({ CdrId: id }, span)).toBe(SEEN_IN_SPAN);
  });

  it('keys a row without a CdrId (or with an empty one) by its whole JSON', () => {
    const keys = new WindowRowKeys();
    const span = keys.openSpan();
    expect(keys.see({ CallId: 7, SegmentId: 1 }, span)).toBe(NEW_ROW);
    expect(keys.see({ CallId: 7, SegmentId: 1 }, span)).toBe(SEEN_IN_SPAN);
    expect(keys.see({ CallId: 7, SegmentId: 2 }, span)).toBe(NEW_ROW);
    expect(keys.see({ CdrId: '', CallId: 7 }, span)).toBe(NEW_ROW);
    expect(keys.see({ CdrId: null, CallId: 7 }, span)).toBe(NEW_ROW);
    expect(keys.see('not a row', span)).toBe(NEW_ROW);
    expect(keys.see('not a row', span)).toBe(SEEN_IN_SPAN);
  });

  it('holds a row cap of GUIDs (the table grows) and finds each again', () => {
    const keys = new WindowRowKeys();
    const span = keys.openSpan();
    // Sequential GUIDs (as some databases make them) differ in a few digits only.
    const ids = Array.from(
      { length: 20_000 },
      (_, index) => `00000000-0000-0000-0000-${index.toString(16).padStart(12, '0')}`,
    );
    const verdicts = (spanId: number) => new Set(ids.map((id) => keys.see({ CdrId: id }, spanId)));
    expect(verdicts(span)).toEqual(new Set([NEW_ROW]));
    const piece = keys.openSpan();
    expect(verdicts(piece)).toEqual(new Set([SEEN_IN_WINDOW]));
    expect(verdicts(piece)).toEqual(new Set([SEEN_IN_SPAN]));
  });

  it('keeps what it holds when it makes room for a count, however large the count', () => {
    const keys = new WindowRowKeys();
    const span = keys.openSpan();
    const ids = Array.from(
      { length: 3000 },
      (_, index) => `0000000${index % 10}-0000-4000-8000-${index.toString(16).padStart(12, '0')}`,
    );
    const verdicts = (spanId: number) => new Set(ids.map((id) => keys.see({ CdrId: id }, spanId)));
    expect(verdicts(span)).toEqual(new Set([NEW_ROW]));
    keys.reserve(5000);
    keys.reserve(2 ** 31); // the PBX's word: room for a bounded number only, the rest as rows arrive
    keys.reserve(-1);
    expect(verdicts(span)).toEqual(new Set([SEEN_IN_SPAN]));
    expect(verdicts(keys.openSpan())).toEqual(new Set([SEEN_IN_WINDOW]));
  });

  it('tells apart two GUIDs whose hashes are the same (all 128 bits are compared)', () => {
    // A birthday search over seeded random GUIDs finds two with the same 32-bit hash (about 80,000 draws).
    let seed = 0x2545f491;
    const next = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    const drawn = new Map<number, Uint32Array>();
    let pair: [Uint32Array, Uint32Array] | undefined;
    while (pair === undefined) {
      const words = Uint32Array.of(next(), next(), next(), next());
      const hash = hashWords(words[0]!, words[1]!, words[2]!, words[3]!);
      const earlier = drawn.get(hash);
      if (earlier) pair = [earlier, words];
      else drawn.set(hash, words);
    }
    const [a, b] = pair.map((words) => formatGuidWords(words, 0, GUID_LOWER)) as [string, string];
    expect(a).not.toBe(b);
    const keys = new WindowRowKeys();
    const span = keys.openSpan();
    expect(keys.see({ CdrId: a }, span)).toBe(NEW_ROW);
    expect(keys.see({ CdrId: b }, span)).toBe(NEW_ROW);
    expect(keys.see({ CdrId: a }, span)).toBe(SEEN_IN_SPAN);
    expect(keys.see({ CdrId: b }, span)).toBe(SEEN_IN_SPAN);
  });

  it('gives the same verdicts as a Map of the key texts, for any mix of rows and spans', () => {
    const hex = fc.constantFrom(...'0123456789abcdef');
    const guid = fc
      .array(hex, { minLength: 32, maxLength: 32 })
      .map((digits) => digits.join('').replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'));
    // A small pool, so that rows repeat; each GUID also in upper case, mixed case and one digit off.
    const pool = fc
      .array(guid, { minLength: 1, maxLength: 6 })
      .map((guids) =>
        guids.flatMap((id) => [
          { CdrId: id },
          { CdrId: id.toUpperCase() },
          { CdrId: `${id.slice(0, 20)}${id.slice(20).toUpperCase()}` },
          { CdrId: `${id.slice(0, 35)}${id[35] === '0' ? '1' : '0'}` },
          { CdrId: id.slice(0, 30) },
          { SegmentId: id.length, StartTime: id },
        ]),
      );
    const steps = fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 200 });
    fc.assert(
      fc.property(pool, steps, (rows, picks) => {
        const keys = new WindowRowKeys();
        const reference = new ReferenceKeys();
        let span = keys.openSpan();
        for (const [pick, newSpan] of picks) {
          if (newSpan && pick % 7 === 0) span = keys.openSpan();
          const row = rows[pick % rows.length];
          expect(keys.see(row, span)).toBe(reference.see(row, span));
        }
      }),
      { numRuns: 300 },
    );
  });
});
