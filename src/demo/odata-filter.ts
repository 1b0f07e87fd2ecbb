import { parseIsoDurationMs } from '../odata/odata-tokens';
import type {
  ODataComparisonOperator,
  ODataExpression,
  ODataSchema,
  ODataValueType,
} from '../odata/odata-tree';
import { parseODataFilter } from '../odata/parse-odata-filter';

export type ODataRow = Readonly<Record<string, unknown>>;
/** A compiled `$filter`. */
export type RowPredicate = (row: ODataRow) => boolean;
type Evaluate = (row: ODataRow) => unknown;

const STRING_PREDICATES: Record<string, (a: string, b: string) => boolean> = {
  contains: (a, b) => a.includes(b),
  startswith: (a, b) => a.startsWith(b),
  endswith: (a, b) => a.endsWith(b),
};
const STRING_TRANSFORMS: Record<string, (a: string) => string> = {
  tolower: (a) => a.toLowerCase(),
  toupper: (a) => a.toUpperCase(),
};

/** A field's value as a comparable: strings, numbers, booleans, or milliseconds; null if absent. */
function readField(row: ODataRow, name: string, type: ODataValueType): unknown {
  const value = row[name];
  if (value === null || value === undefined) return null;
  if (type === 'datetime') return typeof value === 'string' ? Date.parse(value) : null;
  if (type === 'duration') return typeof value === 'string' ? (parseIsoDurationMs(value) ?? null) : null;
  return value;
}

function compare(op: ODataComparisonOperator, left: unknown, right: unknown): boolean {
  if (op === 'eq') return left === right;
  if (op === 'ne') return left !== right;
  if (left === null || right === null) return false;
  const a = left as number | string;
  const b = right as number | string;
  if (op === 'gt') return a > b;
  if (op === 'ge') return a >= b;
  if (op === 'lt') return a < b;
  return a <= b;
}

/** The tree as a function of a row, with its literals read once. */
function compile(node: ODataExpression): Evaluate {
  switch (node.kind) {
    case 'string':
    case 'number':
    case 'boolean': {
      const value = node.value;
      return () => value;
    }
    case 'null':
      return () => null;
    case 'datetime': {
      const ms = Date.parse(node.text);
      return () => ms;
    }
    case 'duration': {
      const ms = parseIsoDurationMs(node.iso) ?? null;
      return () => ms;
    }
    case 'field': {
      const { name, type } = node;
      return (row) => readField(row, name, type);
    }
    case 'not': {
      const operand = compile(node.operand);
      return (row) => operand(row) !== true;
    }
    case 'and':
    case 'or': {
      const left = compile(node.left);
      const right = compile(node.right);
      return node.kind === 'and'
        ? (row) => left(row) === true && right(row) === true
        : (row) => left(row) === true || right(row) === true;
    }
    case 'compare': {
      const { operator } = node;
      const left = compile(node.left);
      const right = compile(node.right);
      return (row) => compare(operator, left(row), right(row));
    }
    case 'predicate': {
      const test = STRING_PREDICATES[node.name]!;
      const text = compile(node.text);
      const search = compile(node.search);
      return (row) => {
        const a = text(row);
        const b = search(row);
        return typeof a === 'string' && typeof b === 'string' && test(a, b);
      };
    }
    case 'transform': {
      const transform = STRING_TRANSFORMS[node.name]!;
      const text = compile(node.text);
      return (row) => {
        const value = text(row);
        return typeof value === 'string' ? transform(value) : null;
      };
    }
  }
}

/**
 * Compiles an OData `$filter` as the bot's own reader parses it (src/odata/parse-odata-filter.ts:
 * one grammar for what the bot sends and what the demo PBX accepts). Throws `ODataSyntaxError` on
 * anything outside it, on unknown fields and on mismatched types.
 */
export function compileODataFilter(text: string, schema: ODataSchema, entityName: string): RowPredicate {
  const evaluate = compile(parseODataFilter(text, schema, entityName));
  return (row) => evaluate(row) === true;
}
