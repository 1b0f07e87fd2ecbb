import {
  ODataSyntaxError,
  type ODataToken,
  parseIsoDurationMs,
  tokenizeODataExpression,
} from './odata-tokens';

/** The types the demo's OData subset knows. */
export type ODataFieldType = 'string' | 'number' | 'boolean' | 'datetime' | 'duration';
/** Field name -> type, for one entity set. */
export type ODataSchema = Readonly<Record<string, ODataFieldType>>;
export type ODataRow = Readonly<Record<string, unknown>>;
/** A compiled `$filter`. */
export type RowPredicate = (row: ODataRow) => boolean;

type ValueType = ODataFieldType | 'null';
interface Node {
  type: ValueType;
  evaluate: (row: ODataRow) => unknown;
}

const EDM_NAMES: Record<ValueType, string> = {
  string: 'Edm.String',
  number: 'Edm.Int32',
  boolean: 'Edm.Boolean',
  datetime: 'Edm.DateTimeOffset',
  duration: 'Edm.Duration',
  null: 'null',
};
const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const STRING_PREDICATES: Record<string, (a: string, b: string) => boolean> = {
  contains: (a, b) => a.includes(b),
  startswith: (a, b) => a.startsWith(b),
  endswith: (a, b) => a.endsWith(b),
};
const STRING_FUNCTIONS: Record<string, (a: string) => string> = {
  tolower: (a) => a.toLowerCase(),
  toupper: (a) => a.toUpperCase(),
};

/** The schema's own spelling of a field name matched case-insensitively, as ASP.NET OData does. */
export function resolveFieldName(name: string, schema: ODataSchema): string | undefined {
  if (name in schema) return name;
  const lower = name.toLowerCase();
  return Object.keys(schema).find((field) => field.toLowerCase() === lower);
}

/** A field's value as a comparable: strings, numbers, booleans, or milliseconds; null if absent. */
function readField(row: ODataRow, name: string, type: ODataFieldType): unknown {
  const value = row[name];
  if (value === null || value === undefined) return null;
  if (type === 'datetime') return typeof value === 'string' ? Date.parse(value) : null;
  if (type === 'duration') return typeof value === 'string' ? (parseIsoDurationMs(value) ?? null) : null;
  return value;
}

