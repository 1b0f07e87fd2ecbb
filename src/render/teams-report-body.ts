import type { ReportReply } from '../core/reply';
import type { CardElement, VerticalBarChart } from './adaptive-card';
import { type CallLine, describeListedCall, describeMissedCall, shortName } from './describe-call';
import { describeMore } from './describe-more';
import { escapeTeamsMarkdown } from './escape-teams-markdown';
import { formatCount } from './format-number';
import { drawHourBars, listBusyHours } from './list-busy-hours';
import { listKeyFigures } from './list-key-figures';
import { describeEmptyReport, orderSections, type ReportSection } from './order-sections';
import { type StatsTable, tabulateExtensions, tabulateQueues } from './tabulate-stats';
import { sectionTitle, textBlock } from './teams-elements';
import { figureList } from './teams-figure-list';

/** How many entries the card shows: rows of the extension/queue tables, and of the long list. */
export interface TeamsListLimits {
  tableRows: number;
  longListItems: number;
}

const HOUR_BAR_CHARS = 20;

/** The report's sections as card elements, in the reply's order, lists cut to `limits`. */
export function buildTeamsReportBody(reply: ReportReply, limits: TeamsListLimits): CardElement[] {
  return orderSections(reply).flatMap((section) => buildSection(reply, section, limits));
}

function buildSection(reply: ReportReply, section: ReportSection, limits: TeamsListLimits): CardElement[] {
  const { report } = reply;
  switch (section) {
    case 'empty':
      return [textBlock(describeEmptyReport(reply))];
    case 'figures':
      return [
        {
          type: 'FactSet',
          facts: listKeyFigures(report.totals).map(({ label, value }) => ({ title: label, value })),
        },
      ];
    case 'extensions': {
      const shown = tabulateExtensions(report.byExtension.slice(0, limits.tableRows), toCellName);
      return tableSection(reply, 'Busiest extensions', shown, report.byExtension.length);
    }
    case 'queues': {
      const shown = tabulateQueues(report.byQueue.slice(0, limits.tableRows), toCellName);
      return tableSection(reply, 'Queues', shown, report.byQueue.length);
    }
    case 'hours':
      return [buildHourChart(report.byHour)];
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
  }
}

/**
 * A titled table of the rows shown, as a figure list: each row's number and name (the table's
 * text columns) on a line, its figures (the numeric columns) under their headers; then
 * "…and N more" when rows were left out.
 */
function tableSection(
  reply: ReportReply,
  title: string,
  shown: StatsTable,
  totalCount: number,
): CardElement[] {
  const pick = (cells: string[], numeric: boolean) =>
    cells.filter((_, index) => shown.columns[index]?.numeric === numeric);
  const headers = pick(
    shown.columns.map((column) => column.header),
    true,
  );
  const entries = shown.rows.map((cells) => ({
    label: pick(cells, false).join(' '),
    figures: pick(cells, true),
  }));
  return [
    sectionTitle(title),
    ...figureList(headers, entries),
    ...describeHidden(reply, shown.rows.length, totalCount),
  ];
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
    ...describeHidden(reply, shown.length, calls.length),
  ];
}

/** The subtle "…and N more" line under a cut list; nothing when all is shown. */
function describeHidden(reply: ReportReply, shownCount: number, totalCount: number): CardElement[] {
  return totalCount > shownCount
    ? [textBlock(describeMore(totalCount - shownCount, reply.actions), { isSubtle: true, spacing: 'Small' })]
    : [];
}

/** A PBX name or number for a table cell: one line, cut, and never Markdown. */
function toCellName(text: string): string {
  return escapeTeamsMarkdown(shortName(text));
}

function factList(lines: CallLine[]): CardElement {
  return {
    type: 'FactSet',
    facts: lines.map((line) => ({ title: line.when, value: escapeTeamsMarkdown(line.summary) })),
  };
}

/** Teams' bar chart of the busy hours, falling back to monospaced text bars elsewhere. */
function buildHourChart(byHour: number[]): VerticalBarChart {
  const hours = listBusyHours(byHour);
  return {
    type: 'Chart.VerticalBar',
    title: 'Calls by hour',
    xAxisTitle: 'Hour',
    yAxisTitle: 'Calls',
    separator: true,
    spacing: 'Medium',
    data: hours.map((entry) => ({ x: entry.hour, y: entry.calls })),
    fallback: {
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        textBlock('Calls by hour', { weight: 'Bolder', size: 'Medium' }),
        ...drawHourBars(hours, HOUR_BAR_CHARS).map((line) =>
          textBlock(line, { fontType: 'Monospace', spacing: 'None', wrap: false }),
        ),
      ],
    },
  };
}
