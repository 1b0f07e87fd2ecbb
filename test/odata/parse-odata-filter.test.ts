import { CALL_LOG_ENTITY, CALL_LOG_FIELD_TYPES } from '../../src/odata/call-log-fields';
import type { ODataExpression } from '../../src/odata/odata-tree';
import { MAX_FILTER_DEPTH } from '../../src/odata/parse-odata-filter';
import {
  readCallLogFields,
  readCallLogFilter,
  readCallLogOrderBy,
} from '../../src/odata/read-call-log-options';
import { serializeODataFilter } from '../../src/odata/serialize-odata';

/** What the PBX is sent for `text`, or the reader's reason for refusing it. */
function sent(text: string): string {
  const read = readCallLogFilter(text);
  return read.ok ? serializeODataFilter(read.value) : `refused: ${read.reason}`;
}

describe('readCallLogFilter: the accepted subset, written out again by our serializer', () => {
  it.each([
    ['Answered eq true', 'Answered eq true'],
    ['  answered   EQ   TRUE ', 'Answered eq true'],
    ['Answered', 'Answered'],
    ['not Answered', 'not Answered'],
    ["SourceDisplayName eq 'O''Brien'", "SourceDisplayName eq 'O''Brien'"],
    [
      "Direction ne 'Outbound' and Status eq 'Answered'",
      "(Direction ne 'Outbound') and (Status eq 'Answered')",
    ],
    [
      'a eq 1 or b eq 2 or c eq 3'.replace(/[abc]/g, 'CallId'),
      '(CallId eq 1) or (CallId eq 2) or (CallId eq 3)',
    ],
    ['CallId eq 1 or (CallId eq 2 or CallId eq 3)', '(CallId eq 1) or ((CallId eq 2) or (CallId eq 3))'],
    ['CallId eq 1 or CallId eq 2 and CallId eq 3', '(CallId eq 1) or ((CallId eq 2) and (CallId eq 3))'],
    ['not (Answered eq false)', 'not (Answered eq false)'],
    [
      "contains(SourceCallerId,'4420') and endswith(Reason,')')",
      "(contains(SourceCallerId,'4420')) and (endswith(Reason,')'))",
    ],
    ["toupper(CallType) eq 'QUEUE'", "toupper(CallType) eq 'QUEUE'"],
    ["RingingDuration ge duration'PT20S'", "RingingDuration ge duration'PT20S'"],
    ['StartTime lt 2026-11-17T09:00:00.123Z', 'StartTime lt 2026-11-17T09:00:00.123Z'],
    ['CallCost gt 0.25 and SegmentId le -3', '(CallCost gt 0.25) and (SegmentId le -3)'],
    ['Summary eq null', 'Summary eq null'],
    ['(((Answered)))', 'Answered'],
  ])('%s is sent as %s', (text, expected) => {
    expect(sent(text)).toBe(expected);
  });

  it.each([
    ['true) or (false', "Syntax error: unexpected ')' at token 2."],
    ["SourceDn eq '102') or (true", "Syntax error: unexpected ')' at token 4."],
    ['(Answered', 'Syntax error: the expression ends too early.'],
    ["SourceDn eq '101", 'Unterminated string literal at position 12.'],
    ['Nope eq 1', "Could not find a property named 'Nope' on type 'Pbx.CallLogData'."],
    ['constructor eq null', "Could not find a property named 'constructor' on type 'Pbx.CallLogData'."],
    ['Recordings eq null', "The property 'Recordings' is a collection and cannot be used in a filter."],
    ['CallId', 'the filter must be a boolean expression, not Edm.Int32.'],
    ["substringof('a',Reason)", "Unknown function 'substringof'."],
    ["Direction like 'Out%'", "Syntax error: unexpected 'like' at token 2."],
    ['CallId eq 1; drop', "Syntax error at position 11 in 'CallId eq 1; drop'."],
    ['Answered eq 1e999', "'1e999' is not a valid number."],
    ["TalkingDuration gt duration'1 minute'", "'1 minute' is not a valid duration."],
    ['', 'The $filter expression is empty.'],
    [
      `${'('.repeat(MAX_FILTER_DEPTH)}Answered${')'.repeat(MAX_FILTER_DEPTH)}`,
      `The expression is nested more than ${MAX_FILTER_DEPTH} levels deep.`,
    ],
    [`${'not '.repeat(5000)}Answered`, `The expression is nested more than ${MAX_FILTER_DEPTH} levels deep.`],
  ])('refuses %j: %s', (text, reason) => {
    expect(readCallLogFilter(text)).toEqual({ ok: false, reason });
  });

  it('knows every field of a call-log row, in 3CX spelling', () => {
    expect(CALL_LOG_ENTITY).toBe('Pbx.CallLogData');
    expect(Object.keys(CALL_LOG_FIELD_TYPES)).toHaveLength(37);
    expect(sent("actiondndn eq '800'")).toBe("actionDnDn eq '800'");
  });
});

describe('serializeODataFilter on trees built by hand', () => {
  const field = (name: string): ODataExpression => ({ kind: 'field', name, type: 'string' });
  it.each<[string, ODataExpression]>([
    [
      'a field name with OData in it',
      { kind: 'compare', operator: 'eq', left: field("SourceDn') or (true"), right: { kind: 'null' } },
    ],
    ['a date-time with more after it', { kind: 'datetime', text: '2026-11-17T09:00:00Z or true' }],
    ['a duration with a quote', { kind: 'duration', iso: "PT1S' or true or 'x" }],
    ['a number that is not one', { kind: 'number', value: Number.NaN }],
  ])('refuses %s', (_what, node) => {
    expect(() => serializeODataFilter(node)).toThrow(RangeError);
  });

  it('keeps every quote of a string inside it', () => {
    const value = "x') or (true or ('";
    const text = serializeODataFilter({ kind: 'string', value });
    expect(text).toBe(`'x'') or (true or ('''`);
    expect(readCallLogFilter(`SourceDn eq ${text}`)).toEqual({
      ok: true,
      value: { kind: 'compare', operator: 'eq', left: field('SourceDn'), right: { kind: 'string', value } },
    });
  });
});

describe('select, expand and orderby lists', () => {
  it('reads known fields, case-insensitively, into 3CX spelling', () => {
    expect(readCallLogFields(' starttime , SOURCEDN,Recordings')).toEqual({
      ok: true,
      value: ['StartTime', 'SourceDn', 'Recordings'],
    });
    expect(readCallLogOrderBy('StartTime desc, callcost ASC,SegmentId')).toEqual({
      ok: true,
      value: [
        { field: 'StartTime', descending: true },
        { field: 'CallCost', descending: false },
        { field: 'SegmentId', descending: false },
      ],
    });
  });

  it.each([
    [
      readCallLogFields,
      'StartTime,Nope',
      "Could not find a property named 'Nope' on type 'Pbx.CallLogData'.",
    ],
    [readCallLogFields, 'StartTime,', "'StartTime,' has an empty name between commas."],
    [
      readCallLogFields,
      'StartTime&$filter=true',
      "Could not find a property named 'StartTime&$filter=true' on type 'Pbx.CallLogData'.",
    ],
    [readCallLogOrderBy, 'StartTime desc)', "'StartTime desc)' is not a field name followed by asc or desc."],
    [readCallLogOrderBy, 'Recordings', "The property 'Recordings' is a collection and cannot be sorted on."],
  ])('%p refuses %j', (read, text, reason) => {
    expect(read(text)).toEqual({ ok: false, reason });
  });
});
