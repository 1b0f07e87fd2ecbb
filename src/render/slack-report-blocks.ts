import type { ReportReply } from '../core/reply';
import { truncateText } from './clean-text';
import {
  describeExtensionCounts,
  describeListedCall,
  describeMissedCall,
  describeQueueCounts,
  shortName,
} from './describe-call';
import { describeExtensionsTitle, listOtherExtensions } from './describe-focus';
import { describeMore } from './describe-more';
import { describeNoMisses } from './describe-unreturned';
import { escapeMrkdwn } from './escape-mrkdwn';
import { chunkLines, fitLines } from './fit-lines';
import { formatCount } from './format-number';
import { describeEmptyReport, orderSections, type ReportSection } from './order-sections';
import { findHourChart } from './report-chart';
import {
  buildSlackComparisonBlocks,
  buildSlackFiguresBlocks,
  buildSlackFocusBlocks,
  buildSlackRankingBlocks,
  buildSlackTrendBlocks,
} from './slack-answer-blocks';
import { measureBlockText, type SectionBlock, SLACK_LIMITS, type SlackBlock } from './slack-blocks';
import { buildSlackChartBlocks, pictureOf, type SlackChartImage } from './slack-chart-block';
import { slackUnreturnedLines } from './slack-unreturned-lines';

const TOP_EXTENSIONS = 10;
const TOP_QUEUES = 10;
const EXTENSIONS_MAX_CHARS = 2000;
const QUEUES_MAX_CHARS = 2000;
const LONG_LIST_MAX_ITEMS = 40;
const HOUR_BARS_MAX_CHARS = 1500;
const UNRETURNED_TITLE = 'Missed calls and call-backs';

/** The sections that take whatever is left of the budget once the others are built. */
const LONG_SECTIONS: readonly ReportSection[] = [
  'missed',
  'calls',
  'unreturned',
  'ranking',
  'trend',
  'comparison',
];

/**
 * The report's sections as blocks, in the reply's order. The short sections are built first; the
 * long one (missed calls, the calls of the `list` view, the `unreturned` list, a ranking, a trend,
 * a comparison) gets
 * whatever is left of `textBudgetChars` and ends with "…and N more" when it is cut. With
 * `chartImage`, the reply's chart is that picture instead of text bars.
 */
export function buildSlackReportBlocks(
  reply: ReportReply,
  textBudgetChars: number,
  chartImage?: SlackChartImage,
): SlackBlock[] {
  const sections = orderSections(reply);
  const built = new Map<ReportSection, SlackBlock[]>();
  for (const section of sections) {
    if (!LONG_SECTIONS.includes(section)) built.set(section, buildShortSection(reply, section, chartImage));
  }
  const used = [...built.values()].flat().reduce((sum, block) => sum + measureBlockText(block), 0);
  const remaining = Math.max(0, textBudgetChars - used);
  for (const section of sections) {
    if (LONG_SECTIONS.includes(section))
      built.set(section, buildLongSection(reply, section, remaining, chartImage));
  }
  return sections.flatMap((section) => built.get(section) ?? []);
}

function buildShortSection(
  reply: ReportReply,
  section: ReportSection,
  chartImage: SlackChartImage | undefined,
): SlackBlock[] {
  const { report } = reply;
  switch (section) {
    case 'empty':
      return [mrkdwnSection(describeEmptyReport(reply))];
    case 'focus':
      return buildSlackFocusBlocks(report);
    case 'figures':
      return buildSlackFiguresBlocks(report);
    case 'extensions': {
      const rows = listOtherExtensions(report);
      const lines = rows
        .slice(0, TOP_EXTENSIONS)
        .map(
          (row) =>
            `\`${escapeMrkdwn(shortName(row.extension))}\` ${escapeMrkdwn(shortName(row.name))} · ${describeExtensionCounts(row)}`,
        );
      return listSection(
        `*${describeExtensionsTitle(report)}*`,
        lines,
        rows.length,
        EXTENSIONS_MAX_CHARS,
        reply,
      );
    }
    case 'queues': {
      const lines = report.byQueue
        .slice(0, TOP_QUEUES)
        .map(
          (row) =>
            `\`${escapeMrkdwn(shortName(row.queue))}\` ${escapeMrkdwn(shortName(row.name))} · ${describeQueueCounts(row)}`,
        );
      return listSection('*Queues*', lines, report.byQueue.length, QUEUES_MAX_CHARS, reply);
    }
    case 'hours': {
      const chart = findHourChart(reply);
      return chart ? buildSlackChartBlocks(chart, pictureOf(reply, chartImage), HOUR_BARS_MAX_CHARS) : [];
    }
    default:
      return [];
  }
}

