import { DATE_TIME_LITERAL, parseIsoDurationMs } from './odata-tokens';
import type { ODataExpression, ODataOrderItem } from './odata-tree';

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The OData text of a filter tree: what goes to the PBX. Every operand of `and`/`or` is written in
 * parentheses (except the left one of a chain of the same operator, which the parser reads left to
 * right into the same tree), and every other operand that is not a field, a literal or a function
 * call too, so each subtree is self-contained: a scope added as `allOf(userFilter, scope)` is
 * written `(<user filter>) and (<scope>)` (a user filter that is itself an `and` chain is written
 * without its outer parentheses; the scope stays the last conjunct). Strings are quoted with `'`
 * doubled; field names,
 * numbers, date-times and durations are checked again, so a tree built by hand cannot smuggle
 * text either. Parsing the result gives the same tree.
 */
export function serializeODataFilter(node: ODataExpression): string {
  switch (node.kind) {
    case 'string':
      return `'${node.value.replaceAll("'", "''")}'`;
    case 'number':
      if (!Number.isFinite(node.value)) throw new RangeError(`Not an OData number: ${node.value}`);
      return String(node.value);
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'datetime':
      return checked(node.text, isDateTimeLiteral(node.text), 'date-time');
    case 'duration':
      return `duration'${checked(node.iso, parseIsoDurationMs(node.iso) !== undefined, 'duration')}'`;
    case 'field':
      return checked(node.name, FIELD_NAME.test(node.name), 'field name');
    case 'not':
      return `not ${operand(node.operand)}`;
    case 'and':
    case 'or': {
      const left = node.left.kind === node.kind ? serializeODataFilter(node.left) : grouped(node.left);
      return `${left} ${node.kind} ${grouped(node.right)}`;
    }
    case 'compare':
      return `${operand(node.left)} ${node.operator} ${operand(node.right)}`;
    case 'predicate':
      return `${node.name}(${operand(node.text)},${operand(node.search)})`;
    case 'transform':
      return `${node.name}(${operand(node.text)})`;
  }
}

/** `StartTime desc,CallCost`: fields checked again, `desc` where asked, ascending by default. */
export function serializeODataOrderBy(items: readonly ODataOrderItem[]): string {
  return items
    .map(
      ({ field, descending }) =>
        `${checked(field, FIELD_NAME.test(field), 'field name')}${descending ? ' desc' : ''}`,
    )
    .join(',');
}

/** `A,B`: field names checked again. */
export function serializeODataFieldList(fields: readonly string[]): string {
  return fields.map((field) => checked(field, FIELD_NAME.test(field), 'field name')).join(',');
}

function grouped(node: ODataExpression): string {
  return `(${serializeODataFilter(node)})`;
}

/** Fields, literals and function calls stand alone; anything else is put in parentheses. */
function operand(node: ODataExpression): string {
  const standsAlone = !['not', 'and', 'or', 'compare'].includes(node.kind);
  return standsAlone ? serializeODataFilter(node) : grouped(node);
}

function isDateTimeLiteral(text: string): boolean {
  const match = DATE_TIME_LITERAL.exec(text);
  return match !== null && match[0] === text && !Number.isNaN(Date.parse(text));
}

function checked(text: string, valid: boolean, what: string): string {
  if (!valid) throw new RangeError(`Not an OData ${what}: ${JSON.stringify(text)}`);
  return text;
}
