import type { Reply, ReplyAction, ReportReply, RowsReply } from '../core/reply';
import {
  type AdaptiveCard,
  type CardElement,
  measureCardBytes,
  type SubmitAction,
  TEAMS_CARD_MAX_BYTES,
  TEAMS_MAX_PRIMARY_ACTIONS,
  type TextBlock,
} from './adaptive-card';
import { cleanText, truncateText } from './clean-text';
import { describeAssumptions } from './describe-assumptions';
import { describeReportFilters } from './describe-filters';
import { escapeTeamsMarkdown } from './escape-teams-markdown';
import { formatCount, plural } from './format-number';
import { summarizeReply } from './summarize-reply';
import { tabulatePreview } from './tabulate-preview';
import { stackLines, textBlock } from './teams-elements';
import { buildTeamsExplainBody } from './teams-explain-body';
import { buildTeamsReportBody, countLongList, type TeamsListLimits } from './teams-report-body';
import { previewFactSets } from './teams-rows-preview';
import { usageBlocks } from './teams-usage';

const LONG_LIST_MAX_ITEMS = 50;
/** Table sizes tried in turn until the card fits; the long list keeps at least 10 entries before a table shrinks. */
const TABLE_ROW_STEPS = [10, 5, 3];
const LONG_LIST_MIN_ITEMS = 10;
const PREVIEW_COLUMNS = 6;
const PREVIEW_CELL_CHARS = 40;
const HEADING_MAX_CHARS = 200;

/**
 * A reply as an Adaptive Card 1.5 for Teams, laid out for the width of a chat (about 450 px):
 * figure lists for extensions and queues, facts for calls and raw rows, Teams' bar chart for
 * calls by hour (with a fallback for other hosts), Action.Submit buttons carrying
 * `{ action, value }`. Stays under `TEAMS_CARD_MAX_BYTES`; cut lists end with "…and N more".
 */
export function renderTeams(reply: Reply): AdaptiveCard {
  switch (reply.kind) {
    case 'report':
      return fitReportCard(reply);
    case 'rows':
      return fitRowsCard(reply);
    case 'help':
      return fitTextCard(reply, usageBlocks(reply.text));
    case 'error': {
      // Messages and hints may quote what the asker typed.
      const body: CardElement[] = [
        textBlock(`⚠️ ${escapeTeamsMarkdown(cleanText(reply.message))}`, {
          color: 'Attention',
          weight: 'Bolder',
        }),
      ];
      if (reply.hint) body.push(textBlock(escapeTeamsMarkdown(cleanText(reply.hint))));
      if (reply.reference)
        body.push(textBlock(`Reference: ${cleanText(reply.reference)}`, { isSubtle: true, size: 'Small' }));
      return card(reply, body, reply.actions ?? []);
    }
    case 'notice':
      return fitTextCard(
        reply,
        stackLines(reply.text.split('\n'), (line) => textBlock(line)),
      );
    case 'explain':
      return card(reply, buildTeamsExplainBody(reply), []);
  }
}

/**
 * The one-line summary Teams shows in notifications and the activity feed, as plain text: the
 * help's `code` spans lose their backticks there too.
 */
export function teamsSummaryText(reply: Reply): string {
  return summarizeReply(reply.kind === 'help' ? { ...reply, text: reply.text.replaceAll('`', '') } : reply);
}

function fitReportCard(reply: ReportReply): AdaptiveCard {
  const longCount = countLongList(reply);
  // A trend shows every bucket it can; other long lists at most 50 entries.
  const maxLong = reply.report.trend ? longCount : Math.min(LONG_LIST_MAX_ITEMS, longCount);
  const build = (limits: TeamsListLimits) =>
    card(reply, [...heading(reply), ...buildTeamsReportBody(reply, limits)], reply.actions);
  for (const tableRows of TABLE_ROW_STEPS) {
    const fits = (items: number) =>
      measureCardBytes(build({ tableRows, longListItems: items })) <= TEAMS_CARD_MAX_BYTES;
    if (!fits(0)) continue;
    const items = largestFitting(maxLong, fits);
    if (items >= Math.min(LONG_LIST_MIN_ITEMS, maxLong) || tableRows === TABLE_ROW_STEPS.at(-1)) {
      return build({ tableRows, longListItems: items });
    }
  }
  return card(
    reply,
    [...heading(reply), textBlock('This report is too large to show here; use Export CSV for the details.')],
    reply.actions,
  );
}

