import type { ReportTotals } from '../core/report';
import { formatDuration } from './format-duration';
import { formatCount, formatPercent, formatShare } from './format-number';

/** One headline number of a report, already formatted. */
export interface KeyFigure {
  label: string;
  value: string;
}

/** The report's headline numbers in reading order (9 figures, fits Slack's 10 fields). */
export function listKeyFigures(totals: ReportTotals): KeyFigure[] {
  const withShare = (count: number, whole: number, suffix = '') => {
    const share = formatShare(count, whole);
    return share ? `${formatCount(count)} (${share}${suffix})` : formatCount(count);
  };
  return [
    { label: 'Calls', value: formatCount(totals.calls) },
    {
      label: 'Inbound / outbound / internal',
      value: `${formatCount(totals.inbound)} / ${formatCount(totals.outbound)} / ${formatCount(totals.internal)}`,
    },
    { label: 'Answered', value: withShare(totals.answered, totals.calls) },
    { label: 'Missed', value: withShare(totals.missed, totals.inbound, ' of inbound') },
    { label: 'Service level', value: formatPercent(totals.serviceLevelPercent) },
    { label: 'Talk time', value: formatDuration(totals.talkSeconds) },
    { label: 'Average talk', value: formatDuration(totals.avgTalkSeconds) },
    { label: 'Average wait', value: formatDuration(totals.avgWaitSeconds) },
    { label: 'Longest call', value: formatDuration(totals.longestTalkSeconds) },
  ];
}
