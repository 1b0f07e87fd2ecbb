import { ODataSyntaxError } from './odata-tokens';
import type { ODataOrderItem, ODataSchema } from './odata-tree';
import { resolveFieldName, unknownFieldMessage } from './resolve-field-name';

const ORDER_KEY = /^([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?$/i;

/**
 * `A, B` (`$select`, `$expand`): the fields in the schema's spelling, in the order given. Throws
 * `ODataSyntaxError` on an empty item or a name that is not a field.
 */
export function readFieldList(text: string, schema: ODataSchema, entityName: string): string[] {
  return splitItems(text).map((item) => {
    const field = resolveFieldName(item, schema);
    if (field === undefined) throw new ODataSyntaxError(unknownFieldMessage(item, entityName));
    return field;
  });
}

/**
 * `StartTime desc, CallCost` (`$orderby`): each key a scalar field, then `asc` or `desc` (ascending
 * when neither). Throws `ODataSyntaxError` on anything else.
 */
export function readOrderBy(text: string, schema: ODataSchema, entityName: string): ODataOrderItem[] {
  return splitItems(text).map((item) => {
    const match = ORDER_KEY.exec(item);
    if (!match) throw new ODataSyntaxError(`'${item}' is not a field name followed by asc or desc.`);
    const field = resolveFieldName(match[1]!, schema);
    if (field === undefined) throw new ODataSyntaxError(unknownFieldMessage(match[1]!, entityName));
    if (schema[field] === 'collection')
      throw new ODataSyntaxError(`The property '${field}' is a collection and cannot be sorted on.`);
    return { field, descending: match[2]?.toLowerCase() === 'desc' };
  });
}

function splitItems(text: string): string[] {
  const items = text.split(',').map((item) => item.trim());
  if (items.some((item) => item === ''))
    throw new ODataSyntaxError(`'${text}' has an empty name between commas.`);
  return items;
}
