/** How a column's cells line up: text left, numbers right. */
export type ColumnAlign = 'left' | 'right';

export interface TextColumn {
  header: string;
  align?: ColumnAlign;
}

const COLUMN_GAP = '  ';

/**
 * Lines of a plain-text table whose columns line up in a monospaced font: a header line, then
 * one line per row; trailing spaces are trimmed. Widths count code points.
 */
export function formatTextTable(
  columns: TextColumn[],
  rows: string[][],
  options: { header?: boolean } = {},
): string[] {
  const withHeader = options.header ?? true;
  const allRows = withHeader ? [columns.map((column) => column.header), ...rows] : rows;
  const widths = columns.map((_, index) => Math.max(0, ...allRows.map((row) => widthOf(row[index] ?? ''))));
  return allRows.map((row) =>
    columns
      .map((column, index) => pad(row[index] ?? '', widths[index] ?? 0, column.align ?? 'left'))
      .join(COLUMN_GAP)
      .trimEnd(),
  );
}

function widthOf(text: string): number {
  return Array.from(text).length;
}

function pad(text: string, width: number, align: ColumnAlign): string {
  const fill = ' '.repeat(Math.max(0, width - widthOf(text)));
  return align === 'right' ? fill + text : text + fill;
}
