import type { ErrorReply, ExplainReply, Reply, ReportReply, RowsReply } from '../core/reply';
import type { Assumption } from '../core/report-request';
import { cleanText, truncateText } from './clean-text';
import { describeAssumptions } from './describe-assumptions';
import { describeCallResult } from './describe-call';
import { describeExplanation } from './describe-explanation';
import { describeReportFilters } from './describe-filters';
import { describeExtensionsTitle, listOtherExtensions } from './describe-focus';
import { describeCallee, describeCaller } from './describe-party';
import { drawChartBars } from './draw-bars';
import { formatDuration } from './format-duration';
import { formatCount } from './format-number';
import { formatStatsTable } from './format-stats-table';
import { formatTextTable } from './format-text-table';
import { formatTimeOfDay } from './format-time-of-day';
import { describeEmptyReport, orderSections, type ReportSection } from './order-sections';
import { findHourChart } from './report-chart';
import { tabulatePreview } from './tabulate-preview';
import { tabulateExtensions, tabulateQueues } from './tabulate-stats';
import {
  renderComparisonText,
  renderFiguresText,
  renderFocusText,
  renderRankingText,
  renderTrendText,
} from './text-answer-sections';
import { renderUnreturnedText } from './text-unreturned-section';

const MAX_NAME_CHARS = 40;
const HOUR_BAR_CHARS = 30;
const PREVIEW_COLUMNS = 8;
const PREVIEW_CELL_CHARS = 32;

/** A reply as plain text for a terminal: no colours, columns aligned, every list complete. */
export function renderText(reply: Reply): string {
  switch (reply.kind) {
    case 'report':
      return renderReport(reply).join('\n');
    case 'rows':
      return renderRows(reply).join('\n');
    case 'help':
      return reply.text;
    case 'error':
      return renderError(reply).join('\n');
    case 'notice':
      return reply.text;
    case 'explain':
      return renderExplanation(reply).join('\n');
  }
}

function renderError(reply: ErrorReply): string[] {
  const lines = [`Error: ${cleanText(reply.message)}`];
  if (reply.hint) lines.push(cleanText(reply.hint));
  if (reply.reference) lines.push(`Reference: ${cleanText(reply.reference)}`);
  return lines;
}

/** The window, how the words were read, the filters, then the notes. */
function renderHeading(
  windowLabel: string,
  notes: string[],
  assumptions: readonly Assumption[] | undefined,
  filters?: string,
): string[] {
  const lines = [cleanText(windowLabel), ...describeAssumptions(assumptions)];
  if (filters) lines.push(`Filters: ${filters}`);
  lines.push(...notes.map(cleanText));
  return lines;
}

function renderReport(reply: ReportReply): string[] {
  const lines = renderHeading(
    reply.windowLabel,
    reply.notes,
    reply.report.assumptions,
    describeReportFilters(reply.report),
  );
  for (const section of orderSections(reply)) {
    lines.push('', ...renderSection(reply, section));
  }
  return lines;
}

function renderSection(reply: ReportReply, section: ReportSection): string[] {
  const { report } = reply;
  const name = (text: string) => truncateText(cleanText(text), MAX_NAME_CHARS);
  switch (section) {
    case 'empty':
      return [describeEmptyReport(reply)];
    case 'comparison':
      return renderComparisonText(reply);
    case 'ranking':
      return renderRankingText(reply);
    case 'trend':
      return renderTrendText(reply);
    case 'focus':
      return renderFocusText(reply);
    case 'figures':
      return renderFiguresText(reply);
    case 'extensions': {
      const title = (report.focus ?? []).length > 0 ? describeExtensionsTitle(report) : 'Extensions';
      return [title, ...formatStatsTable(tabulateExtensions(listOtherExtensions(report), name))];
    }
    case 'queues':
      return ['Queues', ...formatStatsTable(tabulateQueues(report.byQueue, name))];
    case 'hours': {
      const chart = findHourChart(reply);
      return chart ? [cleanText(chart.title), ...drawChartBars(chart, HOUR_BAR_CHARS)] : [];
    }
    case 'missed':
      if (report.missedCalls.length === 0) return ['Missed calls: none'];
      return [
        `Missed calls (${formatCount(report.missedCalls.length)})`,
        ...formatTextTable(
          [
            { header: 'When' },
            { header: 'From' },
            { header: 'Name' },
            { header: 'To' },
            { header: 'Wait', align: 'right' },
          ],
          report.missedCalls.map((call) => [
            formatTimeOfDay(call.start),
            name(call.from),
            name(call.fromName),
            name(describeCallee(call.to, call.toName)),
            formatDuration(call.waitSeconds),
          ]),
        ),
      ];
    case 'unreturned':
      return renderUnreturnedText(report);
    case 'calls': {
      const calls = report.calls ?? [];
      if (calls.length === 0) return ['Calls: none'];
      return [
        `Calls (${formatCount(calls.length)})`,
        ...formatTextTable(
          [
            { header: 'When' },
            { header: 'Direction' },
            { header: 'From' },
            { header: 'To' },
            { header: 'Result' },
            { header: 'Talk', align: 'right' },
            { header: 'Wait', align: 'right' },
          ],
          calls.map((call) => [
            formatTimeOfDay(call.start),
            call.direction,
            name(describeCaller(call.from, call.fromName)),
            name(describeCallee(call.to, call.toName)),
            describeCallResult(call),
            formatDuration(call.talkSeconds),
            formatDuration(call.waitSeconds),
          ]),
        ),
      ];
    }
  }
}

function renderRows(reply: RowsReply): string[] {
  const lines = renderHeading(reply.windowLabel, reply.notes, reply.assumptions);
  lines.push('', `${formatCount(reply.rowCount)} ${reply.rowCount === 1 ? 'row' : 'rows'}`);
  if (reply.previewRows.length === 0) return lines;
  const preview = tabulatePreview(reply.previewRows, PREVIEW_COLUMNS, PREVIEW_CELL_CHARS);
  lines.push(
    '',
    ...formatTextTable(
      preview.columns.map((header) => ({ header })),
      preview.cells,
    ),
  );
  const shown = `Showing the first ${formatCount(reply.previewRows.length)} of ${formatCount(reply.rowCount)} rows`;
  const hidden =
    preview.hiddenColumnCount > 0
      ? ` and ${preview.columns.length} of ${preview.columns.length + preview.hiddenColumnCount} fields`
      : '';
  lines.push('', `${shown}${hidden}.`);
  return lines;
}

function renderExplanation(reply: ExplainReply): string[] {
  const parts = describeExplanation(reply);
  return [
    parts.title,
    ...parts.facts.map((fact) => `${fact.label}: ${fact.value}`),
    ...parts.remarks,
    '',
    parts.footer,
  ];
}
