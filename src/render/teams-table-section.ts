import type { ReplyAction } from '../core/reply';
import type { CardElement } from './adaptive-card';
import { shortName } from './describe-call';
import { describeMore } from './describe-more';
import { escapeTeamsMarkdown } from './escape-teams-markdown';
import type { StatsTable } from './tabulate-stats';
import { sectionTitle, textBlock } from './teams-elements';
import { figureList } from './teams-figure-list';

/**
 * A titled table of the rows shown, as a figure list: each row's text columns (number and name,
 * a rank) on a line, its figures (the numeric columns) under their headers; then "…and N more"
 * when rows were left out.
 */
export function tableSection(
  actions: ReplyAction[],
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
    label: pick(cells, false)
      .filter((cell) => cell.length > 0)
      .join(' '),
    figures: pick(cells, true),
  }));
  return [
    sectionTitle(title),
    ...figureList(headers, entries),
    ...describeHidden(actions, shown.rows.length, totalCount),
  ];
}

/** The subtle "…and N more" line under a cut list; nothing when all is shown. */
export function describeHidden(
  actions: ReplyAction[],
  shownCount: number,
  totalCount: number,
): CardElement[] {
  return totalCount > shownCount
    ? [textBlock(describeMore(totalCount - shownCount, actions), { isSubtle: true, spacing: 'Small' })]
    : [];
}

/** A PBX name or number for a table cell: one line, cut, and never Markdown. */
export function toCellName(text: string): string {
  return escapeTeamsMarkdown(shortName(text));
}
