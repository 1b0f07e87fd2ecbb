import type { ReportReply } from '../core/reply';
import type { CardElement } from './adaptive-card';
import { cleanText } from './clean-text';
import {
  describeFocusFigures,
  describeFocusTitle,
  describeFocusWho,
  describeTotalsScope,
} from './describe-focus';
import { describePreviousPeriod } from './describe-previous-period';
import { escapeTeamsMarkdown } from './escape-teams-markdown';
import { figureWithChange, listKeyFigures } from './list-key-figures';
import { findTrendChart } from './report-chart';
import { tabulateComparison } from './tabulate-comparison';
import { tabulateRanking } from './tabulate-ranking';
import { tabulateTrend } from './tabulate-trend';
import { buildTeamsChart } from './teams-chart';
import { sectionTitle, textBlock } from './teams-elements';
import { figureList } from './teams-figure-list';
import { describeHidden, tableSection, toCellName } from './teams-table-section';

const TREND_AXES = { day: 'Day', week: 'Week', month: 'Month' } as const;

/** The named extensions' own figures: a title, then `**Ben Okafor (ext 101)**: offered 29, …` each. */
export function teamsFocusSection(reply: ReportReply): CardElement[] {
  const focus = reply.report.focus ?? [];
  return [
    sectionTitle(escapeTeamsMarkdown(describeFocusTitle(focus))),
    ...focus.map((entry) =>
      textBlock(`**${escapeTeamsMarkdown(describeFocusWho(entry))}**: ${describeFocusFigures(entry)}`, {
        spacing: 'Small',
      }),
    ),
  ];
}

/**
 * The key figures as facts, each with its change (▲/▼) when there is a previous period; above
 * them what the totals count under a filter, below them (subtle) what the changes compare with.
 */
export function teamsFiguresSection(reply: ReportReply): CardElement[] {
  const { report } = reply;
  const scope = describeTotalsScope(report);
  const previous = describePreviousPeriod(report);
  const facts = listKeyFigures(report.totals, report.previous?.totals).map((figure) => ({
    title: figure.label,
    value: figureWithChange(figure),
  }));
  return [
    ...(scope ? [textBlock(escapeTeamsMarkdown(scope), { weight: 'Bolder', separator: true })] : []),
    { type: 'FactSet', facts },
    ...(previous ? [textBlock(escapeTeamsMarkdown(previous), { isSubtle: true, spacing: 'Small' })] : []),
  ];
}

/** A comparison side by side: a row per figure, a column per side, then the change. */
export function teamsComparisonSection(reply: ReportReply): CardElement[] {
  if (!reply.report.comparison) return [];
  const { title, table } = tabulateComparison(reply.report.comparison, (label) =>
    escapeTeamsMarkdown(cleanText(label)),
  );
  const headers = table.columns.slice(1).map((column) => column.header);
  const entries = table.rows.map(([label = '', ...figures]) => ({ label, figures }));
  return [sectionTitle(escapeTeamsMarkdown(title)), ...figureList(headers, entries)];
}

/** A ranking as a numbered figure list, cut to `maxRows`. */
export function teamsRankingSection(reply: ReportReply, maxRows: number): CardElement[] {
  const { ranking } = reply.report;
  if (!ranking) return [];
  const { title, table, emptyText } = tabulateRanking(ranking, toCellName);
  if (table.rows.length === 0) return [sectionTitle(escapeTeamsMarkdown(title)), textBlock(emptyText)];
  const shown = { ...table, rows: table.rows.slice(0, maxRows) };
  return tableSection(reply.actions, escapeTeamsMarkdown(title), shown, table.rows.length);
}

/** A trend's buckets as facts (`week of 2 Nov`: `Calls 41 · Answered 38 · …`), cut to `maxRows`, then its chart. */
export function teamsTrendSection(reply: ReportReply, maxRows: number): CardElement[] {
  const { trend } = reply.report;
  const chart = findTrendChart(reply);
  if (!trend || !chart) return [];
  const { title, table } = tabulateTrend(trend);
  const headers = table.columns.map((column) => column.header);
  const facts = table.rows.slice(0, maxRows).map(([label = '', ...cells]) => ({
    title: label,
    value: cells.map((cell, index) => `${headers[index + 1]} ${cell}`).join(' · '),
  }));
  return [
    sectionTitle(title),
    ...(facts.length > 0 ? [{ type: 'FactSet' as const, facts }] : []),
    ...describeHidden(reply.actions, facts.length, table.rows.length),
    buildTeamsChart(chart, { x: TREND_AXES[trend.by], y: 'Calls' }),
  ];
}
