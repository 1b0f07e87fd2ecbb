import type { ErrorReply, Reply, RowsReply } from '../core/reply';
import { cleanText, truncateText } from './clean-text';
import { describeAssumptions } from './describe-assumptions';
import { describeReportFilters } from './describe-filters';
import { escapeMrkdwn } from './escape-mrkdwn';
import { chunkLines, fitLines } from './fit-lines';
import { formatCount, plural } from './format-number';
import { formatTextTable } from './format-text-table';
import { buildSlackActions } from './slack-actions';
import { measureSlackText, SLACK_LIMITS, type SlackBlock, type SlackMessage } from './slack-blocks';
import type { SlackChartImage } from './slack-chart-block';
import { buildSlackExplainBlocks } from './slack-explain-blocks';
import { buildSlackReportBlocks, mrkdwnSection } from './slack-report-blocks';
import { contextBlocks as context, headerBlock as header } from './slack-text-blocks';
import { summarizeReply } from './summarize-reply';
import { tabulatePreview } from './tabulate-preview';

const PREVIEW_COLUMNS = 6;
const PREVIEW_CELL_CHARS = 24;
/** Room kept free under the total-text limit, for rounding in Slack's own counting. */
const SAFETY_CHARS = 100;

/** How a Slack message is drawn beyond the reply itself. */
export interface SlackRenderOptions {
  /**
   * A picture of the reply's `chart` (rendered by the server): shown as an `image` block, with the
   * chart's title as its alt text, instead of the text bars. Without it, the text bars.
   */
  chartImage?: SlackChartImage;
}

export type { SlackChartImage } from './slack-chart-block';

/**
 * A reply as a Slack message: Block Kit blocks plus the one-line fallback `text` (notifications,
 * screen readers). Keeps to Slack's limits (see `SLACK_LIMITS`); long lists end with
 * "…and N more". PBX- and user-provided text is escaped for mrkdwn.
 */
export function renderSlack(reply: Reply, options: SlackRenderOptions = {}): SlackMessage {
  const text = escapeMrkdwn(summarizeReply(reply));
  const blocks = capBlocks(buildBlocks(reply, text.length, options));
  return { text, blocks };
}

function buildBlocks(reply: Reply, fallbackChars: number, options: SlackRenderOptions): SlackBlock[] {
  const budget = SLACK_LIMITS.maxTotalTextChars - SAFETY_CHARS - fallbackChars;
  switch (reply.kind) {
    case 'report': {
      const filters = describeReportFilters(reply.report);
      // How the words were read stands right under the window they were read as.
      const top = [
        header(reply.windowLabel),
        ...context(describeAssumptions(reply.report.assumptions)),
        ...context([filters ? `Filters: ${filters}` : '', ...reply.notes]),
      ];
      const actions = buildSlackActions(reply.actions);
      const bottom = actions ? [actions] : [];
      const body = buildSlackReportBlocks(
        reply,
        budget - measureSlackText({ text: '', blocks: [...top, ...bottom] }),
        options.chartImage,
      );
      return [...top, ...body, ...bottom];
    }
    case 'rows':
      return buildRowsBlocks(reply, budget);
    case 'help': {
      const lines = fitLines(
        escapeMrkdwn(reply.text).split('\n'),
        { maxChars: budget, maxItems: 1000 },
        () => '…',
      );
      return chunkLines(lines, SLACK_LIMITS.maxSectionTextChars).map(mrkdwnSection);
    }
    case 'error':
      return buildErrorBlocks(reply);
    case 'notice':
      return chunkLines(
        truncateText(escapeMrkdwn(reply.text), budget).split('\n'),
        SLACK_LIMITS.maxSectionTextChars,
      ).map(mrkdwnSection);
    case 'explain':
      return buildSlackExplainBlocks(reply);
  }
}

function buildErrorBlocks(reply: ErrorReply): SlackBlock[] {
  const lines = [`:warning: ${escapeMrkdwn(cleanText(reply.message))}`];
  if (reply.hint) lines.push(escapeMrkdwn(cleanText(reply.hint)));
  const blocks: SlackBlock[] = [mrkdwnSection(lines.join('\n'))];
  if (reply.reference) blocks.push(...context([`Reference: ${reply.reference}`]));
  const actions = buildSlackActions(reply.actions ?? []);
  if (actions) blocks.push(actions);
  return blocks;
}

function buildRowsBlocks(reply: RowsReply, budget: number): SlackBlock[] {
  const blocks: SlackBlock[] = [
    header(reply.windowLabel),
    ...context(describeAssumptions(reply.assumptions)),
    ...context(reply.notes),
  ];
  blocks.push(mrkdwnSection(`*${plural(reply.rowCount, 'row')}*`));
  if (reply.previewRows.length > 0) {
    const preview = tabulatePreview(reply.previewRows, PREVIEW_COLUMNS, PREVIEW_CELL_CHARS);
    const table = formatTextTable(
      preview.columns.map((column) => ({ header: column })),
      preview.cells,
    ).map(escapeMrkdwn);
    const maxChars = Math.min(SLACK_LIMITS.maxSectionTextChars, budget) - 8;
    const fitted = fitLines(
      table,
      { maxChars, maxItems: table.length },
      (hidden) => `…and ${formatCount(hidden)} more`,
    );
    blocks.push(mrkdwnSection(`\`\`\`\n${fitted.join('\n')}\n\`\`\``));
    const hiddenFields =
      preview.hiddenColumnCount > 0
        ? `, ${preview.columns.length} of ${preview.columns.length + preview.hiddenColumnCount} fields`
        : '';
    blocks.push(
      ...context([
        `Preview of the first ${formatCount(reply.previewRows.length)} of ${formatCount(reply.rowCount)} rows${hiddenFields}.`,
      ]),
    );
  }
  const actions = buildSlackActions(reply.actions);
  if (actions) blocks.push(actions);
  return blocks;
}

/** At most 50 blocks: the last ones before the buttons give way, and the buttons stay. */
function capBlocks(blocks: SlackBlock[]): SlackBlock[] {
  if (blocks.length <= SLACK_LIMITS.maxBlocks) return blocks;
  const last = blocks[blocks.length - 1];
  const keepsActions = last?.type === 'actions';
  const head = blocks.slice(0, SLACK_LIMITS.maxBlocks - (keepsActions ? 1 : 0));
  return keepsActions && last ? [...head, last] : head;
}
