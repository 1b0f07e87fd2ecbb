import { type ExportColumn, type ExportTable, type ExportValue, toLocalDateTime } from './export-table';

/** UTF-8's byte-order mark: without it Excel reads the file as ANSI and shows `ChloÃ©` for `Chloé`. */
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * An export table as CSV (RFC 4180, CRLF, a leading byte-order mark), for spreadsheets. Times are
 * the report's ISO time (`start`) and its local date and time of day in the report's zone;
 * durations are `h:mm:ss`. Cells that a spreadsheet would run as a formula (starting with `=`,
 * `+`, `-`, `@`, tab or carriage return) get a leading apostrophe, so a caller id like
 * `=HYPERLINK(...)` stays text. Phone numbers such as `+4420...` are affected too: the apostrophe
 * only hides in the spreadsheet (the XLSX export needs no such escape).
 */
export function renderCsv(table: ExportTable): string {
  const lines = [table.columns.map((column) => toCell(column.header)).join(',')];
  for (const row of table.rows) {
    lines.push(
      table.columns.map((column, index) => toCell(formatValue(column, row[index], table))).join(','),
    );
  }
  return `${BYTE_ORDER_MARK}${lines.join('\r\n')}\r\n`;
}

/** Whole seconds as `h:mm:ss`, hours unbounded: `0:03:12`, `1:02:03`, `26:00:00`. */
export function formatHoursMinutesSeconds(seconds: number): string {
  const total = Number.isFinite(seconds) ? Math.max(0, Math.round(seconds)) : 0;
  const twoDigits = (value: number) => String(value).padStart(2, '0');
  return `${Math.floor(total / 3600)}:${twoDigits(Math.floor((total % 3600) / 60))}:${twoDigits(total % 60)}`;
}

function formatValue(column: ExportColumn, value: ExportValue | undefined, table: ExportTable): string {
  if (value === undefined) return '';
  switch (column.kind) {
    case 'instant':
      return String(value);
    case 'local-date':
    case 'local-time': {
      const local = toLocalDateTime(String(value), table.timeZone);
      if (!local.isValid) return String(value);
      return local.toFormat(column.kind === 'local-date' ? 'yyyy-MM-dd' : 'HH:mm:ss');
    }
    case 'duration':
      return formatHoursMinutesSeconds(Number(value));
    case 'count':
      return String(value);
    case 'text':
    case 'dial':
      return escapeFormula(String(value));
  }
}

function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function toCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
