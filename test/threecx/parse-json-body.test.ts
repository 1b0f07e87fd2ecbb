import fc from 'fast-check';
import { MAX_DEPTH, NestedTooDeepError, readJsonBody } from '../../src/threecx/parse-json-body';

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** Strings that stress the element scanner: quotes, backslashes, brackets, non-ASCII. */
const trickyString = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '"',
    '\\',
    '\\"',
    '}',
    ']',
    '},{',
    '"},{"',
    '{"value":[',
    'Chloé Durand',
    '😀',
    '\u2028',
    '',
  ),
);
const row = fc.dictionary(
  fc.oneof(trickyString, fc.constantFrom('__proto__', 'StartTime', 'value')),
  fc.oneof(
    trickyString,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.jsonValue({ maxDepth: 2 }),
  ),
  { maxKeys: 6 },
);
const page = fc.record({
  '@odata.context': fc.string({ maxLength: 10 }),
  '@odata.count': fc.nat(),
  value: fc.array(fc.oneof(row, fc.jsonValue({ maxDepth: 2 })), { maxLength: 6 }),
});

describe('readJsonBody', () => {
  it('equals JSON.parse for OData pages, compact or pretty-printed', async () => {
    await fc.assert(
      fc.asyncProperty(page, fc.constantFrom(undefined, 2, '\t'), async (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(await readJsonBody(bytesOf(text))).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('equals JSON.parse for any JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const text = JSON.stringify(value);
        expect(await readJsonBody(bytesOf(text))).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('finds each row of a page, whatever `},{` its texts or nested lists hold', async () => {
    const rows = [
      { SourceDisplayName: 'Acme },{ Ltd', CdrId: 'a' },
      { Recordings: [{ Id: 1 }, { Id: 2 }], Summary: '"},{"x":1' },
      { SourceDisplayName: '\\},{', CdrId: 'c' },
      {},
      { Answered: true },
    ];
    const text = JSON.stringify({ '@odata.count': 5, value: rows });
    expect(text).toContain('{"Id":1},{"Id":2}');
    expect(await readJsonBody(bytesOf(text))).toStrictEqual({ '@odata.count': 5, value: rows });
  });

  it('keeps __proto__ as an ordinary key and lets a later duplicate win, as JSON.parse does', async () => {
    const text = '{"__proto__":{"polluted":1},"value":[{"a":1}],"value":[{"b":2}]}';
    const parsed = (await readJsonBody(bytesOf(text))) as Record<string, unknown>;
    expect(parsed).toStrictEqual(JSON.parse(text));
    expect(Object.keys(parsed)).toEqual(['__proto__', 'value']);
    expect(parsed.value).toEqual([{ b: 2 }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ignores a UTF-8 byte order mark', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf('{"value":[{"SourceDn":"101"}]}')]);
    expect(await readJsonBody(bytes)).toEqual({ value: [{ SourceDn: '101' }] });
  });

  it.each([
    '{"value":[{"a":1},]}',
    '{"value":[{"a":1}]',
    '{"value":[{"a":1}]} x',
    '{"value":[{"a":"unterminated]}',
    '<html>Bad gateway</html>',
    '',
  ])('throws a SyntaxError for %j', async (text) => {
    await expect(readJsonBody(bytesOf(text))).rejects.toThrow(SyntaxError);
  });

  it.each([
    ['an element', (deep: string) => `{"value":[{"Id":1},${deep}]}`],
    ['a row', (deep: string) => `{"value":[{"Id":1,"x":${deep}},{"Id":2}]}`],
    ['another key', (deep: string) => `{"@odata.count":${deep},"value":[]}`],
    ['the whole answer', (deep: string) => deep],
  ])(
    'refuses %s nested deeper than MAX_DEPTH (past 64 KB), and reads one within it',
    async (_where, wrap) => {
      const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
      // 100 KB deep: past the size up to which a row is handed to JSON.parse at once.
      await expect(readJsonBody(bytesOf(wrap(nested(50_000))))).rejects.toThrow(NestedTooDeepError);
      await expect(readJsonBody(bytesOf(wrap(nested(MAX_DEPTH + 1).padEnd(70_000))))).rejects.toThrow(
        NestedTooDeepError,
      );
      const text = wrap(nested(MAX_DEPTH - 2));
      expect(await readJsonBody(bytesOf(text))).toStrictEqual(JSON.parse(text));
    },
  );

  it('reads 20,000 elements whose `},{` is inside them (each walked, not retried)', async () => {
    const element = { a: [{}, {}], b: 'x' };
    const text = JSON.stringify({ value: Array.from({ length: 20_000 }, () => element) });
    const parsed = (await readJsonBody(bytesOf(text))) as { value: unknown[] };
    expect(parsed.value).toHaveLength(20_000);
    expect(parsed.value[19_999]).toEqual(element);
  });
});
