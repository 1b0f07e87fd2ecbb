import type { ComparisonSide, RankingRequest } from '../core/answers';
import type { ReportRequest } from '../core/report-request';

/**
 * What a request will compute beyond the summary, for `explain`: "a ranking: top 10 extensions by
 * missed", "a trend by week: 13 buckets (weeks start on Monday)", "a comparison of two periods,
 * side by side", "a summary with the extension table first", for `unreturned` what its list holds;
 * undefined for a plain view.
 * `buckets` is the trend's count of buckets.
 */
export function describeAnswer(request: ReportRequest, buckets?: number): string | undefined {
  const { ranking, trend, comparison, tableFirst } = request;
  if (ranking) return `a ranking: ${describeRanking(ranking)}`;
  if (trend) {
    const count = buckets === undefined ? '' : `: ${buckets} ${buckets === 1 ? 'bucket' : 'buckets'}`;
    const weeks =
      trend.by === 'week' ? ` (weeks start on ${trend.weekStart === 'sunday' ? 'Sunday' : 'Monday'})` : '';
    return `a trend by ${trend.by}${count}${weeks}`;
  }
  if (comparison?.by === 'period') return 'a comparison of two periods, side by side';
  if (comparison) {
    const [first, second] = comparison.sides.map((side) => describeSide(side, comparison.by));
    const what = comparison.by === 'queue' ? 'two queues' : 'two extension sets';
    return `a comparison of ${what}, side by side: ${first} with ${second}`;
  }
  if (tableFirst) return `a summary with the ${tableFirst === 'queues' ? 'queue' : 'extension'} table first`;
  if (request.view === 'unreturned') return UNRETURNED_COMPUTES;
  return undefined;
}

/** What `unreturned` computes, for `explain`. */
export const UNRETURNED_COMPUTES =
  'the missed calls of the period, each with its call-back state (open, tried, returned, anonymous): returns are looked for among all later calls with the number, up to now';

function describeRanking({ of, by, size }: RankingRequest): string {
  if (of === 'hours' || of === 'days') return `the ${size} busiest ${of} by ${by}`;
  if (of === 'calls') return `the ${size} longest calls by talk time`;
  return `top ${size} ${of} by ${by}`;
}

function describeSide(side: ComparisonSide | undefined, by: 'extension' | 'queue' | 'period'): string {
  const values = (by === 'queue' ? side?.filters.queues : side?.filters.extensions) ?? [];
  if (values.length === 0) return 'the people named (to be looked up)';
  return `${by === 'queue' ? 'queue' : 'ext'} ${values.join(',')}`;
}
