import type { CellValue, Buffer as ExcelBuffer } from 'exceljs';
import { Workbook } from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';

/** A cell as a spreadsheet reads it: exceljs's value and its number format. */
export interface XlsxCell {
  value: CellValue;
  numFmt: string | undefined;
}

/** The one worksheet of an export, read back with exceljs. */
export interface XlsxSheet {
  name: string;
  /** Every row's cells, the header first. */
  rows: XlsxCell[][];
  /** The rows' values only, the header first. */
  values: CellValue[][];
}

/** Reads an XLSX export (one worksheet) back with exceljs, as a spreadsheet program would. */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxSheet> {
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  const sheet = workbook.worksheets[0]!;
  const rows: XlsxCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: XlsxCell[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) {
      const cell = row.getCell(column);
      cells.push({ value: cell.value, numFmt: cell.numFmt });
    }
    rows.push(cells);
  });
  return { name: sheet.name, rows, values: rows.map((row) => row.map((cell) => cell.value)) };
}

/** Excel's day 0 (1899-12-30), as exceljs reads date and time values back: as Dates. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A time or duration cell in seconds. exceljs turns every number with a date-like format
 * (`hh:mm:ss`, `[h]:mm:ss`) into a Date from Excel's day 0; a plain number is a fraction of a day.
 */
export function secondsOfTimeValue(value: CellValue): number {
  if (value instanceof Date) return Math.round((value.getTime() - EXCEL_EPOCH_MS) / 1000);
  if (typeof value === 'number') return Math.round(value * 86_400);
  throw new Error(`not a time value: ${JSON.stringify(value)}`);
}

/**
 * The raw XML of the first worksheet, to see how a cell is stored (`<c r="J3" s="5"><v>0.04…</v></c>`
 * is a number; `t="s"` a shared string), which exceljs hides by turning date-formatted numbers into Dates.
 */
export function readFirstSheetXml(bytes: Uint8Array): string {
  const files = unzipSync(new Uint8Array(bytes));
  const sheet = files['xl/worksheets/sheet1.xml'];
  if (!sheet) throw new Error(`no first worksheet among ${Object.keys(files).join(', ')}`);
  return strFromU8(sheet);
}

/** The `<c …>…</c>` element of cell `ref` (e.g. `J3`) in a worksheet's XML. */
export function cellXml(sheetXml: string, ref: string): string {
  const match = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`).exec(sheetXml);
  if (!match) throw new Error(`no cell ${ref}`);
  return match[0];
}
