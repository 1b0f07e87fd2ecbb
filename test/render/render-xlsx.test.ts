import type { DemoPbx } from '../../src/demo/demo-pbx';
import { BIDI_CONTROLS, SHOWN_CALLER_NAME } from '../helpers/bidi-call-row';
import { buildExportCallRows, EXPORT_CALLS_HOUR } from '../helpers/export-call-rows';
import {
  cellXml,
  readFirstSheetXml,
  readXlsx,
  secondsOfTimeValue,
  type XlsxSheet,
} from '../helpers/read-xlsx';
import { runCliInProcess } from '../helpers/run-cli-in-process';
import { startPbxServingRows } from '../helpers/serve-call-log-rows';

const NOW = new Date('2026-11-29T10:00:00Z');
const HEADER = [
  'start',
  'date',
  'time',
  'direction',
  'from',
  'from name',
  'to',
  'to name',
  'answered',
  'talk',
  'talk seconds',
  'wait',
  'wait seconds',
];

let pbx: DemoPbx;
beforeAll(async () => {
  pbx = await startPbxServingRows(NOW, buildExportCallRows());
});
afterAll(async () => {
  await pbx.close();
});

/** `calls list <hour> --format xlsx --tz Europe/Berlin`: the bytes on stdout. */
async function exportXlsx(env: Record<string, string> = {}): Promise<Buffer> {
  const run = await runCliInProcess(
    ['list', ...EXPORT_CALLS_HOUR, '--format', 'xlsx', '--tz', 'Europe/Berlin', '--now', NOW.toISOString()],
    { pbx, now: NOW, env },
  );
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return run.stdoutBytes;
}

/** The cell of `sheet` under `header` in data row `row` (1 = the first call). */
function cellOf(sheet: XlsxSheet, row: number, header: string) {
  const column = HEADER.indexOf(header);
  const cell = sheet.rows[row]?.[column];
  if (!cell) throw new Error(`no cell ${header} in row ${row}`);
  return cell;
}

describe('the XLSX export (through the terminal, read back with exceljs)', () => {
  let sheet: XlsxSheet;
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await exportXlsx();
    sheet = await readXlsx(bytes);
  });

  it('is one "Calls" sheet with the CSV columns as its header and a row per call, newest first', () => {
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(sheet.name).toBe('Calls');
    expect(sheet.values[0]).toEqual(HEADER);
    expect(sheet.rows).toHaveLength(3);
  });

  it('holds the start as a date-time: the local wall-clock time in the report zone', () => {
    expect(cellOf(sheet, 1, 'start')).toEqual({
      value: new Date('2026-11-27T10:15:00.000Z'),
      numFmt: 'yyyy-mm-dd hh:mm:ss',
    });
    expect(cellOf(sheet, 2, 'start').value).toEqual(new Date('2026-11-27T10:02:39.000Z'));
    expect(cellOf(sheet, 2, 'date')).toEqual({
      value: new Date('2026-11-27T00:00:00.000Z'),
      numFmt: 'yyyy-mm-dd',
    });
    const time = cellOf(sheet, 2, 'time');
    expect(time.numFmt).toBe('hh:mm:ss');
    expect(secondsOfTimeValue(time.value)).toBe(10 * 3600 + 2 * 60 + 39);
  });

  it('holds durations as Excel time values formatted [h]:mm:ss, and seconds as numbers', () => {
    const talk = cellOf(sheet, 2, 'talk');
    expect(talk.numFmt).toBe('[h]:mm:ss');
    expect(secondsOfTimeValue(talk.value)).toBe(3723);
    expect(cellOf(sheet, 2, 'talk seconds').value).toBe(3723);
    expect(secondsOfTimeValue(cellOf(sheet, 1, 'wait').value)).toBe(18);
    expect(cellOf(sheet, 1, 'wait seconds').value).toBe(18);
    // Stored as plain numbers (a day's fraction), not text: 3723 s is 0.0430902… of a day.
    const xml = readFirstSheetXml(bytes);
    expect(cellXml(xml, 'J3')).toMatch(/^<c r="J3" s="\d+"><v>0\.04309027777\d*<\/v><\/c>$/);
    expect(cellXml(xml, 'K3')).toMatch(/^<c r="K3"(?: s="\d+")?><v>3723<\/v><\/c>$/);
  });

  it('holds phone numbers and extensions as text, so "+" and leading zeros stay', () => {
    expect(cellOf(sheet, 1, 'from')).toEqual({ value: '+442071234567', numFmt: '@' });
    expect(cellOf(sheet, 2, 'from')).toEqual({ value: '02071234567', numFmt: '@' });
    expect(cellOf(sheet, 2, 'to')).toEqual({ value: '101', numFmt: '@' });
    expect(cellXml(readFirstSheetXml(bytes), 'G3')).toMatch(/ t="s"/);
  });

  it('holds the names without bidi controls (ZWJ/ZWNJ kept) and answered as yes/no', () => {
    expect(sheet.values.slice(1).map((row) => [row[3], row[5], row[7], row[8]])).toEqual([
      ['inbound', SHOWN_CALLER_NAME, 'Ben Okafor', 'no'],
      ['inbound', 'Chloé Dupont', 'Ben Okafor', 'yes'],
    ]);
    const texts = sheet.values.flat().filter((value) => typeof value === 'string');
    expect(texts.join('\n')).not.toMatch(BIDI_CONTROLS);
  });

  it('masks external numbers with PRIVACY_MASK_NUMBERS', async () => {
    const masked = await readXlsx(await exportXlsx({ PRIVACY_MASK_NUMBERS: 'true' }));
    expect(masked.values.slice(1).map((row) => [row[4], row[6]])).toEqual([
      ['+44 20•• ••4567', '101'],
      ['02•• •••4567', '101'],
    ]);
  });
});