function buildLongSection(
  reply: ReportReply,
  section: ReportSection,
  budgetChars: number,
  chartImage: SlackChartImage | undefined,
): SlackBlock[] {
  switch (section) {
    case 'missed':
      return buildMissedSection(reply, budgetChars);
    case 'calls':
      return buildCallsSection(reply, budgetChars);
    case 'unreturned':
      return buildUnreturnedSection(reply, budgetChars);
    case 'ranking':
      return buildSlackRankingBlocks(reply, budgetChars);
    case 'trend':
      return buildSlackTrendBlocks(reply, chartImage, budgetChars);
    case 'comparison':
      return buildSlackComparisonBlocks(reply.report, budgetChars);
    default:
      return [];
  }
}

function buildMissedSection(reply: ReportReply, budgetChars: number): SlackBlock[] {
  const calls = reply.report.missedCalls;
  if (calls.length === 0) return [mrkdwnSection('*Missed calls*\nNo missed calls. :tada:')];
  const lines = calls.slice(0, LONG_LIST_MAX_ITEMS).map((call) => {
    const line = describeMissedCall(call);
    return `• *${line.when}* · ${escapeMrkdwn(line.summary)}`;
  });
  return longListSections(
    `*Missed calls (${formatCount(calls.length)})*`,
    lines,
    calls.length,
    budgetChars,
    reply,
  );
}

function buildCallsSection(reply: ReportReply, budgetChars: number): SlackBlock[] {
  const calls = reply.report.calls ?? [];
  if (calls.length === 0) return [mrkdwnSection('*Calls*\nNo calls to list.')];
  const lines = calls.slice(0, LONG_LIST_MAX_ITEMS).map((call) => {
    const line = describeListedCall(call);
    return `• *${line.when}* · ${escapeMrkdwn(line.summary)}`;
  });
  return longListSections(`*Calls (${formatCount(calls.length)})*`, lines, calls.length, budgetChars, reply);
}

/** The missed calls with their call-back state, grouped by state, each number a `tel:` link when shown. */
function buildUnreturnedSection(reply: ReportReply, budgetChars: number): SlackBlock[] {
  const calls = reply.report.unreturned ?? [];
  if (calls.length === 0) return [mrkdwnSection(`*${UNRETURNED_TITLE}*\n${describeNoMisses(reply.report)}`)];
  return longListSections(
    `*${UNRETURNED_TITLE} (${formatCount(calls.length)})*`,
    slackUnreturnedLines(calls, LONG_LIST_MAX_ITEMS),
    calls.length,
    budgetChars,
    reply,
  );
}

/** A titled list in one section, cut to `maxChars` and the top entries. */
function listSection(
  title: string,
  lines: string[],
  totalCount: number,
  maxChars: number,
  reply: ReportReply,
): SlackBlock[] {
  const limits = { maxChars: maxChars - title.length - 1, maxItems: lines.length, totalCount };
  const fitted = fitLines(lines, limits, (hidden) => describeMore(hidden, reply.actions));
  return [mrkdwnSection([title, ...fitted].join('\n'))];
}

/** A titled long list split into sections of at most 3,000 characters, within `budgetChars` in all. */
function longListSections(
  title: string,
  lines: string[],
  totalCount: number,
  budgetChars: number,
  reply: ReportReply,
): SlackBlock[] {
  const limits = {
    maxChars: Math.max(0, budgetChars - title.length - 1),
    maxItems: LONG_LIST_MAX_ITEMS,
    totalCount,
  };
  const fitted = fitLines(lines, limits, (hidden) => describeMore(hidden, reply.actions));
  return chunkLines([title, ...fitted], SLACK_LIMITS.maxSectionTextChars).map(mrkdwnSection);
}

/** A section with mrkdwn text, cut to Slack's 3,000 characters. */
export function mrkdwnSection(text: string): SectionBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: truncateText(text, SLACK_LIMITS.maxSectionTextChars) },
  };
}
