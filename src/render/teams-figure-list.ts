import type { CardElement, Column, ColumnSet, TextBlock } from './adaptive-card';
import { textBlock } from './teams-elements';

/** One entry of a figure list: who it is (number and name, Markdown-safe) and its figures. */
export interface FigureEntry {
  label: string;
  figures: string[];
}

/** More figures than this to a row would leave every column too narrow at the width of a chat. */
const MAX_ROW_FIGURES = 5;

/**
 * Named rows of figures laid out for the width Teams gives a card in a chat (about 450 px), where
 * a name column beside five figures leaves every column too narrow: the figure headers once on
 * top, then each entry's name on a line of its own (wrapping if it must) with its figures under
 * the headers. Every row is a ColumnSet with the same weights, so the columns line up; a column's
 * weight is its longest text (a header word or a figure), so no figure or header is cut. More
 * than five figures go on two rows (under two header rows), split evenly.
 */
export function figureList(headers: string[], entries: FigureEntry[]): CardElement[] {
  const groups = splitEvenly(headers.length);
  const weights = headers.map((header, index) =>
    Math.max(
      1,
      ...header.split(' ').map((word) => word.length),
      ...entries.map((entry) => (entry.figures[index] ?? '').length),
    ),
  );
  const row = (
    texts: string[],
    group: { start: number; end: number },
    options: Partial<TextBlock>,
  ): ColumnSet => ({
    type: 'ColumnSet',
    columns: weights.slice(group.start, group.end).map(
      (width, offset): Column => ({
        type: 'Column',
        width,
        items: [textBlock(texts[group.start + offset] ?? ' ', { horizontalAlignment: 'Right', ...options })],
      }),
    ),
  });
  return [
    ...groups.map((group, index) => ({
      ...row(headers, group, { weight: 'Bolder' }),
      ...(index > 0 ? { spacing: 'None' as const } : {}),
    })),
    ...entries.flatMap((entry) => [
      textBlock(entry.label, { spacing: 'Small', separator: true }),
      ...groups.map((group) => ({ ...row(entry.figures, group, {}), spacing: 'None' as const })),
    ]),
  ];
}

/** `count` columns in rows of at most five, as even as can be: 8 → 4 + 4, 7 → 4 + 3. */
function splitEvenly(count: number): { start: number; end: number }[] {
  const rows = Math.max(1, Math.ceil(count / MAX_ROW_FIGURES));
  const size = Math.ceil(count / rows);
  return Array.from({ length: rows }, (_, index) => ({
    start: index * size,
    end: Math.min(count, (index + 1) * size),
  })).filter((group) => group.end > group.start);
}
