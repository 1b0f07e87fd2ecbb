import fc from 'fast-check';
import { parseJsonBody } from '../../src/threecx/parse-json-body';

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

describe('parseJsonBody', () => {
  it('equals JSON.parse for OData pages, compact or pretty-printed', () => {
    fc.assert(
      fc.property(page, fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(parseJsonBody(bytesOf(text))).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('equals JSON.parse for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(parseJsonBody(bytesOf(text))).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('finds each row of a page, whatever `},{` its texts or nested lists hold', () => {
    const rows = [
      { SourceDisplayName: 'Acme },{ Ltd', CdrId: 'a' },
      { Recordings: [{ Id: 1 }, { Id: 2 }], Summary: '"},{"x":1' },
      { SourceDisplayName: '\\},{', CdrId: 'c' },
      {},
      { Answered: true },
    ];
    const text = JSON.stringify({ '@odata.count': 5, value: rows });
    expect(text).toContain('{"Id":1},{"Id":2}');
    expect(parseJsonBody(bytesOf(text))).toStrictEqual({ '@odata.count': 5, value: rows });
  });

  it('keeps __proto__ as an ordinary key and lets a later duplicate win, as JSON.parse does', () => {
    const text = '{"__proto__":{"polluted":1},"value":[{"a":1}],"value":[{"b":2}]}';
    const parsed = parseJsonBody(bytesOf(text)) as Record<string, unknown>;
    expect(parsed).toStrictEqual(JSON.parse(text));
    expect(Object.keys(parsed)).toEqual(['__proto__', 'value']);
    expect(parsed.value).toEqual([{ b: 2 }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ignores a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf('{"value":[{"SourceDn":"101"}]}')]);
    expect(parseJsonBody(bytes)).toEqual({ value: [{ SourceDn: '101' }] });
  });

  it.each([
    '{"value":[{"a":1},]}',
    '{"value":[{"a":1}]',
    '{"value":[{"a":1}]} x',
    '{"value":[{"a":"unterminated]}',
    '<html>Bad gateway</html>',
    '',
  ])('throws a SyntaxError for %j', (text) => {
    expect(() => parseJsonBody(bytesOf(text))).toThrow(SyntaxError);
  });
});
