import fc from 'fast-check';
import { CALL_LOG_ENTITY, CALL_LOG_FIELD_TYPES } from '../../src/odata/call-log-fields';
import { ODataSyntaxError } from '../../src/odata/odata-tokens';
import {
  allOf,
  COMPARISON_OPERATORS,
  type ODataExpression,
  STRING_PREDICATES,
  STRING_TRANSFORMS,
} from '../../src/odata/odata-tree';
import { parseODataFilter } from '../../src/odata/parse-odata-filter';
import { readCallLogFilter } from '../../src/odata/read-call-log-options';
import { serializeODataFilter } from '../../src/odata/serialize-odata';
import { buildDnFilter } from '../../src/threecx/call-log-row';

const fieldsOf = (type: string) =>
  Object.entries(CALL_LOG_FIELD_TYPES)
    .filter(([, fieldType]) => fieldType === type)
    .map(([name]) => name);

const parse = (text: string) => parseODataFilter(text, CALL_LOG_FIELD_TYPES, CALL_LOG_ENTITY);

/** Text that looks like what an attacker types: OData words, quotes and unbalanced parentheses. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom('(', ')', "'", "''", ',', ' ', 'or', 'and', 'not', 'eq', 'ne', 'true', 'false', 'null'),
      fc.constantFrom(
        'SourceDn',
        'DestinationDn',
        'SourceCallerId',
        'Answered',
        'CallId',
        '1',
        "'101'",
        "'+44'",
      ),
      fc.constantFrom('startswith(', 'contains(', 'tolower(', "duration'PT1S'", '2026-11-17T09:00:00Z'),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(' '));

/** Well-typed filter trees over the call-log fields, with strings full of quotes and parentheses. */
const { boolean: booleanTree } = fc.letrec<{ boolean: ODataExpression; text: ODataExpression }>((tie) => ({
  text: fc.oneof(
    { depthSize: 'small' },
    fc
      .constantFrom(...fieldsOf('string'))
      .map((name): ODataExpression => ({ kind: 'field', name, type: 'string' })),
    fc.string({ maxLength: 8 }).map((value): ODataExpression => ({ kind: 'string', value })),
    fc
      .tuple(fc.constantFrom(...STRING_TRANSFORMS), tie('text'))
      .map(([name, text]): ODataExpression => ({ kind: 'transform', name, text })),
  ),
  boolean: fc.oneof(
    { depthSize: 'small', maxDepth: 5 },
    fc
      .constantFrom(...fieldsOf('boolean'))
      .map((name): ODataExpression => ({ kind: 'field', name, type: 'boolean' })),
    fc.boolean().map((value): ODataExpression => ({ kind: 'boolean', value })),
    fc
      .tuple(fc.constantFrom(...COMPARISON_OPERATORS), tie('text'), tie('text'))
      .map(([operator, left, right]): ODataExpression => ({ kind: 'compare', operator, left, right })),
    fc
      .tuple(
        fc.constantFrom(...COMPARISON_OPERATORS),
        fc.constantFrom(...fieldsOf('number')),
        fc.oneof(
          fc.integer(),
          fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => n || 0),
        ),
      )
      .map(
        ([operator, name, value]): ODataExpression => ({
          kind: 'compare',
          operator,
          left: { kind: 'field', name, type: 'number' },
          right: { kind: 'number', value },
        }),
      ),
    fc
      .tuple(
        fc.constantFrom(...COMPARISON_OPERATORS),
        fc.date({ noInvalidDate: true, min: new Date(0), max: new Date('9999-12-31T23:59:59Z') }),
      )
      .map(
        ([operator, date]): ODataExpression => ({
          kind: 'compare',
          operator,
          left: { kind: 'field', name: 'StartTime', type: 'datetime' },
          right: { kind: 'datetime', text: date.toISOString() },
        }),
      ),
    fc
      .tuple(fc.constantFrom(...STRING_PREDICATES), tie('text'), tie('text'))
      .map(([name, text, search]): ODataExpression => ({ kind: 'predicate', name, text, search })),
    tie('boolean').map((operand): ODataExpression => ({ kind: 'not', operand })),
    fc
      .tuple(fc.constantFrom<'and' | 'or'>('and', 'or'), tie('boolean'), tie('boolean'))
      .map(([kind, left, right]): ODataExpression => ({ kind, left, right })),
  ),
}));

const SCOPE = buildDnFilter(['101', "1'0)2"]);

describe('filter trees and their text', () => {
  it('reading any text either gives a tree or a refusal, never another error', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.string({ maxLength: 40 })), (text) => {
        try {
          parse(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ODataSyntaxError);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reading what the serializer wrote gives the same tree back', () => {
    fc.assert(
      fc.property(booleanTree, (tree) => {
        expect(parse(serializeODataFilter(tree))).toEqual(tree);
      }),
      { numRuns: 1500 },
    );
  });

  it('no accepted filter can reach the scope: the served text reads back as (filter) and (scope)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(hostileText, (text) => {
        const read = readCallLogFilter(text);
        if (!read.ok) return;
        accepted++;
        const served = serializeODataFilter(allOf(read.value, SCOPE));
        expect(parse(served)).toEqual({ kind: 'and', left: read.value, right: SCOPE });
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(20);
  });

  it('the same holds for well-typed trees of any shape', () => {
    fc.assert(
      fc.property(booleanTree, (tree) => {
        expect(parse(serializeODataFilter(allOf(tree, SCOPE)))).toEqual({
          kind: 'and',
          left: tree,
          right: SCOPE,
        });
      }),
      { numRuns: 1000 },
    );
  });
});