function fitRowsCard(reply: RowsReply): AdaptiveCard {
  const build = (rowCount: number) => {
    const body: CardElement[] = [
      ...heading(reply),
      textBlock(plural(reply.rowCount, 'row'), { weight: 'Bolder' }),
    ];
    if (reply.previewRows.length > 0 && rowCount > 0) {
      const preview = tabulatePreview(
        reply.previewRows.slice(0, rowCount),
        PREVIEW_COLUMNS,
        PREVIEW_CELL_CHARS,
      );
      const hiddenFields =
        preview.hiddenColumnCount > 0
          ? `, ${preview.columns.length} of ${preview.columns.length + preview.hiddenColumnCount} fields`
          : '';
      body.push(
        ...previewFactSets(preview),
        textBlock(
          `Preview of the first ${formatCount(rowCount)} of ${formatCount(reply.rowCount)} rows${hiddenFields}.`,
          { isSubtle: true, size: 'Small', separator: true },
        ),
      );
    }
    return card(reply, body, reply.actions);
  };
  const rowCount = largestFitting(
    reply.previewRows.length,
    (count) => measureCardBytes(build(count)) <= TEAMS_CARD_MAX_BYTES,
  );
  return build(rowCount);
}

/** Blocks shown one under the other, cut with "…" when they would not fit. */
function fitTextCard(reply: Reply, blocks: TextBlock[]): AdaptiveCard {
  const build = (count: number) => {
    const shown = blocks.slice(0, count);
    return card(reply, count < blocks.length ? [...shown, textBlock('…')] : shown, []);
  };
  return build(
    largestFitting(blocks.length, (count) => measureCardBytes(build(count)) <= TEAMS_CARD_MAX_BYTES),
  );
}

/** The window as the title, then (subtle) how the words were read, the filters and the notes. */
function heading(reply: ReportReply | RowsReply): CardElement[] {
  const title = truncateText(cleanText(reply.windowLabel), HEADING_MAX_CHARS) || 'Calls';
  const filters = reply.kind === 'report' ? escapeTeamsMarkdown(describeReportFilters(reply.report)) : '';
  const assumptions = describeAssumptions(
    reply.kind === 'report' ? reply.report.assumptions : reply.assumptions,
  );
  const notes = [
    ...assumptions.map(escapeTeamsMarkdown),
    filters ? `Filters: ${filters}` : '',
    ...reply.notes.map((note) => escapeTeamsMarkdown(cleanText(note))),
  ].filter((note) => note.length > 0);
  return [
    textBlock(title, { style: 'heading', size: 'Large', weight: 'Bolder' }),
    ...notes.map((note) => textBlock(note, { isSubtle: true, spacing: 'None' })),
  ];
}

function card(reply: Reply, body: CardElement[], actions: ReplyAction[]): AdaptiveCard {
  const built: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    fallbackText: teamsSummaryText(reply),
    msteams: { width: 'Full' },
  };
  const buttons = buildSubmitActions(actions);
  if (buttons.length > 0) built.actions = buttons;
  return built;
}

/**
 * One Action.Submit per reply action (a repeated id and key keeps the first); beyond six go to
 * the overflow menu.
 */
function buildSubmitActions(actions: ReplyAction[]): SubmitAction[] {
  const seen = new Set<string>();
  const buttons: SubmitAction[] = [];
  for (const action of actions) {
    const identity = `${action.id}.${action.key ?? ''}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const button: SubmitAction = {
      type: 'Action.Submit',
      title: cleanText(action.label) || action.id,
      data: { action: action.id, value: action.value },
    };
    if (action.id === 'share') button.style = 'positive';
    if (buttons.length >= TEAMS_MAX_PRIMARY_ACTIONS) button.mode = 'secondary';
    buttons.push(button);
  }
  return buttons;
}

/** The largest count in [0, max] for which `fits` holds, assuming it holds for all smaller counts. */
function largestFitting(max: number, fits: (count: number) => boolean): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}
