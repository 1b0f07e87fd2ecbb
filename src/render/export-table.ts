import { DateTime } from 'luxon';
import type { Report } from '../core/report';
import { stripBidiControls } from '../core/strip-bidi-controls';

/**
 * What a column holds, so that each file format can show it best (CSV writes every kind as text):
 * - `instant`, `local-date`, `local-time`: a report time (ISO with the zone's offset), shown whole,
 *   as its local day, or as its local time of day in the report's zone;
 * - `text`: names and words; `dial`: phone numbers and extensions, which must stay text so that
 *   leading zeros and `+` survive;
 * - `count`: a whole number; `duration`: whole seconds shown as a duration.
 */
export type ExportColumnKind =
  | 'instant'
  | 'local-date'
  | 'local-time'
  | 'text'
  | 'dial'
  | 'count'
  | 'duration';

export interface ExportColumn {
  header: string;
  kind: ExportColumnKind;
  /** A spreadsheet column width, in characters. */
  widthChars: number;
}

/** A value: the ISO time for the time kinds, text for `text` and `dial`, a number for the others. */
export type ExportValue = string | number;

/** One table of an export, the same for CSV and XLSX: the renderers only differ in how they write values. */
export interface ExportTable {
  /** The worksheet's name (31 characters at most, none of `\ / ? * [ ] :`). */
  sheetName: string;
  /** What a row is, for messages (`plural` adds the s): `call`, `extension`. */
  rowNoun: string;
  /** The report's IANA zone: local dates and times are read in it. */
  timeZone: string;
  columns: ExportColumn[];
  /** One value per column; PBX texts are already without bidi controls. */
  rows: ExportValue[][];
}

const column = (header: string, kind: ExportColumnKind, widthChars: number): ExportColumn => ({
  header,
  kind,
  widthChars,
});

/**
 * The report's calls (the `list` view), one row each: `start`, `date`, `time`, `direction`,
 * `from`, `from name`, `to`, `to name`, `answered`, `talk`, `talk seconds`, `wait`, `wait seconds`.
 */
export function tabulateCallsForExport(report: Report): ExportTable {
  return {
    sheetName: 'Calls',
    rowNoun: 'call',
    timeZone: report.window.timeZone,
    columns: [
      column('start', 'instant', 20),
      column('date', 'local-date', 11),
      column('time', 'local-time', 9),
      column('direction', 'text', 10),
      column('from', 'dial', 18),
      column('from name', 'text', 24),
      column('to', 'dial', 18),
      column('to name', 'text', 24),
      column('answered', 'text', 9),
      column('talk', 'duration', 9),
      column('talk seconds', 'count', 12),
      column('wait', 'duration', 9),
      column('wait seconds', 'count', 12),
    ],
    rows: (report.calls ?? []).map((call) => [
      call.start,
      call.start,
      call.start,
      call.direction,
      clean(call.from),
      clean(call.fromName),
      clean(call.to),
      clean(call.toName),
      call.answered ? 'yes' : 'no',
      call.talkSeconds,
      call.talkSeconds,
      call.waitSeconds,
      call.waitSeconds,
    ]),
  };
}

/**
 * The report's per-extension table (what *By extension* shows first), one row per extension:
 * `extension`, `name`, `calls`, `answered`, `missed`, `outbound`, `talk`, `talk seconds`.
 */
export function tabulateExtensionsForExport(report: Report): ExportTable {
  return {
    sheetName: 'By extension',
    rowNoun: 'extension',
    timeZone: report.window.timeZone,
    columns: [
      column('extension', 'dial', 10),
      column('name', 'text', 24),
      column('calls', 'count', 8),
      column('answered', 'count', 9),
      column('missed', 'count', 8),
      column('outbound', 'count', 9),
      column('talk', 'duration', 10),
      column('talk seconds', 'count', 12),
    ],
    rows: report.byExtension.map((row) => [
      clean(row.extension),
      clean(row.name),
      row.calls,
      row.answered,
      row.missed,
      row.outbound,
      row.talkSeconds,
      row.talkSeconds,
    ]),
  };
}

/**
 * A report time in the report's zone. Report times carry that zone's offset already; a zone luxon
 * does not know keeps the offset the time was written with.
 */
export function toLocalDateTime(isoTime: string, timeZone: string): DateTime {
  const inZone = DateTime.fromISO(isoTime, { zone: timeZone });
  return inZone.isValid ? inZone : DateTime.fromISO(isoTime, { setZone: true });
}

/** The report's texts have no bidi controls (see call-texts); removed here too, as every shown PBX text is. */
function clean(text: string): string {
  return stripBidiControls(text);
}
