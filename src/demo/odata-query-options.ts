import { ODataSyntaxError } from '../odata/odata-tokens';
import type { ODataSchema } from '../odata/odata-tree';
import { resolveFieldName, unknownFieldMessage } from '../odata/resolve-field-name';
import { compileODataFilter, type RowPredicate } from './odata-filter';

/** The OData system query options of one request, validated against an entity's schema. */
export interface ODataQueryOptions {
  top?: number;
  skip: number;
  count: boolean;
  /** Field names in the schema's spelling, in the order asked. */
  select?: string[];
  filter?: RowPredicate;
  filterText?: string;
  /** Lower-cased search text. */
  search?: string;
  orderBy?: { field: string; descending: boolean };
  expand?: string[];
}

export type ODataQueryOptionsResult = { ok: true; value: ODataQueryOptions } | { ok: false; message: string };

/** What one entity set accepts. */
export interface ODataEntityRules {
  schema: ODataSchema;
  entityName: string;
  orderableFields: readonly string[];
}

const KNOWN_OPTIONS = new Set([
  '$top',
  '$skip',
  '$count',
  '$select',
  '$filter',
  '$orderby',
  '$search',
  '$expand',
]);

function parseCount(name: string, raw: string): number {
  if (!/^\d{1,9}$/.test(raw))
    throw new ODataSyntaxError(`Invalid value '${raw}' for ${name} query option found.`);
  return Number(raw);
}

/**
 * `$select` as the demo has always read it: besides the fields (matched case-insensitively), any
 * name the schema object answers to, `constructor` included (the golden answers pin that).
 */
function parseSelect(raw: string, rules: ODataEntityRules): string[] {
  return raw.split(',').map((part) => {
    const trimmed = part.trim();
    const name = trimmed in rules.schema ? trimmed : resolveFieldName(trimmed, rules.schema);
    if (name === undefined) throw new ODataSyntaxError(unknownFieldMessage(trimmed, rules.entityName));
    return name;
  });
}

function parseOrderBy(raw: string, rules: ODataEntityRules): { field: string; descending: boolean } {
  const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?\s*$/i.exec(raw);
  const field = match ? resolveFieldName(match[1]!, rules.schema) : undefined;
  if (!match || field === undefined || !rules.orderableFields.includes(field)) {
    throw new ODataSyntaxError(
      `$orderby '${raw}' is not supported; use one of: ${rules.orderableFields.map((name) => `${name} asc|desc`).join(', ')}.`,
    );
  }
  return { field, descending: match[2]?.toLowerCase() === 'desc' };
}

/**
 * Reads `$top $skip $count $select $filter $orderby $search $expand` from a raw query string
 * (`+` is a space, as in form encoding). Unknown `$` options, repeated options and invalid values
 * are errors (400); other parameters are ignored; empty values count as absent.
 */
export function parseODataQueryOptions(rawQuery: string, rules: ODataEntityRules): ODataQueryOptionsResult {
  const options: ODataQueryOptions = { skip: 0, count: false };
  const seen = new Set<string>();
  try {
    for (const [rawName, value] of new URLSearchParams(rawQuery)) {
      const name = rawName.toLowerCase();
      if (!name.startsWith('$')) continue;
      if (!KNOWN_OPTIONS.has(name))
        throw new ODataSyntaxError(`The query parameter '${rawName}' is not supported.`);
      if (seen.has(name))
        throw new ODataSyntaxError(`Query option '${rawName}' was specified more than once.`);
      seen.add(name);
      if (value.trim() === '') continue;
      if (name === '$top') options.top = parseCount(name, value);
      else if (name === '$skip') options.skip = parseCount(name, value);
      else if (name === '$count') {
        if (!/^(true|false)$/i.test(value))
          throw new ODataSyntaxError(`'${value}' is not a valid count option.`);
        options.count = value.toLowerCase() === 'true';
      } else if (name === '$select') options.select = parseSelect(value, rules);
      else if (name === '$filter') {
        options.filter = compileODataFilter(value, rules.schema, rules.entityName);
        options.filterText = value;
      } else if (name === '$orderby') options.orderBy = parseOrderBy(value, rules);
      else if (name === '$search')
        options.search = value
          .trim()
          .replace(/^"(.*)"$/, '$1')
          .toLowerCase();
      else options.expand = value.split(',').map((part) => part.trim());
    }
  } catch (error) {
    if (error instanceof ODataSyntaxError) {
      return { ok: false, message: `The query specified in the URI is not valid. ${error.message}` };
    }
    throw error;
  }
  return { ok: true, value: options };
}

/** The row with only the selected fields (all fields without `$select`). */
export function projectRow(
  row: Readonly<Record<string, unknown>>,
  select: readonly string[] | undefined,
): Record<string, unknown> {
  if (!select) return row as Record<string, unknown>;
  const projected: Record<string, unknown> = {};
  for (const field of select) projected[field] = row[field] ?? null;
  return projected;
}
