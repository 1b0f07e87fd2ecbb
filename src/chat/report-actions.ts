import type { ReplyAction, ReplyActionId, ReportFocus } from '../core/reply';
import type { ReportRequest } from '../core/report-request';
import type { ExportFormat } from '../render/render-export';
import { encodeActionValue } from './action-value';
import { formatCommand } from './format-command';
import { shiftWindow } from './shift-window';

/** Which optional buttons a platform offers (Teams has no file exports or sharing). */
export interface ActionOptions {
  /** The export buttons, CSV and XLSX: only where the platform can send the asker a file. */
  exportCsv: boolean;
  share: boolean;
}

/** The export buttons and the file format each makes. */
const EXPORT_FORMATS: Readonly<Partial<Record<ReplyActionId, ExportFormat>>> = {
  'export-csv': 'csv',
  'export-xlsx': 'xlsx',
};

/** The file format of an export button, or undefined for any other button. */
export function exportFormatOf(id: ReplyActionId): ExportFormat | undefined {
  return EXPORT_FORMATS[id];
}

/** Whether a platform with `options` offers the button `id` (the others are offered everywhere). */
export function isActionOffered(id: ReplyActionId, options: ActionOptions): boolean {
  if (exportFormatOf(id)) return options.exportCsv;
  return id !== 'share' || options.share;
}

/**
 * The buttons under a report, decided here once for every platform (renderers only draw them):
 *
 * - **Summary** on a report that is missed-only (`missed`) or shows missed calls or extensions
 *   first: the same command without `missed`, summary first. It stands where *Missed calls*
 *   would, so a button that was used leaves a way back.
 * - **Missed calls** otherwise: the same command with `missed`, missed calls first.
 * - **By extension** unless the extensions are first already.
 * - **◀ Previous** / **Next ▶**: the period before / after (see `shiftWindow`), each only when it
 *   starts before `now`, which must be the clock the request was read with: a window that is cut
 *   at now ("today", "past 3 hours") has no Next.
 * - **Export CSV** / **Export XLSX** and **Share to channel** where the platform offers them. An
 *   export of a view that shows the extensions first is the per-extension table (the command's
 *   summary), otherwise the calls (its `list`).
 *
 * The `unreturned` view gets **Summary** (the period's summary) and no **By extension**; its ◀ / ▶
 * are the unreturned calls of the period before / after, its exports the period's calls.
 *
 * Round-2 answers: a ranking, trend or comparison is one answer at a time, so it gets no **By
 * extension** (the parser refuses both together); a comparison of two periods has no ◀ / ▶ (its
 * sides name their own periods) and no exports (a file holds one period's calls); a ranking's or
 * trend's export is the calls of its period.
 */
export function buildReportActions(
  request: ReportRequest,
  focus: ReportFocus,
  now: Date,
  options: ActionOptions,
): ReplyAction[] {
  const action = (
    id: ReplyAction['id'],
    label: string,
    command: string,
    actionFocus: ReportFocus,
  ): ReplyAction => ({
    id,
    label,
    value: encodeActionValue({ command, focus: actionFocus }),
  });
  const actions: ReplyAction[] = [];
  const summary = { ...request, view: 'summary' as const };
  const missedOnly = request.filters.status === 'missed';
  const unreturned = request.view === 'unreturned';
  if (missedOnly || focus !== 'summary' || unreturned) {
    const withoutMissed = missedOnly
      ? { ...summary, filters: { ...request.filters, status: null } }
      : summary;
    actions.push(action('summary', 'Summary', formatCommand(withoutMissed), 'summary'));
  } else {
    const missed = { ...summary, filters: { ...request.filters, status: 'missed' as const } };
    actions.push(action('missed', 'Missed calls', formatCommand(missed), 'missed'));
  }
  const answer = request.ranking ?? request.trend ?? request.comparison;
  if (focus !== 'extensions' && answer === undefined && !unreturned)
    actions.push(action('by-extension', 'By extension', formatCommand(request), 'extensions'));
  if (request.comparison?.by !== 'period') {
    const previous = shiftWindow(request.window, -1, now);
    if (previous) actions.push(action('previous', '◀ Previous', formatCommand(request, previous), focus));
    const next = shiftWindow(request.window, 1, now);
    if (next) actions.push(action('next', 'Next ▶', formatCommand(request, next), focus));
  }
  if (options.exportCsv && request.comparison === undefined) {
    const { ranking: _ranking, trend: _trend, ...calls } = request;
    const exported = formatCommand({ ...calls, view: focus === 'extensions' ? 'summary' : 'list' });
    actions.push(action('export-csv', 'Export CSV', exported, focus));
    actions.push(action('export-xlsx', 'Export XLSX', exported, focus));
  }
  if (options.share) actions.push(action('share', 'Share to channel', formatCommand(request), focus));
  return actions;
}
