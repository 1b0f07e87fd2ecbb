import type { ReplyAction, ReportFocus } from '../core/reply';
import type { ReportRequest } from '../core/report-request';
import { encodeActionValue } from './action-value';
import { formatCommand } from './format-command';
import { shiftWindow } from './shift-window';

/** Which optional buttons a platform offers (Teams has no CSV export or sharing). */
export interface ActionOptions {
  exportCsv: boolean;
  share: boolean;
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
 * - **Export CSV** and **Share to channel** where the platform offers them.
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
  if (missedOnly || focus !== 'summary') {
    const withoutMissed = missedOnly
      ? { ...summary, filters: { ...request.filters, status: null } }
      : summary;
    actions.push(action('summary', 'Summary', formatCommand(withoutMissed), 'summary'));
  } else {
    const missed = { ...summary, filters: { ...request.filters, status: 'missed' as const } };
    actions.push(action('missed', 'Missed calls', formatCommand(missed), 'missed'));
  }
  if (focus !== 'extensions')
    actions.push(action('by-extension', 'By extension', formatCommand(request), 'extensions'));
  const previous = shiftWindow(request.window, -1, now);
  if (previous) actions.push(action('previous', '◀ Previous', formatCommand(request, previous), focus));
  const next = shiftWindow(request.window, 1, now);
  if (next) actions.push(action('next', 'Next ▶', formatCommand(request, next), focus));
  if (options.exportCsv)
    actions.push(action('export-csv', 'Export CSV', formatCommand({ ...request, view: 'list' }), focus));
  if (options.share) actions.push(action('share', 'Share to channel', formatCommand(request), focus));
  return actions;
}
