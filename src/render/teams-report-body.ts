import type { ReportReply } from '../core/reply';
import type { CardElement } from './adaptive-card';
import { type CallLine, describeListedCall, describeMissedCall } from './describe-call';
import { describeExtensionsTitle, listOtherExtensions } from './describe-focus';
import { escapeTeamsMarkdown } from './escape-teams-markdown';
import { formatCount } from './format-number';
import { describeEmptyReport, orderSections, type ReportSection } from './order-sections';
import { findHourChart } from './report-chart';
import { tabulateExtensions, tabulateQueues } from './tabulate-stats';
import {
  teamsComparisonSection,
  teamsFiguresSection,
  teamsFocusSection,
  teamsRankingSection,
  teamsTrendSection,
} from './teams-answer-body';
import { buildTeamsChart } from './teams-chart';
import { sectionTitle, textBlock } from './teams-elements';
import { describeHidden, tableSection, toCellName } from './teams-table-section';
import { teamsUnreturnedSection } from './teams-unreturned-section';

/** How many entries the card shows: rows of the extension/queue tables, and of the long list. */
export interface TeamsListLimits {
  tableRows: number;
  longListItems: number;
}

/** The report's sections as card elements, in the reply's order, lists cut to `limits`. */
export function buildTeamsReportBody(reply: ReportReply, limits: TeamsListLimits): CardElement[] {
  return orderSections(reply).flatMap((section) => buildSection(reply, section, limits));
}

/**
 * How many entries the reply's long list has (the one cut to fit a card): a ranking's rows, a
 * trend's buckets, the calls of the `list` view, the `unreturned` list, else the missed calls.
 */
export function countLongList(reply: ReportReply): number {
  const { report } = reply;
  if (report.comparison) return 0;
  if (report.ranking) return report.ranking.rows.length;
  if (report.trend) return report.trend.buckets.length;
  if (reply.view === 'unreturned') return (report.unreturned ?? []).length;
  return reply.view === 'list' ? (report.calls ?? []).length : report.missedCalls.length;
}

function buildSection(reply: ReportReply, section: ReportSection, limits: TeamsListLimits): CardElement[] {
  const { report } = reply;
  switch (section) {
    case 'empty':
      return [textBlock(describeEmptyReport(reply))];
    case 'comparison':
      return teamsComparisonSection(reply);
    case 'ranking':
      return teamsRankingSection(reply, limits.longListItems);
    case 'trend':
      return teamsTrendSection(reply, limits.longListItems);
    case 'focus':
      return teamsFocusSection(reply);
    case 'figures':
      return teamsFiguresSection(reply);
    case 'extensions': {
      const rows = listOtherExtensions(report);
      const shown = tabulateExtensions(rows.slice(0, limits.tableRows), toCellName);
      return tableSection(reply.actions, describeExtensionsTitle(report), shown, rows.length);
    }
    case 'queues': {
      const shown = tabulateQueues(report.byQueue.slice(0, limits.tableRows), toCellName);
      return tableSection(reply.actions, 'Queues', shown, report.byQueue.length);
    }
    case 'hours': {
      const chart = findHourChart(reply);
      return chart ? [buildTeamsChart(chart, { x: 'Hour', y: 'Calls' })] : [];
    }
    case 'missed':
      return longListSection(reply, limits, {
        title: 'Missed calls',
        emptyText: 'No missed calls.',
        calls: report.missedCalls,
        describe: describeMissedCall,
      });
    case 'calls':
      return longListSection(reply, limits, {
        title: 'Calls',
        emptyText: 'No calls to list.',
        calls: report.calls ?? [],
        describe: describeListedCall,
      });
    case 'unreturned':
      return teamsUnreturnedSection(reply, limits.longListItems);
  }
}

/** A titled list of calls as facts (time, then the escaped line), cut to `limits.longListItems`. */
function longListSection<Call>(
  reply: ReportReply,
  limits: TeamsListLimits,
  list: { title: string; emptyText: string; calls: Call[]; describe: (call: Call) => CallLine },
): CardElement[] {
  const { calls } = list;
  if (calls.length === 0) return [sectionTitle(list.title), textBlock(list.emptyText)];
  const shown = calls.slice(0, limits.longListItems).map(list.describe);
  return [
    sectionTitle(`${list.title} (${formatCount(calls.length)})`),
    ...(shown.length > 0 ? [factList(shown)] : []),
    ...describeHidden(reply.actions, shown.length, calls.length),
  ];
}

function factList(lines: CallLine[]): CardElement {
  return {
    type: 'FactSet',
    facts: lines.map((line) => ({ title: line.when, value: escapeTeamsMarkdown(line.summary) })),
  };
}
