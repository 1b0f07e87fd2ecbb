import type { ReportReply } from '../core/reply';

/** The parts of a report reply, in the order a renderer shows them after the heading and notes. */
export type ReportSection = 'empty' | 'figures' | 'extensions' | 'queues' | 'hours' | 'missed' | 'calls';

/**
 * Which sections a report reply shows, in order: the focused one first (missed calls or the
 * extensions table), then figures, extensions, queues, calls by hour, missed calls. The `list`
 * view shows figures and the calls. Sections with nothing in them are left out.
 */
export function orderSections(reply: ReportReply): ReportSection[] {
  const { report } = reply;
  if (report.totals.calls === 0 && (report.calls ?? []).length === 0 && report.missedCalls.length === 0) {
    return ['empty'];
  }
  if (reply.view === 'list') return ['figures', 'calls'];
  const shown: ReportSection[] = ['figures'];
  if (report.byExtension.length > 0) shown.push('extensions');
  if (report.byQueue.length > 0) shown.push('queues');
  if (report.byHour.some((count) => count > 0)) shown.push('hours');
  if (report.missedCalls.length > 0 || reply.focus === 'missed') shown.push('missed');
  const focused: ReportSection | null =
    reply.focus === 'missed' ? 'missed' : reply.focus === 'extensions' ? 'extensions' : null;
  if (!focused || !shown.includes(focused)) return shown;
  return [focused, ...shown.filter((section) => section !== focused)];
}

/** What to say when a report has no calls at all. */
export function describeEmptyReport(reply: ReportReply): string {
  return reply.focus === 'missed' ? 'No missed calls in this window.' : 'No calls in this window.';
}
