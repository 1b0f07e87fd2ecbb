import type { ReportReply } from '../core/reply';
import { describeCountChange, formatChange } from './describe-change';
import { describeFocusWho } from './describe-focus';
import { summarizeUnreturned } from './describe-unreturned';
import { formatCount, plural } from './format-number';
import { tabulateComparison } from './tabulate-comparison';
import { tabulateRanking } from './tabulate-ranking';

const RANKED_IN_SUMMARY = 3;

/**
 * What a report reply answers, in one line: a comparison's three counts side by side, a
 * ranking's top entries, a trend's buckets and totals, who is still waiting for a call back
 * (`unreturned`), the named extensions' own counts, or the
 * totals (the calls' change against the previous period when there is one).
 */
export function summarizeReport(reply: ReportReply): string {
  const { report, windowLabel } = reply;
  const { totals } = report;
  if (report.comparison) {
    const { title } = tabulateComparison(report.comparison, (text) => text);
    const side = (pick: (totals: typeof report.totals) => number, noun: string) =>
      `${report.comparison?.columns.map((column) => formatCount(pick(column.totals))).join(' vs. ')} ${noun}`;
    return `${title}: ${side((t) => t.calls, 'calls')}, ${side((t) => t.answered, 'answered')}, ${side((t) => t.missed, 'missed')}`;
  }
  if (report.ranking) {
    const { title, table, emptyText } = tabulateRanking(report.ranking, (text) => text);
    const measure = table.columns.findIndex((column) => column.numeric);
    const top = table.rows.slice(0, RANKED_IN_SUMMARY).map((cells) => {
      const who = cells.slice(0, measure).filter((cell) => cell.length > 0);
      return `${who.join(' ')} ${cells[measure] ?? ''}`.trim();
    });
    return `${title}, ${windowLabel}: ${top.length > 0 ? top.join(', ') : emptyText}`;
  }
  if (reply.view === 'unreturned') return `${windowLabel}: ${summarizeUnreturned(report)}`;
  const counts = `${plural(totals.calls, 'call')}, ${formatCount(totals.answered)} answered, ${formatCount(totals.missed)} missed`;
  if (report.trend) {
    const buckets = plural(report.trend.buckets.length, report.trend.by);
    return `${windowLabel} by ${report.trend.by}: ${buckets}, ${counts}`;
  }
  const focus = report.focus ?? [];
  if (focus.length > 0) {
    const own = focus
      .map(
        (entry) =>
          `${describeFocusWho(entry)} offered ${formatCount(entry.offered)}, answered ${formatCount(entry.answered)}, missed ${formatCount(entry.missed)}`,
      )
      .join('; ');
    return `${windowLabel}: ${own}; ${plural(totals.calls, 'call')} in all`;
  }
  if (report.previous) {
    const change = formatChange(describeCountChange(totals.calls, report.previous.totals.calls, 'neither'));
    return `${windowLabel}: ${plural(totals.calls, 'call')} (${change}), ${formatCount(totals.answered)} answered, ${formatCount(totals.missed)} missed`;
  }
  return `${windowLabel}: ${counts}`;
}
