import type { ReportReply } from '../core/reply';
import { listOtherExtensions } from './describe-focus';

/** The parts of a report reply, in the order a renderer shows them after the heading and notes. */
export type ReportSection =
  | 'empty'
  | 'comparison'
  | 'ranking'
  | 'trend'
  | 'focus'
  | 'figures'
  | 'extensions'
  | 'queues'
  | 'hours'
  | 'missed'
  | 'calls'
  | 'unreturned';

/**
 * Which sections a report reply shows, in order. A comparison shows itself; a ranking or a trend
 * leads, followed by the period's figures. A summary shows the figures, extensions, queues,
 * calls by hour and missed calls (the extensions besides the named ones); what leads is the missed calls when asked for, then the named
 * extensions' own figures (`focus`), then the table asked for first (by extension, by queue).
 * The `list` view shows figures and the calls; the `unreturned` view its list (which says so when
 * it is empty), then the figures. Sections with nothing in them are left out.
 */
export function orderSections(reply: ReportReply): ReportSection[] {
  const { report } = reply;
  const hasCalls = report.totals.calls > 0;
  if (report.comparison) return ['comparison'];
  if (report.ranking) return hasCalls ? ['ranking', 'figures'] : ['ranking'];
  if (report.trend) return hasCalls ? ['trend', 'figures'] : ['trend'];
  if (reply.view === 'unreturned') return hasCalls ? ['unreturned', 'figures'] : ['unreturned'];
  if (!hasCalls && (report.calls ?? []).length === 0 && report.missedCalls.length === 0) {
    return ['empty'];
  }
  if (reply.view === 'list') return ['figures', 'calls'];
  const shown: ReportSection[] = ['figures'];
  if (listOtherExtensions(report).length > 0) shown.push('extensions');
  if (report.byQueue.length > 0) shown.push('queues');
  if (report.byHour.some((count) => count > 0)) shown.push('hours');
  if (report.missedCalls.length > 0 || reply.focus === 'missed') shown.push('missed');
  const lead: ReportSection[] = [];
  if (reply.focus === 'missed') lead.push('missed');
  if ((report.focus ?? []).length > 0) lead.push('focus');
  if (reply.focus === 'extensions' && shown.includes('extensions')) lead.push('extensions');
  if (reply.focus === 'queues' && shown.includes('queues')) lead.push('queues');
  return [...lead, ...shown.filter((section) => !lead.includes(section))];
}

/** What to say when a report has no calls at all. */
export function describeEmptyReport(reply: ReportReply): string {
  return reply.focus === 'missed' ? 'No missed calls in this window.' : 'No calls in this window.';
}
