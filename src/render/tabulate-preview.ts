import type { RawCallLogRow } from '../core/call-log-source';
import { cleanText, truncateText } from './clean-text';

/** Raw rows as a small table of text: the first `maxColumns` fields (in first-seen order). */
export interface PreviewTable {
  columns: string[];
  cells: string[][];
  /** Fields left out to keep the table narrow. */
  hiddenColumnCount: number;
}

/** Tabulates raw PBX rows generically (renderers know no 3CX field names). */
export function tabulatePreview(
  rows: RawCallLogRow[],
  maxColumns: number,
  maxCellChars: number,
): PreviewTable {
  const allColumns: string[] = [];
  for (const row of rows) {
    for (const key of Object.keys(row)) if (!allColumns.includes(key)) allColumns.push(key);
  }
  const columns = allColumns.slice(0, maxColumns);
  const cells = rows.map((row) =>
    columns.map((column) => truncateText(formatCell(row[column]), maxCellChars)),
  );
  return {
    columns: columns.map((column) => truncateText(cleanText(column), maxCellChars)),
    cells,
    hiddenColumnCount: allColumns.length - columns.length,
  };
}

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return cleanText(JSON.stringify(value) ?? '');
}
