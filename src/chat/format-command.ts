import { DateTime } from 'luxon';
import type { ComparisonRequest, RankingRequest } from '../core/answers';
import { callLogOptionWords, quoteOptionValue as quote } from '../core/call-log-option-words';
import type { ReportFilters, ReportRequest } from '../core/report-request';
import type { TimeWindow } from '../core/time-window';
import {
  serializeODataFieldList,
  serializeODataFilter,
  serializeODataOrderBy,
} from '../odata/serialize-odata';

/**
 * Writes a request back as command words with the window as exact instants, so that parsing the
 * text again (a button click, a digest) gives the same request whoever's zone reads it. Every
 * round-2 field is written too: `top extensions by missed 5`, `busiest hours 10`, `longest calls
 * 10`, `by week`, `by extension`, and a comparison as `compare from=A to=B with from=C to=D`
 * (periods; `window` is then not used: the sides' own windows are written) or `from=… to=…
 * compare ext 101 with ext 102` (extensions or queues).
 */
export function formatCommand(request: ReportRequest, window = request.window): string {
  const { filters, odata, comparison } = request;
  const words: string[] = [request.view];
  if (comparison?.by === 'period') {
    const [first, second] = comparison.sides;
    words.push('compare', windowWords(first!.window), 'with', windowWords(second!.window));
  } else {
    words.push(windowWords(window));
    if (comparison) words.push(...comparedWords(comparison));
  }
  words.push(...filterWords(filters, comparison));
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
  if (request.ranking) words.push(rankingWords(request.ranking));
  if (request.trend) words.push(`by ${request.trend.by}`);
  if (request.tableFirst) words.push(request.tableFirst === 'queues' ? 'by queue' : 'by extension');
  return words.join(' ');
}

function windowWords(window: TimeWindow): string {
  return `from=${toIso(window.from, window.timeZone)} to=${toIso(window.to, window.timeZone)}`;
}

/** `compare ext 101 with ext 102`, `compare queue 800 with queue 801`. */
function comparedWords(comparison: ComparisonRequest): string[] {
  const [first, second] = comparison.sides;
  const side = (filters: ReportFilters) =>
    comparison.by === 'queue' ? `queue ${filters.queues.join(',')}` : `ext ${filters.extensions.join(',')}`;
  return ['compare', side(first!.filters), 'with', side(second!.filters)];
}

/** The filters, but not the ones a comparison of extensions or queues writes on its sides. */
function filterWords(filters: ReportFilters, comparison: ComparisonRequest | undefined): string[] {
  const words: string[] = [];
  if (filters.extensions.length > 0 && comparison?.by !== 'extension')
    words.push(`ext ${filters.extensions.join(',')}`);
  if (filters.queues.length > 0 && comparison?.by !== 'queue')
    words.push(`queue ${filters.queues.join(',')}`);
  for (const number of filters.numbers) words.push(`number ${number}`);
  words.push(...filters.directions);
  if (filters.status) words.push(filters.status);
  return words;
}

/** `top extensions by missed 5`, `busiest hours by calls 10`, `longest calls by talk 10`. */
function rankingWords(ranking: RankingRequest): string {
  const { of, by, size } = ranking;
  if (of === 'hours' || of === 'days') return `busiest ${of} by ${by} ${size}`;
  if (of === 'calls') return `longest calls by ${by} ${size}`;
  return `top ${of} by ${by} ${size}`;
}

/** In the zone's local time with its offset; in UTC where the offset has seconds (local mean time of long ago). */
function toIso(instant: Date, timeZone: string): string {
  const zoned = DateTime.fromJSDate(instant, { zone: timeZone });
  const exact = Number.isInteger(zoned.offset) ? zoned : zoned.toUTC();
  return exact.toISO({ includeOffset: true, suppressMilliseconds: false }) ?? instant.toISOString();
}
