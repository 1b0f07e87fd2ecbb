import type { CallLogArguments } from './call-log-arguments';
import { parseCallLogArguments, readTimeOfDayMs, START_TIME_OF_DAY_FILTER } from './call-log-arguments';
import type { CallLogStore, RowFilter, RowQuery } from './call-log-store';
import type { DemoCall, DemoRow } from './demo-call';
import { type DemoResponse, jsonBufferResponse, odataErrorResponse } from './demo-response';
import { createTimeOfDayReader } from './local-days';
import { type ODataQueryOptions, parseODataQueryOptions } from './odata-query-options';
import { CALL_LOG_SCHEMA, CALL_LOG_SEARCH_FIELDS } from './odata-schemas';

const FUNCTION_PATH = /^\/xapi\/v1\/ReportCallLogData\/Pbx\.GetCallLogData\((.*)\)$/;

/** Settings of the running server that shape call-log answers. */
export interface CallLogServing {
  store: CallLogStore;
  baseUrl: string;
  /** Serve at most this many rows per page, whatever `$top` says. */
  pageCap: number | undefined;
  /** Order without `$orderby`: newest first (as V20 is reported to), or oldest first. */
  newestFirst: boolean;
  /** The report's row cap (see `RowQuery.rowCap`); undefined: none. */
  rowCap: number | undefined;
}

/**
 * What shapes a query besides the request: the server's order, row cap and page cap, and the
 * store (whose zone the time-of-day filter reads).
 */
export type RowQuerySettings = Pick<CallLogServing, 'store' | 'pageCap' | 'newestFirst' | 'rowCap'>;

/**
 * `callTimeFilterType=1` as the demo reads it (3CX does not document its codes): the call's start
 * time of day in the company's zone lies in [from, to) of the two times; when from is after to,
 * the range runs past midnight (`22:00:00`..`6:00:00`); equal times keep every call. Undefined
 * when it filters nothing (another code, or equal times).
 */
export function startTimeOfDayRange(args: CallLogArguments): { fromMs: number; toMs: number } | undefined {
  if (args.callTimeFilterType !== START_TIME_OF_DAY_FILTER) return undefined;
  const fromMs = readTimeOfDayMs(args.callTimeFilterFrom);
  const toMs = readTimeOfDayMs(args.callTimeFilterTo);
  if (fromMs === undefined || toMs === undefined || fromMs === toMs) return undefined;
  return { fromMs, toMs };
}

/**
 * The report's own parameters, applied per call (3CX filters whole calls): source/destination
 * filters are substring matches on any leg's DN or caller id; callsType 1 = answered calls,
 * 2 = unanswered calls; callTimeFilterType 1 = `startTimeOfDayRange`; source/destination types
 * and other call-time filter codes are accepted and ignored.
 */
function matchesCallArguments(args: CallLogArguments, timeZone: string): (call: DemoCall) => boolean {
  const source = args.sourceFilter;
  const destination = args.destinationFilter;
  const range = startTimeOfDayRange(args);
  const timeOfDay = range === undefined ? undefined : createTimeOfDayReader(timeZone);
  const wraps = range !== undefined && range.fromMs > range.toMs;
  return (call) => {
    if (args.callsType === 1 && !call.answered) return false;
    if (args.callsType === 2 && call.answered) return false;
    if (range !== undefined) {
      const ms = timeOfDay!(call.startMs);
      const inside = wraps ? ms >= range.fromMs || ms < range.toMs : ms >= range.fromMs && ms < range.toMs;
      if (!inside) return false;
    }
    if (source !== '' && !anyLegHas(call, 'SourceDn', 'SourceCallerId', source)) return false;
    if (destination !== '' && !anyLegHas(call, 'DestinationDn', 'DestinationCallerId', destination))
      return false;
    return true;
  };
}

function anyLegHas(call: DemoCall, dnField: string, idField: string, text: string): boolean {
  for (const leg of call.rows) {
    if (String(leg.row[dnField]).includes(text) || String(leg.row[idField]).includes(text)) return true;
  }
  return false;
}

