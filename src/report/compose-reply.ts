import { describeWindow } from '../core/describe-window';
import type { ReplyAction, ReportReply } from '../core/reply';
import type { Report } from '../core/report';
import type { ReportRequest } from '../core/report-request';

/** Wraps a finished report for the renderers: window label, what to show first, notes and buttons. */
export function composeReportReply(
  request: ReportRequest,
  report: Report,
  extras: { actions?: ReplyAction[]; notes?: string[]; focus?: ReportReply['focus'] } = {},
): ReportReply {
  return {
    kind: 'report',
    view: request.view === 'list' ? 'list' : 'summary',
    focus: extras.focus ?? (request.filters.status === 'missed' ? 'missed' : 'summary'),
    report,
    windowLabel: describeWindow(request.window),
    notes: extras.notes ?? [],
    actions: extras.actions ?? [],
  };
}
