import type { CallLogParameters } from '../core/report-request';
import type { ODataExpression, ODataOrderItem } from '../odata/odata-tree';
import {
  serializeODataFieldList,
  serializeODataFilter,
  serializeODataOrderBy,
} from '../odata/serialize-odata';

/**
 * OData query options for one request, as 3CX's call-log function accepts them. The filter, sort
 * keys and field lists are trees and names, written out here by src/odata's serializer: no text a
 * user typed reaches the URL as typed (`search` is a value of its own, encoded as one).
 */
export interface ODataRequestOptions {
  top?: number;
  skip?: number;
  count?: boolean;
  filter?: ODataExpression;
  search?: string;
  select?: readonly string[];
  orderby?: readonly ODataOrderItem[];
  expand?: readonly string[];
}

export const CALL_LOG_FUNCTION_PATH = '/xapi/v1/ReportCallLogData/Pbx.GetCallLogData';

/**
 * The path and query of one `Pbx.GetCallLogData` request for the half-open window `[from, to)`.
 * 3CX's bounds are inclusive, so `periodTo` is `to` minus 1 ms. All 11 arguments are required and
 * must come in this order (a missing or reordered one answers 404).
 *
 * Encoding: each argument's VALUE (and each OData option's value) goes through
 * `encodeURIComponent`, as 3CX's web console does: `:` becomes `%3A`, `+` `%2B`, a space `%20`,
 * while `'` stays literal (strings are single-quoted with `'` doubled: `'O''Brien'`). The
 * `(`, `)`, `,` and `=` of the function-call syntax and the `$` of option names stay literal.
 */
export function buildCallLogPath(
  query: { from: Date; to: Date; callLog: CallLogParameters },
  odata: ODataRequestOptions,
): string {
  const p = query.callLog;
  const args: Array<[string, string]> = [
    ['periodFrom', toDateTimeLiteral(query.from.getTime())],
    ['periodTo', toDateTimeLiteral(query.to.getTime() - 1)],
    ['sourceType', toIntegerLiteral(p.sourceType, 'sourceType')],
    ['sourceFilter', toStringLiteral(p.sourceFilter)],
    ['destinationType', toIntegerLiteral(p.destinationType, 'destinationType')],
    ['destinationFilter', toStringLiteral(p.destinationFilter)],
    ['callsType', toIntegerLiteral(p.callsType, 'callsType')],
    ['callTimeFilterType', toIntegerLiteral(p.callTimeFilterType, 'callTimeFilterType')],
    ['callTimeFilterFrom', toStringLiteral(p.callTimeFilterFrom)],
    ['callTimeFilterTo', toStringLiteral(p.callTimeFilterTo)],
    ['hidePcalls', p.hidePcalls ? 'true' : 'false'],
  ];
  const call = args.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join(',');
  const search = buildODataQuery(odata);
  return `${CALL_LOG_FUNCTION_PATH}(${call})${search === '' ? '' : `?${search}`}`;
}

/** `$top=..&$skip=..` in a fixed order; each value serialized, then `encodeURIComponent`-ed. */
export function buildODataQuery(odata: ODataRequestOptions): string {
  const options: Array<[string, string | undefined]> = [
    ['$top', odata.top === undefined ? undefined : String(odata.top)],
    ['$skip', odata.skip === undefined ? undefined : String(odata.skip)],
    ['$search', odata.search],
    ['$filter', odata.filter && serializeODataFilter(odata.filter)],
    ['$count', odata.count === undefined ? undefined : String(odata.count)],
    ['$select', nonEmpty(odata.select) ? serializeODataFieldList(odata.select) : undefined],
    ['$orderby', nonEmpty(odata.orderby) ? serializeODataOrderBy(odata.orderby) : undefined],
    ['$expand', nonEmpty(odata.expand) ? serializeODataFieldList(odata.expand) : undefined],
  ];
  return options
    .filter((option): option is [string, string] => option[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
}

function nonEmpty<T>(list: readonly T[] | undefined): list is readonly T[] {
  return list !== undefined && list.length > 0;
}

/** A bare UTC date-time literal with milliseconds, e.g. `2026-11-15T23:00:00.000Z`. */
function toDateTimeLiteral(epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new RangeError('The call-log period has an invalid date');
  return new Date(epochMs).toISOString();
}

function toStringLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function toIntegerLiteral(value: number, name: string): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer, got ${value}`);
  return String(value);
}