function matchesRowOptions(args: CallLogArguments, options: ODataQueryOptions): (row: DemoRow) => boolean {
  const { filter, search } = options;
  return (demoRow) => {
    if (args.hidePcalls && demoRow.isParkLeg) return false;
    if (filter && !filter(demoRow.row)) return false;
    if (search !== undefined) {
      const found = CALL_LOG_SEARCH_FIELDS.some((field) => {
        const value = demoRow.row[field];
        return typeof value === 'string' && value.toLowerCase().includes(search);
      });
      if (!found) return false;
    }
    return true;
  };
}

/**
 * The filter of the store query: the compact "park legs" form when nothing else filters rows;
 * else per-call and per-row predicates whose matches are cached per day like any other filter's.
 */
function toRowFilter(args: CallLogArguments, options: ODataQueryOptions, timeZone: string): RowFilter {
  const range = startTimeOfDayRange(args);
  const perCall =
    args.sourceFilter !== '' ||
    args.destinationFilter !== '' ||
    args.callsType === 1 ||
    args.callsType === 2 ||
    range !== undefined;
  if (!perCall && options.filter === undefined && options.search === undefined) {
    return { kind: 'parkLegs', hideParkLegs: args.hidePcalls };
  }
  return {
    kind: 'predicates',
    matchesCall: matchesCallArguments(args, timeZone),
    matchesRow: matchesRowOptions(args, options),
    cacheKey: JSON.stringify([
      args.sourceFilter,
      args.destinationFilter,
      args.callsType,
      args.hidePcalls,
      options.filterText ?? null,
      options.search ?? null,
      range === undefined ? null : [range.fromMs, range.toMs, timeZone],
    ]),
  };
}

/** Builds the store query for parsed arguments and options (also used by `rowsBetween`). */
export function toRowQuery(
  args: CallLogArguments,
  options: ODataQueryOptions,
  settings: RowQuerySettings,
): RowQuery {
  const { store, pageCap, newestFirst, rowCap } = settings;
  const top = pageCap === undefined ? options.top : Math.min(options.top ?? pageCap, pageCap);
  return {
    fromMs: args.periodFromMs,
    toMs: args.periodToMs,
    filter: toRowFilter(args, options, store.timeZone),
    descending: options.orderBy?.descending ?? newestFirst,
    ...(rowCap === undefined ? {} : { rowCap: { maxRows: rowCap, newestFirst } }),
    skip: options.skip,
    ...(top === undefined ? {} : { top }),
  };
}

/** `GET /xapi/v1/ReportCallLogData/Pbx.GetCallLogData(...)`, raw path and query as received. */
export function handleCallLogRequest(
  rawPath: string,
  rawQuery: string,
  serving: CallLogServing,
): DemoResponse {
  const call = FUNCTION_PATH.exec(rawPath);
  if (!call)
    return odataErrorResponse(404, `No HTTP resource was found that matches the request URI '${rawPath}'.`);
  const args = parseCallLogArguments(call[1]!);
  if (!args.ok) return odataErrorResponse(args.status, args.message);
  const options = parseODataQueryOptions(rawQuery, {
    schema: CALL_LOG_SCHEMA,
    entityName: 'Pbx.CallLogData',
    orderableFields: ['StartTime'],
  });
  if (!options.ok) return odataErrorResponse(400, options.message);
  const query = toRowQuery(args.value, options.value, serving);
  const context = `${serving.baseUrl}/xapi/v1/$metadata#ReportCallLogData`;
  // The bytes JSON.stringify would give for `{ '@odata.context', '@odata.count'?, value }` with
  // the rows (projected with `projectRow` under `$select`), from each row's cached JSON.
  const withCount = options.value.count;
  const page = serving.store.queryRowsJson(
    query,
    (count) => ({
      head: `{"@odata.context":${JSON.stringify(context)},${withCount ? `"@odata.count":${JSON.stringify(count)},` : ''}"value":[`,
      tail: ']}',
    }),
    options.value.select,
  );
  return jsonBufferResponse(200, page.body);
}
