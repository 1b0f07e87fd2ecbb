import { ODataSyntaxError, type ODataToken, tokenizeODataExpression } from './odata-tokens';
import {
  COMPARISON_OPERATORS,
  type ODataComparisonOperator,
  type ODataExpression,
  type ODataSchema,
  type ODataStringPredicate,
  type ODataStringTransform,
  type ODataValueType,
  STRING_PREDICATES,
  STRING_TRANSFORMS,
} from './odata-tree';
import { resolveFieldName, unknownFieldMessage } from './resolve-field-name';

type ExpressionType = ODataValueType | 'null';
interface Typed {
  node: ODataExpression;
  type: ExpressionType;
}

/** Deeper nesting (parentheses, `not`, function arguments) is refused rather than risk the stack. */
export const MAX_FILTER_DEPTH = 64;

const EDM_NAMES: Record<ExpressionType, string> = {
  string: 'Edm.String',
  number: 'Edm.Int32',
  boolean: 'Edm.Boolean',
  datetime: 'Edm.DateTimeOffset',
  duration: 'Edm.Duration',
  null: 'null',
};

/** Recursive descent over the tokens: or < and < comparison < not < primary. */
class FilterParser {
  private position = 0;
  private depth = 0;

  constructor(
    private readonly tokens: ODataToken[],
    private readonly schema: ODataSchema,
    private readonly entityName: string,
  ) {}

  parseAll(): ODataExpression {
    const parsed = this.parseOr();
    const extra = this.tokens[this.position];
    if (extra)
      throw new ODataSyntaxError(`Syntax error: unexpected '${extra.text}' at token ${this.position + 1}.`);
    return this.requireBoolean(parsed, 'the filter');
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

  private nested<T>(read: () => T): T {
    this.depth += 1;
    if (this.depth > MAX_FILTER_DEPTH)
      throw new ODataSyntaxError(`The expression is nested more than ${MAX_FILTER_DEPTH} levels deep.`);
    try {
      return read();
    } finally {
      this.depth -= 1;
    }
  }

  private requireBoolean(typed: Typed, where: string): ODataExpression {
    if (typed.type !== 'boolean')
      throw new ODataSyntaxError(`${where} must be a boolean expression, not ${EDM_NAMES[typed.type]}.`);
    return typed.node;
  }

  private requireText(typed: Typed, name: string): ODataExpression {
    if (typed.type !== 'string' && typed.type !== 'null')
      throw new ODataSyntaxError(`'${name}' needs string arguments.`);
    return typed.node;
  }

  private parseOr(): Typed {
    return this.nested(() => this.parseChain('or', () => this.parseAnd()));
  }

  private parseAnd(): Typed {
    return this.parseChain('and', () => this.parseComparison());
  }

  /** `a and b and c` (or `or`), read left to right: `(a and b) and c`. */
  private parseChain(kind: 'and' | 'or', parseOperand: () => Typed): Typed {
    let left = parseOperand();
    while (this.peekWord() === kind) {
      this.position += 1;
      const a = this.requireBoolean(left, `'${kind}' operand`);
      const b = this.requireBoolean(parseOperand(), `'${kind}' operand`);
      left = { node: { kind, left: a, right: b }, type: 'boolean' };
    }
    return left;
  }

  private parseComparison(): Typed {
    const left = this.parseUnary();
    const operator = this.peekWord() as ODataComparisonOperator | undefined;
    if (operator === undefined || !COMPARISON_OPERATORS.includes(operator)) return left;
    this.position += 1;
    const right = this.parseUnary();
    if (left.type !== right.type && left.type !== 'null' && right.type !== 'null') {
      throw new ODataSyntaxError(
        `A binary operator with incompatible types was detected. Found operand types '${EDM_NAMES[left.type]}' and '${EDM_NAMES[right.type]}' for operator kind '${operator}'.`,
      );
    }
    return { node: { kind: 'compare', operator, left: left.node, right: right.node }, type: 'boolean' };
  }

  private parseUnary(): Typed {
    if (this.peekWord() !== 'not') return this.parsePrimary();
    this.position += 1;
    const operand = this.nested(() => this.requireBoolean(this.parseUnary(), "'not' operand"));
    return { node: { kind: 'not', operand }, type: 'boolean' };
  }

  private parsePrimary(): Typed {
    const token = this.next();
    switch (token.kind) {
      case 'open': {
        const inner = this.parseOr();
        this.expect('close');
        return inner;
      }
      case 'string':
        return { node: { kind: 'string', value: token.value }, type: 'string' };
      case 'number':
        return { node: { kind: 'number', value: token.value }, type: 'number' };
      case 'datetime':
        return { node: { kind: 'datetime', text: token.text }, type: 'datetime' };
      case 'duration':
        return { node: { kind: 'duration', iso: token.iso }, type: 'duration' };
      case 'word':
        return this.parseWord(token.text);
      default:
        throw new ODataSyntaxError(`Syntax error: unexpected '${token.text}'.`);
    }
  }

  private parseWord(word: string): Typed {
    const lower = word.toLowerCase();
    if (lower === 'true' || lower === 'false')
      return { node: { kind: 'boolean', value: lower === 'true' }, type: 'boolean' };
    if (lower === 'null') return { node: { kind: 'null' }, type: 'null' };
    if (this.tokens[this.position]?.kind === 'open') return this.nested(() => this.parseFunction(lower));
    const name = resolveFieldName(word, this.schema);
    if (name === undefined) throw new ODataSyntaxError(unknownFieldMessage(word, this.entityName));
    const type = this.schema[name]!;
    if (type === 'collection')
      throw new ODataSyntaxError(`The property '${name}' is a collection and cannot be used in a filter.`);
    return { node: { kind: 'field', name, type }, type };
  }

  private parseFunction(name: string): Typed {
    const isPredicate = STRING_PREDICATES.includes(name as ODataStringPredicate);
    if (!isPredicate && !STRING_TRANSFORMS.includes(name as ODataStringTransform))
      throw new ODataSyntaxError(`Unknown function '${name}'.`);
    this.expect('open');
    const text = this.requireText(this.parseOr(), name);
    if (!isPredicate) {
      this.expect('close');
      return { node: { kind: 'transform', name: name as ODataStringTransform, text }, type: 'string' };
    }
    this.expect('comma');
    const search = this.parseOr();
    this.expect('close');
    if (search.type !== 'string') throw new ODataSyntaxError(`'${name}' needs string arguments.`);
    return {
      node: { kind: 'predicate', name: name as ODataStringPredicate, text, search: search.node },
      type: 'boolean',
    };
  }
}

/**
 * Reads an OData `$filter` over `schema` into a tree: eq ne gt ge lt le, and or not, parentheses,
 * string/number/boolean/date-time/duration/null literals, contains/startswith/endswith/tolower/
 * toupper; field names matched case-insensitively. Throws `ODataSyntaxError` on anything else, on
 * unknown fields, on mismatched types and on nesting deeper than `MAX_FILTER_DEPTH`.
 */
export function parseODataFilter(text: string, schema: ODataSchema, entityName: string): ODataExpression {
  const tokens = tokenizeODataExpression(text);
  if (tokens.length === 0) throw new ODataSyntaxError('The $filter expression is empty.');
  return new FilterParser(tokens, schema, entityName).parseAll();
}
