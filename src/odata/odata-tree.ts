/**
 * The OData subset calls-bot reads from people and sends to the PBX, as a tree. User text never
 * reaches the PBX as typed: it is parsed into these nodes (parse-odata-filter.ts) and written out
 * again by our serializer (serialize-odata.ts), so an access scope added as a separate `and` node
 * cannot be escaped by the user's parentheses.
 */

/** The types of a scalar field or literal. */
export type ODataValueType = 'string' | 'number' | 'boolean' | 'datetime' | 'duration';
/** A field's type; `collection` fields (e.g. `Recordings`) may be selected but not filtered on. */
export type ODataFieldType = ODataValueType | 'collection';
/** Field name -> type, for one entity type. */
export type ODataSchema = Readonly<Record<string, ODataFieldType>>;

export type ODataComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
/** Boolean string functions: `contains(text, search)` and the like. */
export type ODataStringPredicate = 'contains' | 'startswith' | 'endswith';
/** String-valued functions of one string. */
export type ODataStringTransform = 'tolower' | 'toupper';

/** A literal; date-times and durations keep their OData text (checked again when written out). */
export type ODataLiteral =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'datetime'; text: string }
  | { kind: 'duration'; iso: string };

/** A `$filter` expression. Parentheses are not nodes: the tree's shape is the grouping. */
export type ODataExpression =
  | ODataLiteral
  | { kind: 'field'; name: string; type: ODataValueType }
  | { kind: 'not'; operand: ODataExpression }
  | { kind: 'and' | 'or'; left: ODataExpression; right: ODataExpression }
  | {
      kind: 'compare';
      operator: ODataComparisonOperator;
      left: ODataExpression;
      right: ODataExpression;
    }
  | { kind: 'predicate'; name: ODataStringPredicate; text: ODataExpression; search: ODataExpression }
  | { kind: 'transform'; name: ODataStringTransform; text: ODataExpression };

/** One key of `$orderby`. */
export interface ODataOrderItem {
  field: string;
  descending: boolean;
}

export const COMPARISON_OPERATORS: readonly ODataComparisonOperator[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];
export const STRING_PREDICATES: readonly ODataStringPredicate[] = ['contains', 'startswith', 'endswith'];
export const STRING_TRANSFORMS: readonly ODataStringTransform[] = ['tolower', 'toupper'];

/** `left and right`: both must hold (how an access scope is added to a user's filter). */
export function allOf(left: ODataExpression, right: ODataExpression): ODataExpression {
  return { kind: 'and', left, right };
}

/** `a or b or c ...` (left to right, as the parser reads it); at least one expression. */
export function anyOf(expressions: readonly ODataExpression[]): ODataExpression {
  const [first, ...rest] = expressions;
  if (first === undefined) throw new RangeError('anyOf needs at least one expression');
  return rest.reduce<ODataExpression>((left, right) => ({ kind: 'or', left, right }), first);
}
