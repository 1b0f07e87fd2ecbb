import type { ReportReply } from '../core/reply';
import { cleanText, truncateText } from './clean-text';
import {
  describeFocusFigures,
  describeFocusTitle,
  describeFocusWho,
  describeTotalsScope,
} from './describe-focus';
import { describePreviousPeriod } from './describe-previous-period';
import { drawChartBars } from './draw-bars';
import { formatStatsTable } from './format-stats-table';
import { formatTextTable } from './format-text-table';
import { listKeyFigures } from './list-key-figures';
import { findTrendChart } from './report-chart';
import { tabulateComparison } from './tabulate-comparison';
import { tabulateRanking } from './tabulate-ranking';
import { tabulateTrend } from './tabulate-trend';

const MAX_NAME_CHARS = 40;
const BAR_CHARS = 30;

const name = (text: string) => truncateText(cleanText(text), MAX_NAME_CHARS);

/** The named extensions' own figures: a title, then `Ben Okafor (ext 101): offered 29, …` each. */
export function renderFocusText(reply: ReportReply): string[] {
  const focus = reply.report.focus ?? [];
  return [
    describeFocusTitle(focus),
    ...focus.map((entry) => `${describeFocusWho(entry)}: ${describeFocusFigures(entry)}`),
  ];
}

/**
 * The key figures aligned, each with its change (▲/▼) in a third column when there is a previous
 * period; above them what the totals count under a filter, below them what the changes compare with.
 */
export function renderFiguresText(reply: ReportReply): string[] {
  const { report } = reply;
  const scope = describeTotalsScope(report);
  const previous = describePreviousPeriod(report);
  const figures = listKeyFigures(report.totals, report.previous?.totals);
  const table = formatTextTable(
    [{ header: '' }, { header: '' }, { header: '' }],
    figures.map((figure) => [figure.label, figure.value, figure.change ?? '']),
    { header: false },
  );
  return [...(scope ? [scope] : []), ...table, ...(previous ? [previous] : [])];
}

/** A comparison as an aligned table, the sides named in full in its title. */
export function renderComparisonText(reply: ReportReply): string[] {
  if (!reply.report.comparison) return [];
  const { title, table } = tabulateComparison(reply.report.comparison, name);
  return [title, ...formatStatsTable(table)];
}

/** A ranking as a numbered, aligned table. */
export function renderRankingText(reply: ReportReply): string[] {
  if (!reply.report.ranking) return [];
  const { title, table, emptyText } = tabulateRanking(reply.report.ranking, name);
  return table.rows.length === 0 ? [title, emptyText] : [title, ...formatStatsTable(table)];
}

/** A trend's table, then its chart as text bars. */
export function renderTrendText(reply: ReportReply): string[] {
  const { trend } = reply.report;
  if (!trend) return [];
  const { title, table } = tabulateTrend(trend);
  const chart = findTrendChart(reply);
  const bars = chart ? ['', cleanText(chart.title), ...drawChartBars(chart, BAR_CHARS)] : [];
  return [title, ...formatStatsTable(table), ...bars];
}
