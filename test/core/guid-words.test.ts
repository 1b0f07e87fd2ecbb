import fc from 'fast-check';
import {
  formatGuidWords,
  GUID_LOWER,
  GUID_UPPER,
  NOT_A_GUID,
  readGuidWords,
  readGuidWordsAnyCase,
} from '../../src/core/guid-words';

describe('readGuidWords and formatGuidWords', () => {
  it('give back any GUID in its own letter case', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.boolean(), (uuid, upper) => {
        const text = upper ? uuid.toUpperCase() : uuid;
        const words = new Uint32Array(6);
        const letterCase = readGuidWords(text, words, 2);
        expect(letterCase).toBe(upper && /[a-f]/.test(uuid) ? GUID_UPPER : GUID_LOWER);
        expect(formatGuidWords(words, 2, letterCase)).toBe(text);
      }),
    );
  });

  it('writes the same text through Buffer#toString on a Node without the Latin-1 slice', () => {
    const prototype = Buffer.prototype as unknown as { latin1Slice?: unknown };
    const native = prototype.latin1Slice;
    let fallback: typeof formatGuidWords | undefined;
    delete prototype.latin1Slice;
    try {
      jest.isolateModules(() => {
        fallback = (require('../../src/core/guid-words') as typeof import('../../src/core/guid-words'))
          .formatGuidWords;
      });
    } finally {
      prototype.latin1Slice = native;
    }
    // This Node's own toString reads through the slice: it is back, and the module loaded without it.
    const words = new Uint32Array([0x0123abcd, 0xef012345, 0x6789abcd, 0xef012345]);
    const bufferToString = jest.spyOn(Buffer.prototype, 'toString');
    try {
      expect(fallback!(words, 0, GUID_LOWER)).toBe('0123abcd-ef01-2345-6789-abcdef012345');
      expect(fallback!(words, 0, GUID_UPPER)).toBe('0123ABCD-EF01-2345-6789-ABCDEF012345');
      expect(bufferToString.mock.calls).toEqual([
        ['latin1', 0, 36],
        ['latin1', 0, 36],
      ]);
    } finally {
      bufferToString.mockRestore();
    }
  });

  it('reads the words exactly', () => {
    const words = new Uint32Array(4);
    expect(readGuidWords('0123abcd-ef01-2345-6789-abcdef012345', words, 0)).toBe(GUID_LOWER);
    expect([...words]).toEqual([0x0123abcd, 0xef012345, 0x6789abcd, 0xef012345]);
  });

  it('refuses anything else, mixed case too', () => {
    const words = new Uint32Array(4);
    for (const text of [
      '',
      '1204',
      '0123abcd-ef01-2345-6789-abcdef01234',
      '0123abcd-ef01-2345-6789-abcdef0123456',
      '0123abcdXef01-2345-6789-abcdef012345',
      '0123abcd-ef01-2345-6789-abcdef01234g',
      '0123abcd-EF01-2345-6789-abcdef012345',
    ]) {
      expect(readGuidWords(text, words, 0)).toBe(NOT_A_GUID);
    }
  });

  it('reads a GUID in any letter case, mixed too, to the same words (for matching keys)', () => {
    const lower = new Uint32Array(4);
    const mixed = new Uint32Array(4);
    expect(readGuidWordsAnyCase('0123abcd-ef01-2345-6789-abcdef012345', lower, 0)).toBe(true);
    expect(readGuidWordsAnyCase('0123ABcd-eF01-2345-6789-ABCDEF012345', mixed, 0)).toBe(true);
    expect([...mixed]).toEqual([...lower]);
    expect(readGuidWordsAnyCase('0123abcd-ef01-2345-6789-abcdef01234g', mixed, 0)).toBe(false);
    expect(readGuidWordsAnyCase('0123abcd-ef01-2345-6789-abcdef01234\u00e9', mixed, 0)).toBe(false);
    expect(readGuidWordsAnyCase('call-1', mixed, 0)).toBe(false);
  });
});
