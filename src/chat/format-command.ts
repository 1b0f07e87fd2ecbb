import { DateTime } from 'luxon';
import {
  type CallLogParameters,
  DEFAULT_CALL_LOG_PARAMETERS,
  type ReportRequest,
} from '../core/report-request';
import {
  serializeODataFieldList,
  serializeODataFilter,
  serializeODataOrderBy,
} from '../odata/serialize-odata';

/** The 3CX report parameters as the command language names them. */
const CALL_LOG_WORDS: Record<keyof CallLogParameters, string> = {
  sourceType: 'source-type',
  sourceFilter: 'source',
  destinationType: 'dest-type',
  destinationFilter: 'dest',
  callsType: 'calls-type',
  callTimeFilterType: 'time-filter',
  callTimeFilterFrom: 'time-from',
  callTimeFilterTo: 'time-to',
  hidePcalls: 'pcalls',
};

/**
 * Writes a request back as command words with the window as exact instants, so that parsing the
 * text again (a button click, a digest) gives the same request whoever's zone reads it.
 */
export function formatCommand(request: ReportRequest, window = request.window): string {
  const { filters, odata } = request;
  const words: string[] = [request.view];
  words.push(`from=${toIso(window.from, window.timeZone)}`, `to=${toIso(window.to, window.timeZone)}`);
  if (filters.extensions.length > 0) words.push(`ext ${filters.extensions.join(',')}`);
  if (filters.queues.length > 0) words.push(`queue ${filters.queues.join(',')}`);
  for (const number of filters.numbers) words.push(`number ${number}`);
  words.push(...filters.directions);
  if (filters.status) words.push(filters.status);
  if (request.me) words.push('me');
  for (const key of Object.keys(CALL_LOG_WORDS) as (keyof CallLogParameters)[]) {
    const value = request.callLog[key];
    if (value === DEFAULT_CALL_LOG_PARAMETERS[key]) continue;
    const text = key === 'hidePcalls' ? (value ? 'hide' : 'show') : String(value);
    words.push(`${CALL_LOG_WORDS[key]}=${quote(text)}`);
  }
  if (odata.top !== undefined) words.push(`top=${odata.top}`);
  if (odata.skip !== undefined) words.push(`skip=${odata.skip}`);
  if (odata.search !== undefined) words.push(`search=${quote(odata.search)}`);
  if (odata.filter !== undefined) words.push(`filter=${quote(serializeODataFilter(odata.filter))}`);
  if (odata.count) words.push('count');
  if (odata.select !== undefined) words.push(`select=${serializeODataFieldList(odata.select)}`);
  if (odata.orderby !== undefined) words.push(`orderby=${quote(serializeODataOrderBy(odata.orderby))}`);
  if (odata.expand !== undefined) words.push(`expand=${serializeODataFieldList(odata.expand)}`);
  return words.join(' ');
}

function toIso(instant: Date, timeZone: string): string {
  return (
    DateTime.fromJSDate(instant, { zone: timeZone }).toISO({
      includeOffset: true,
      suppressMilliseconds: false,
    }) ?? instant.toISOString()
  );
}

function quote(text: string): string {
  if (text !== '' && !/[\s"']/.test(text)) return text;
  return text.includes('"') ? `'${text}'` : `"${text}"`;
}
