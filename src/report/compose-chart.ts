import { DateTime } from 'luxon';
import type { Trend, TrendUnit } from '../core/answers';
import type { ChartData } from '../core/reply';
import type { Report } from '../core/report';

const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'));

/**
 * The reply's chart as data: a trend's buckets as lines (calls, answered, missed), else the calls
 * by hour of a summary as bars. None for a ranking or a comparison (their tables are the answer),
 * nor for a report without calls.
 */
export function composeChart(report: Report): ChartData | undefined {
  if (report.trend) return trendChart(report.trend, report.window.timeZone);
  if (report.ranking || report.comparison || report.totals.calls === 0) return undefined;
  return {
    kind: 'bar',
    title: `Calls by hour (${report.window.timeZone})`,
    labels: HOURS,
    series: [{ name: 'Calls', values: [...report.byHour] }],
  };
}

function trendChart(trend: Trend, timeZone: string): ChartData {
  const { buckets } = trend;
  return {
    kind: 'line',
    title: `Calls by ${trend.by} (${timeZone})`,
    labels: buckets.map((bucket) => labelBucketStart(bucket.from, trend.by, timeZone)),
    series: [
      { name: 'Calls', values: buckets.map((bucket) => bucket.calls) },
      { name: 'Answered', values: buckets.map((bucket) => bucket.answered) },
      { name: 'Missed', values: buckets.map((bucket) => bucket.missed) },
    ],
  };
}

/** A bucket's start, short: `2 Nov` for days and weeks, `Nov 2026` for months. */
export function labelBucketStart(iso: string, by: TrendUnit, timeZone: string): string {
  const start = DateTime.fromISO(iso, { zone: timeZone });
  return by === 'month' ? start.toFormat('LLL yyyy') : start.toFormat('d LLL');
}
