import { describeWindow } from '../core/describe-window';
import type { ReplyAction, ReportFocus, ReportReply } from '../core/reply';
import type { Report } from '../core/report';
import type { ReportRequest } from '../core/report-request';
import { composeChart } from './compose-chart';

/** Wraps a finished report for the renderers: window label, what to show first, notes and buttons. */
export function composeReportReply(
  request: ReportRequest,
  report: Report,
  extras: { actions?: ReplyAction[]; notes?: string[]; focus?: ReportReply['focus'] } = {},
): ReportReply {
  return {
    kind: 'report',
    view: request.view === 'list' || request.view === 'unreturned' ? request.view : 'summary',
    focus: focusFor(request, extras.focus ?? 'summary'),
    report,
    windowLabel: describeWindow(request.window),
    notes: extras.notes ?? [],
    actions: extras.actions ?? [],
    ...chartOf(report),
  };
}

/** What the reply shows first: a button's choice, else `by extension` (`tableFirst`), else the missed calls when asked for. */
function focusFor(request: ReportRequest, focus: ReportFocus): ReportFocus {
  if (focus !== 'summary') return focus;
  if (request.tableFirst === 'extensions') return 'extensions';
  return request.filters.status === 'missed' ? 'missed' : focus;
}

function chartOf(report: Report): Pick<ReportReply, 'chart'> {
  const chart = composeChart(report);
  return chart ? { chart } : {};
}
