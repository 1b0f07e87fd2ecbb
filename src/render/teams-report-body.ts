import type { ReportReply } from '../core/reply';
import type { CardElement, VerticalBarChart } from './adaptive-card';
import { describeListedCall, describeMissedCall, shortName } from './describe-call';
import { describeMore } from './describe-more';
import { formatDuration } from './format-duration';
import { formatCount } from './format-number';
import { drawHourBars, listBusyHours } from './list-busy-hours';
import { listKeyFigures } from './list-key-figures';
import { describeEmptyReport, orderSections, type ReportSection } from './order-sections';
import { cardTable, sectionTitle, textBlock } from './teams-elements';

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
  const more = (shown: number, total: number): CardElement[] =>
    total > shown
      ? [textBlock(describeMore(total - shown, reply.actions), { isSubtle: true, spacing: 'Small' })]
      : [];
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
      const rows = report.byExtension.slice(0, limits.tableRows);
      return [
        sectionTitle('Busiest extensions'),
        cardTable(
          [
            { header: 'Ext', width: 1 },
            { header: 'Name', width: 3 },
            { header: 'Calls', width: 1, align: 'Right' },
            { header: 'Answered', width: 1, align: 'Right' },
            { header: 'Missed', width: 1, align: 'Right' },
            { header: 'Outbound', width: 1, align: 'Right' },
            { header: 'Talk', width: 1, align: 'Right' },
          ],
          rows.map((row) => [
            shortName(row.extension),
            shortName(row.name),
            formatCount(row.calls),
            formatCount(row.answered),
            formatCount(row.missed),
            formatCount(row.outbound),
            formatDuration(row.talkSeconds),
          ]),
        ),
        ...more(rows.length, report.byExtension.length),
      ];
    }
    case 'queues': {
      const rows = report.byQueue.slice(0, limits.tableRows);
      return [
        sectionTitle('Queues'),
        cardTable(
          [
            { header: 'Queue', width: 1 },
            { header: 'Name', width: 3 },
            { header: 'Calls', width: 1, align: 'Right' },
            { header: 'Answered', width: 1, align: 'Right' },
            { header: 'Missed', width: 1, align: 'Right' },
            { header: 'Avg wait', width: 1, align: 'Right' },
          ],
          rows.map((row) => [
            shortName(row.queue),
            shortName(row.name),
            formatCount(row.calls),
            formatCount(row.answered),
            formatCount(row.missed),
            formatDuration(row.avgWaitSeconds),
          ]),
        ),
        ...more(rows.length, report.byQueue.length),
      ];
    }
    case 'hours':
      return [buildHourChart(report.byHour)];
    case 'missed': {
      const calls = report.missedCalls;
      if (calls.length === 0) return [sectionTitle('Missed calls'), textBlock('No missed calls.')];
      const shown = calls.slice(0, limits.longListItems).map(describeMissedCall);
      return [
        sectionTitle(`Missed calls (${formatCount(calls.length)})`),
        ...(shown.length > 0 ? [factList(shown)] : []),
        ...more(shown.length, calls.length),
      ];
    }
    case 'calls': {
      const calls = report.calls ?? [];
      if (calls.length === 0) return [sectionTitle('Calls'), textBlock('No calls to list.')];
      const shown = calls.slice(0, limits.longListItems).map(describeListedCall);
      return [
        sectionTitle(`Calls (${formatCount(calls.length)})`),
        ...(shown.length > 0 ? [factList(shown)] : []),
        ...more(shown.length, calls.length),
      ];
    }
  }
}

function factList(lines: { when: string; summary: string }[]): CardElement {
  return { type: 'FactSet', facts: lines.map((line) => ({ title: line.when, value: line.summary })) };
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
