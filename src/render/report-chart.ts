import type { ChartData, ReportReply } from '../core/reply';
import { formatBucket } from './format-local-date';
import { listBusyHours } from './list-busy-hours';

/**
 * The chart of a summary's calls by hour: the reply's own chart (the one it carries when it has
 * no trend), else one made of `byHour`; either way from the first to the last hour with calls.
 * Null when there is nothing to draw.
 */
export function findHourChart(reply: ReportReply): ChartData | null {
  if (reply.chart && !reply.report.trend) return trimQuietEnds(reply.chart);
  const hours = listBusyHours(reply.report.byHour);
  if (hours.length === 0) return null;
  return {
    kind: 'bar',
    title: 'Calls by hour',
    labels: hours.map((entry) => entry.hour),
    series: [{ name: 'Calls', values: hours.map((entry) => entry.calls) }],
  };
}

/** The chart of a trend: the reply's own, else calls, answered and missed per bucket as lines. */
export function findTrendChart(reply: ReportReply): ChartData | null {
  const { trend } = reply.report;
  if (!trend) return null;
  if (reply.chart) return reply.chart;
  const { buckets } = trend;
  return {
    kind: 'line',
    title: `Calls by ${trend.by}`,
    labels: buckets.map((bucket) => formatBucket(bucket.from, trend.by)),
    series: [
      { name: 'Calls', values: buckets.map((bucket) => bucket.calls) },
      { name: 'Answered', values: buckets.map((bucket) => bucket.answered) },
      { name: 'Missed', values: buckets.map((bucket) => bucket.missed) },
    ],
  };
}

/** The chart from its first to its last label with any value; null when all are 0. */
function trimQuietEnds(chart: ChartData): ChartData | null {
  const busy = chart.labels.map((_, index) => chart.series.some((series) => (series.values[index] ?? 0) > 0));
  const first = busy.indexOf(true);
  if (first < 0) return null;
  const last = busy.lastIndexOf(true);
  return {
    ...chart,
    labels: chart.labels.slice(first, last + 1),
    series: chart.series.map((series) => ({ ...series, values: series.values.slice(first, last + 1) })),
  };
}
