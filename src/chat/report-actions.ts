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

/** The buttons under a report: missed calls, by extension, previous/next period, export, share. */
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
  if (focus !== 'missed') {
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
