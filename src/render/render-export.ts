import type { ExportTable } from './export-table';
import { renderCsv } from './render-csv';
import { renderXlsx, type XlsxOptions } from './render-xlsx';

/** The file formats of an export: `csv` (text) and `xlsx` (an Excel workbook, bytes). */
export type ExportFormat = 'csv' | 'xlsx';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];

export const EXPORT_MIME_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const satisfies Record<ExportFormat, string>;

export type ExportMimeType = (typeof EXPORT_MIME_TYPES)[ExportFormat];

/** An export table in `format`: CSV as text, XLSX as bytes. */
export function renderExport(
  table: ExportTable,
  format: ExportFormat,
  options: XlsxOptions,
): Promise<string | Buffer> {
  return format === 'csv' ? Promise.resolve(renderCsv(table)) : renderXlsx(table, options);
}
