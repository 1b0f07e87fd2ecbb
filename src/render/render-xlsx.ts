import type { DateTime } from 'luxon';
import { type ExportColumn, type ExportTable, type ExportValue, toLocalDateTime } from './export-table';

export interface XlsxOptions {
  /** The workbook's title property (shown in the file's properties). */
  title: string;
  /** The workbook's created/modified properties: the caller's clock, never read here. */
  createdAt: Date;
}

const SECONDS_PER_DAY = 86_400;

/** Excel number formats by column kind; `@` is Excel's text format. Absent: General. */
const NUMBER_FORMATS: Partial<Record<ExportColumn['kind'], string>> = {
  instant: 'yyyy-mm-dd hh:mm:ss',
  'local-date': 'yyyy-mm-dd',
  'local-time': 'hh:mm:ss',
  duration: '[h]:mm:ss',
  dial: '@',
};

/**
 * An export table as an Excel workbook of one sheet: a bold, frozen header row with filters, then
 * one row per table row. Times are Excel dates in the report's zone (Excel has no zones: the cell
 * holds the local wall-clock time, as the CSV's `date` and `time` columns do); durations are Excel
 * time values formatted `[h]:mm:ss`; phone numbers and extensions are text, so `0123…` and `+44…`
 * stay as written; counts are numbers. Texts are never formulas, so nothing needs escaping.
 */
export async function renderXlsx(table: ExportTable, options: XlsxOptions): Promise<Buffer> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  workbook.creator = 'calls-bot';
  workbook.title = options.title;
  workbook.description = `Times are local to ${table.timeZone}.`;
  workbook.created = options.createdAt;
  workbook.modified = options.createdAt;
  const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => {
    const numFmt = NUMBER_FORMATS[column.kind];
    return { width: column.widthChars, ...(numFmt && { style: { numFmt } }) };
  });
  const header = sheet.addRow(table.columns.map((column) => column.header));
  header.eachCell((cell) => {
    cell.style = { font: { bold: true } };
  });
  sheet.addRows(
    table.rows.map((row) =>
      table.columns.map((column, index) => toCellValue(column, row[index], table.timeZone)),
    ),
  );
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type ExcelJs = typeof import('exceljs');

/**
 * exceljs, loaded on first use: it takes over a second to load, and most runs never export. It is
 * CommonJS: Node's ESM loader (tsx) hands its exports over as `default`, a CommonJS build as both.
 */
async function loadExcelJs(): Promise<ExcelJs> {
  const loaded = (await import('exceljs')) as ExcelJs & { default?: ExcelJs };
  return loaded.default ?? loaded;
}

function toCellValue(
  column: ExportColumn,
  value: ExportValue | undefined,
  timeZone: string,
): string | number | Date | null {
  if (value === undefined) return null;
  switch (column.kind) {
    case 'instant':
    case 'local-date':
    case 'local-time': {
      const local = toLocalDateTime(String(value), timeZone);
      if (!local.isValid) return String(value);
      if (column.kind === 'local-time') return secondsIntoDay(local) / SECONDS_PER_DAY;
      return wallClockAsUtc(column.kind === 'local-date' ? local.startOf('day') : local);
    }
    case 'duration':
      return Number(value) / SECONDS_PER_DAY;
    case 'count':
      return Number(value);
    case 'text':
    case 'dial':
      return String(value);
  }
}

/** exceljs writes a Date's UTC fields: a Date whose UTC fields are the local wall-clock time. */
function wallClockAsUtc(local: DateTime): Date {
  return new Date(
    Date.UTC(
      local.year,
      local.month - 1,
      local.day,
      local.hour,
      local.minute,
      local.second,
      local.millisecond,
    ),
  );
}

function secondsIntoDay(local: DateTime): number {
  return local.hour * 3600 + local.minute * 60 + local.second;
}
