import type { ReportReply } from '../core/reply';
import type { Report } from '../core/report';
import { truncateText } from './clean-text';
import { shortName } from './describe-call';
import {
  describeFocusFigures,
  describeFocusTitle,
  describeFocusWho,
  describeTotalsScope,
} from './describe-focus';
import { describeMore } from './describe-more';
import { describePreviousPeriod } from './describe-previous-period';
import { escapeMrkdwn } from './escape-mrkdwn';
import { fitLines } from './fit-lines';
import { formatCount } from './format-number';
import { formatStatsTable } from './format-stats-table';
import { figureWithChange, listKeyFigures } from './list-key-figures';
import { findTrendChart } from './report-chart';
import { measureBlockText, type SectionBlock, SLACK_LIMITS, type SlackBlock } from './slack-blocks';
import { buildSlackChartBlocks, pictureOf, type SlackChartImage } from './slack-chart-block';
import { codeSections } from './slack-code-sections';
import { contextBlocks } from './slack-text-blocks';
import { tabulateComparison } from './tabulate-comparison';
import { tabulateRanking } from './tabulate-ranking';
import { tabulateTrend } from './tabulate-trend';

const FOCUS_MAX_CHARS = 2500;
const TABLE_CELL_CHARS = 28;
/** Of a trend's budget, at most this much goes to its text bars (the table carries every number). */
const TREND_BARS_SHARE = 0.4;

const cell = (text: string) => truncateText(shortName(text), TABLE_CELL_CHARS);
const more = (hidden: number) => `…and ${formatCount(hidden)} more`;

/** The named extensions' own figures: `*Ben Okafor's own calls*` and a line each. */
export function buildSlackFocusBlocks(report: Report): SlackBlock[] {
  const focus = report.focus ?? [];
  const title = `*${escapeMrkdwn(describeFocusTitle(focus))}*`;
  const lines = focus.map(
    (entry) => `• *${escapeMrkdwn(describeFocusWho(entry))}*: ${describeFocusFigures(entry)}`,
  );
  const fitted = fitLines(
    lines,
    { maxChars: FOCUS_MAX_CHARS - title.length - 1, maxItems: lines.length },
    more,
  );
  return [mrkdwnText([title, ...fitted].join('\n'))];
}

/**
 * The key figures as fields, with their change (▲/▼) when there is a previous period; above them
 * what the totals count when a filter narrows them ("69 calls reached ext 101 or were made by it …"), below them
 * which period the changes compare with.
 */
export function buildSlackFiguresBlocks(report: Report): SlackBlock[] {
  const scope = describeTotalsScope(report);
  const section: SectionBlock = {
    type: 'section',
    fields: listKeyFigures(report.totals, report.previous?.totals)
      .slice(0, SLACK_LIMITS.maxFields)
      .map((figure) => ({
        type: 'mrkdwn' as const,
        text: truncateText(`*${figure.label}*\n${figureWithChange(figure)}`, SLACK_LIMITS.maxFieldChars),
      })),
  };
  if (scope) section.text = { type: 'mrkdwn', text: escapeMrkdwn(scope) };
  return [section, ...contextBlocks([describePreviousPeriod(report) ?? ''])];
}

/** A comparison side by side as a monospaced table, the sides named in full above it. */
export function buildSlackComparisonBlocks(report: Report, budgetChars: number): SlackBlock[] {
  if (!report.comparison) return [];
  const { title, table } = tabulateComparison(report.comparison, cell);
  return codeSections(`*${escapeMrkdwn(title)}*`, formatStatsTable(table), budgetChars, more);
}

/** A ranking as a numbered monospaced table, cut to the budget with "…and N more". */
export function buildSlackRankingBlocks(reply: ReportReply, budgetChars: number): SlackBlock[] {
  const { ranking } = reply.report;
  if (!ranking) return [];
  const { title, table, emptyText } = tabulateRanking(ranking, cell);
  const heading = `*${escapeMrkdwn(title)}*`;
  if (table.rows.length === 0) return [mrkdwnText(`${heading}\n${emptyText}`)];
  return codeSections(heading, formatStatsTable(table), budgetChars, (hidden) =>
    describeMore(hidden, reply.actions),
  );
}

/** A trend's table, then its chart: the picture when there is one, else text bars. */
export function buildSlackTrendBlocks(
  reply: ReportReply,
  chartImage: SlackChartImage | undefined,
  budgetChars: number,
): SlackBlock[] {
  const { trend } = reply.report;
  const chart = findTrendChart(reply);
  if (!trend || !chart) return [];
  const chartBlocks = buildSlackChartBlocks(
    chart,
    pictureOf(reply, chartImage),
    Math.floor(budgetChars * TREND_BARS_SHARE),
  );
  const used = chartBlocks.reduce((sum, block) => sum + measureBlockText(block), 0);
  const { title, table } = tabulateTrend(trend);
  return [
    ...codeSections(`*${escapeMrkdwn(title)}*`, formatStatsTable(table), budgetChars - used, more),
    ...chartBlocks,
  ];
}

function mrkdwnText(text: string): SectionBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: truncateText(text, SLACK_LIMITS.maxSectionTextChars) },
  };
}
