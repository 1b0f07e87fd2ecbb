import { DateTime } from 'luxon';
import { callLogOptionWords, quoteOptionValue as quote } from '../core/call-log-option-words';
import type { ReportRequest } from '../core/report-request';
import {
  serializeODataFieldList,
  serializeODataFilter,
  serializeODataOrderBy,
} from '../odata/serialize-odata';

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
  words.push(...callLogOptionWords(request.callLog));
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
