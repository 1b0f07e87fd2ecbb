import { formatTextTable, type TextColumn } from './format-text-table';
import type { StatsTable } from './tabulate-stats';

/** A table of cells as aligned text lines (numbers right), header first. */
export function formatStatsTable(table: StatsTable): string[] {
  const columns = table.columns.map(
    (column): TextColumn => ({
      header: column.header,
      ...(column.numeric ? { align: 'right' as const } : {}),
    }),
  );
  return formatTextTable(columns, table.rows);
}
