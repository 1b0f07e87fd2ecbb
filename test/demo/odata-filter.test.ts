import { compileODataFilter } from '../../src/demo/odata-filter';
import { ODataSyntaxError } from '../../src/odata/odata-tokens';
import type { ODataSchema } from '../../src/odata/odata-tree';

const SCHEMA: ODataSchema = {
  Name: 'string',
  Count: 'number',
  Active: 'boolean',
  StartTime: 'datetime',
  TalkingDuration: 'duration',
};
const ROWS = [
  {
    Name: "O'Brien",
    Count: 3,
    Active: true,
    StartTime: '2026-11-17T08:02:11.4125530+00:00',
    TalkingDuration: 'PT1M12.5S',
  },
  {
    Name: 'Durand',
    Count: 10,
    Active: false,
    StartTime: '2026-11-17T09:00:00.0000000+00:00',
    TalkingDuration: 'PT0S',
  },
  {
    Name: null,
    Count: 0,
    Active: true,
    StartTime: '2026-11-18T00:00:00.0000000+00:00',
    TalkingDuration: 'PT2H',
  },
];

/** Indexes of the rows the filter keeps. */
function keep(filter: string): number[] {
  const predicate = compileODataFilter(filter, SCHEMA, 'Test.Row');
  return ROWS.flatMap((row, index) => (predicate(row) ? [index] : []));
}

describe('compileODataFilter', () => {
  it.each([
    ["Name eq 'O''Brien'", [0]],
    ["name eq 'Durand'", [1]],
    ['Name eq null', [2]],
    ['Name ne null', [0, 1]],
    ['Count ge 3', [0, 1]],
    ['Count lt 3', [2]],
    ['Active', [0, 2]],
    ['not Active', [1]],
    ['Active eq false or Count eq 0', [1, 2]],
    ['Active eq true and (Count eq 0 or Count eq 3)', [0, 2]],
    ["startswith(Name,'Du') or endswith(Name,'ien')", [0, 1]],
    ["tolower(Name) eq 'durand'", [1]],
    ['StartTime ge 2026-11-17T09:00:00Z and StartTime lt 2026-11-18T00:00:00Z', [1]],
    ["TalkingDuration gt duration'PT1M'", [0, 2]],
    ['Count eq -1', []],
  ])('%s keeps rows %j', (filter, expected) => {
    expect(keep(filter)).toEqual(expected);
  });

  it.each([
    ["Name eq 'x' and", 'Syntax error: the expression ends too early.'],
    ['Count eq 1 Count', "Syntax error: unexpected 'Count' at token 4."],
    ['(Count eq 1', 'Syntax error: the expression ends too early.'],
    ['Count', 'the filter must be a boolean expression, not Edm.Int32.'],
    ['Count add 1 eq 2', "Syntax error: unexpected 'add' at token 2."],
    [
      "Count eq '1'",
      "A binary operator with incompatible types was detected. Found operand types 'Edm.Int32' and 'Edm.String' for operator kind 'eq'.",
    ],
    ["substringof('a',Name)", "Unknown function 'substringof'."],
    ['Count eq 1 && Active', "Syntax error at position 11 in 'Count eq 1 && Active'."],
    ['', 'The $filter expression is empty.'],
  ])('refuses %j', (filter, message) => {
    expect(() => compileODataFilter(filter, SCHEMA, 'Test.Row')).toThrow(new ODataSyntaxError(message));
  });
});
