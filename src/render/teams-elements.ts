import type { Column, ColumnSet, Table, TextBlock } from './adaptive-card';

/** A column of a card table: header, relative width, and number columns aligned right. */
export interface CardTableColumn {
  header: string;
  width: number;
  align?: 'Left' | 'Right';
}

/** Plain wrapped text. */
export function textBlock(text: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

/** A bold section title with a line above it. */
export function sectionTitle(text: string): TextBlock {
  return textBlock(text, { weight: 'Bolder', size: 'Medium', separator: true, spacing: 'Medium' });
}

/**
 * A 1.5 `Table` (first row the header) with a `ColumnSet` fallback for hosts without tables:
 * one column per field, one single-line TextBlock per cell, so rows stay aligned. Cells carry
 * no optional properties: a card must stay under Teams' 28 KB and tables are its bulk.
 */
export function cardTable(columns: CardTableColumn[], rows: string[][]): Table {
  const cell = (text: string) => ({
    type: 'TableCell' as const,
    items: [{ type: 'TextBlock' as const, text }],
  });
  const toRow = (texts: string[]) => ({
    type: 'TableRow' as const,
    cells: columns.map((_, index) => cell(texts[index] ?? '')),
  });
  return {
    type: 'Table',
    columns: columns.map((column) => ({
      width: column.width,
      ...(column.align === 'Right' ? { horizontalCellContentAlignment: 'Right' as const } : {}),
    })),
    rows: [toRow(columns.map((column) => column.header)), ...rows.map(toRow)],
    firstRowAsHeader: true,
    fallback: columnSetTable(columns, rows),
  };
}

function columnSetTable(columns: CardTableColumn[], rows: string[][]): ColumnSet {
  const toColumn = (column: CardTableColumn, index: number): Column => {
    const header: TextBlock = { type: 'TextBlock', text: column.header, weight: 'Bolder' };
    const cells = rows.map((row): TextBlock => ({ type: 'TextBlock', text: row[index] || ' ' }));
    return { type: 'Column', width: column.width, items: [header, ...cells] };
  };
  return { type: 'ColumnSet', columns: columns.map(toColumn) };
}