function compare(op: string, left: unknown, right: unknown): boolean {
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

class FilterParser {
  private position = 0;

  constructor(
    private readonly tokens: ODataToken[],
    private readonly schema: ODataSchema,
    private readonly entityName: string,
  ) {}

  parseAll(): Node {
    const node = this.parseOr();
    const extra = this.tokens[this.position];
    if (extra)
      throw new ODataSyntaxError(`Syntax error: unexpected '${extra.text}' at token ${this.position + 1}.`);
    return this.requireBoolean(node, 'the filter');
  }

  private peekWord(): string | undefined {
    const token = this.tokens[this.position];
    return token?.kind === 'word' ? token.text.toLowerCase() : undefined;
  }

  private next(): ODataToken {
    const token = this.tokens[this.position];
    if (!token) throw new ODataSyntaxError('Syntax error: the expression ends too early.');
    this.position += 1;
    return token;
  }

  private expect(kind: 'open' | 'close' | 'comma'): void {
    const token = this.next();
    if (token.kind !== kind)
      throw new ODataSyntaxError(
        `Syntax error: expected '${kind === 'open' ? '(' : kind === 'close' ? ')' : ','}' but found '${token.text}'.`,
      );
  }

  private requireBoolean(node: Node, where: string): Node {
    if (node.type !== 'boolean')
      throw new ODataSyntaxError(`${where} must be a boolean expression, not ${EDM_NAMES[node.type]}.`);
    return node;
  }

  private parseOr(): Node {
    let left = this.parseAnd();
    while (this.peekWord() === 'or') {
      this.position += 1;
      const a = this.requireBoolean(left, "'or' operand");
      const b = this.requireBoolean(this.parseAnd(), "'or' operand");
      left = { type: 'boolean', evaluate: (row) => a.evaluate(row) === true || b.evaluate(row) === true };
    }
    return left;
  }

  private parseAnd(): Node {
    let left = this.parseComparison();
    while (this.peekWord() === 'and') {
      this.position += 1;
      const a = this.requireBoolean(left, "'and' operand");
      const b = this.requireBoolean(this.parseComparison(), "'and' operand");
      left = { type: 'boolean', evaluate: (row) => a.evaluate(row) === true && b.evaluate(row) === true };
    }
    return left;
  }

  private parseComparison(): Node {
    const left = this.parseUnary();
    const op = this.peekWord();
    if (op === undefined || !COMPARISONS.has(op)) return left;
    this.position += 1;
    const right = this.parseUnary();
    if (left.type !== right.type && left.type !== 'null' && right.type !== 'null') {
      throw new ODataSyntaxError(
        `A binary operator with incompatible types was detected. Found operand types '${EDM_NAMES[left.type]}' and '${EDM_NAMES[right.type]}' for operator kind '${op}'.`,
      );
    }
    return { type: 'boolean', evaluate: (row) => compare(op, left.evaluate(row), right.evaluate(row)) };
  }

  private parseUnary(): Node {
    if (this.peekWord() !== 'not') return this.parsePrimary();
    this.position += 1;
    const operand = this.requireBoolean(this.parseUnary(), "'not' operand");
    return { type: 'boolean', evaluate: (row) => operand.evaluate(row) !== true };
  }

  private parsePrimary(): Node {
    const token = this.next();
    switch (token.kind) {
      case 'open': {
        const inner = this.parseOr();
        this.expect('close');
        return inner;
      }
      case 'string':
        return { type: 'string', evaluate: () => token.value };
      case 'number':
        return { type: 'number', evaluate: () => token.value };
      case 'datetime':
        return { type: 'datetime', evaluate: () => token.value };
      case 'duration':
        return { type: 'duration', evaluate: () => token.value };
      case 'word':
        return this.parseWord(token.text);
      default:
        throw new ODataSyntaxError(`Syntax error: unexpected '${token.text}'.`);
    }
  }

  private parseWord(word: string): Node {
    const lower = word.toLowerCase();
    if (lower === 'true' || lower === 'false') return { type: 'boolean', evaluate: () => lower === 'true' };
    if (lower === 'null') return { type: 'null', evaluate: () => null };
    if (this.tokens[this.position]?.kind === 'open') return this.parseFunction(lower);
    const name = resolveFieldName(word, this.schema);
    if (name === undefined) {
      throw new ODataSyntaxError(`Could not find a property named '${word}' on type '${this.entityName}'.`);
    }
    const type = this.schema[name]!;
    return { type, evaluate: (row) => readField(row, name, type) };
  }

  private parseFunction(name: string): Node {
    this.expect('open');
    const first = this.parseOr();
    const predicate = STRING_PREDICATES[name];
    const transform = STRING_FUNCTIONS[name];
    if (!predicate && !transform) throw new ODataSyntaxError(`Unknown function '${name}'.`);
    if (first.type !== 'string' && first.type !== 'null')
      throw new ODataSyntaxError(`'${name}' needs string arguments.`);
    if (transform) {
      this.expect('close');
      return {
        type: 'string',
        evaluate: (row) => {
          const value = first.evaluate(row);
          return typeof value === 'string' ? transform(value) : null;
        },
      };
    }
    this.expect('comma');
    const second = this.parseOr();
    this.expect('close');
    if (second.type !== 'string') throw new ODataSyntaxError(`'${name}' needs string arguments.`);
    return {
      type: 'boolean',
      evaluate: (row) => {
        const a = first.evaluate(row);
        const b = second.evaluate(row);
        return typeof a === 'string' && typeof b === 'string' && predicate!(a, b);
      },
    };
  }
}

/**
 * Compiles an OData `$filter` (eq ne gt ge lt le, and or not, parentheses, string/number/boolean/
 * date-time/duration/null literals, contains/startswith/endswith/tolower/toupper). Throws
 * `ODataSyntaxError` on anything else, on unknown fields and on mismatched types.
 */
export function compileODataFilter(text: string, schema: ODataSchema, entityName: string): RowPredicate {
  const tokens = tokenizeODataExpression(text);
  if (tokens.length === 0) throw new ODataSyntaxError('The $filter expression is empty.');
  const node = new FilterParser(tokens, schema, entityName).parseAll();
  return (row) => node.evaluate(row) === true;
}
