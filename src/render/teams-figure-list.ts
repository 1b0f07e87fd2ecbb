import type { CardElement, Column, ColumnSet, TextBlock } from './adaptive-card';
import { textBlock } from './teams-elements';

/** One entry of a figure list: who it is (number and name, Markdown-safe) and its figures. */
export interface FigureEntry {
  label: string;
  figures: string[];
}

/**
 * Named rows of figures laid out for the width Teams gives a card in a chat (about 450 px), where
 * a name column beside five figures leaves every column too narrow: the figure headers once on
 * top, then each entry's name on a line of its own (wrapping if it must) with its figures under
 * the headers. Every row is a ColumnSet with the same weights, so the columns line up; a column's
 * weight is its longest text (a header word or a figure), so no figure or header is cut.
 */
export function figureList(headers: string[], entries: FigureEntry[]): CardElement[] {
  const weights = headers.map((header, index) =>
    Math.max(
      1,
      ...header.split(' ').map((word) => word.length),
      ...entries.map((entry) => (entry.figures[index] ?? '').length),
    ),
  );
  const row = (texts: string[], options: Partial<TextBlock>): ColumnSet => ({
    type: 'ColumnSet',
    columns: weights.map(
      (width, index): Column => ({
        type: 'Column',
        width,
        items: [textBlock(texts[index] ?? ' ', { horizontalAlignment: 'Right', ...options })],
      }),
    ),
  });
  return [
    row(headers, { weight: 'Bolder' }),
    ...entries.flatMap((entry) => [
      textBlock(entry.label, { spacing: 'Small', separator: true }),
      { ...row(entry.figures, {}), spacing: 'None' as const },
    ]),
  ];
}
