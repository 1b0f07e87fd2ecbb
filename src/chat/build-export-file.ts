import { describeWindow } from '../core/describe-window';
import type { ReportFocus } from '../core/reply';
import type { Report } from '../core/report';
import type { TimeWindow } from '../core/time-window';
import {
  type ExportTable,
  tabulateCallsForExport,
  tabulateExtensionsForExport,
} from '../render/export-table';
import { EXPORT_MIME_TYPES, type ExportFormat, renderExport } from '../render/render-export';
import type { ExportFile } from './answer';
import { nameExportFile } from './name-export-file';

/** An export and how many rows it holds (for the notice that says it was sent). */
export interface BuiltExport {
  file: ExportFile;
  table: ExportTable;
}

/**
 * The file an export button (or `--format`) makes of a report: the per-extension table when the
 * view it sits on shows the extensions first (*By extension*), else the calls of the `list` view.
 * Named after the window's local days: `calls-2026-11-16_2026-11-22.xlsx`,
 * `calls-by-extension-2026-11-16_2026-11-22.csv`.
 */
export async function buildExportFile(
  report: Report,
  window: TimeWindow,
  options: { format: ExportFormat; focus: ReportFocus; createdAt: Date },
): Promise<BuiltExport> {
  const byExtension = options.focus === 'extensions';
  const table = byExtension ? tabulateExtensionsForExport(report) : tabulateCallsForExport(report);
  const title = `${byExtension ? 'Calls by extension' : 'Calls'}, ${describeWindow(window)}`;
  const file: ExportFile = {
    filename: nameExportFile(byExtension ? 'calls-by-extension' : 'calls', window, options.format),
    title,
    mimeType: EXPORT_MIME_TYPES[options.format],
    content: await renderExport(table, options.format, { title, createdAt: options.createdAt }),
  };
  return { file, table };
}
