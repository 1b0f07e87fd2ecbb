import type { ReportTotals } from '../core/report';
import {
  type Better,
  type Change,
  describeCountChange,
  describeMeasuredChange,
  describePointChange,
  formatChange,
} from './describe-change';
import { formatDuration } from './format-duration';
import { formatCount, formatPercent, formatShare } from './format-number';
import { measurableTotals, orNothing } from './nothing-to-measure';

/** One headline number of a report, already formatted; `change` against the previous period. */
export interface KeyFigure {
  label: string;
  value: string;
  change?: string;
}

/**
 * The report's headline numbers in reading order (9 figures, fits Slack's 10 fields). Service
 * level and averages with nothing to measure read "—". With `previous` (the period before), the
 * calls, answered, missed, service level and average wait carry their change (▲/▼).
 */
export function listKeyFigures(totals: ReportTotals, previous?: ReportTotals): KeyFigure[] {
  const withShare = (count: number, whole: number, suffix = '') => {
    const share = formatShare(count, whole);
    return share ? `${formatCount(count)} (${share}${suffix})` : formatCount(count);
  };
  const measurable = measurableTotals(totals);
  const changes = previous ? listChanges(totals, previous) : {};
  const figures: KeyFigure[] = [
    { label: 'Calls', value: formatCount(totals.calls), change: changes.calls },
    {
      label: 'Inbound / outbound / internal',
      value: `${formatCount(totals.inbound)} / ${formatCount(totals.outbound)} / ${formatCount(totals.internal)}`,
    },
    { label: 'Answered', value: withShare(totals.answered, totals.calls), change: changes.answered },
    {
      label: 'Missed',
      value: withShare(totals.missed, totals.inbound, ' of inbound'),
      change: changes.missed,
    },
    {
      label: 'Service level',
      value: orNothing(formatPercent(totals.serviceLevelPercent), measurable.serviceLevel),
      change: changes.serviceLevel,
    },
    { label: 'Talk time', value: formatDuration(totals.talkSeconds) },
    { label: 'Average talk', value: orNothing(formatDuration(totals.avgTalkSeconds), measurable.avgTalk) },
    {
      label: 'Average wait',
      value: orNothing(formatDuration(totals.avgWaitSeconds), measurable.avgWait),
      change: changes.avgWait,
    },
    { label: 'Longest call', value: formatDuration(totals.longestTalkSeconds) },
  ];
  return figures.map(({ change, ...figure }) => (change ? { ...figure, change } : figure));
}

/** A figure with its change after it, for one line or one field: `69 ▲ 15%`. */
export function figureWithChange(figure: KeyFigure): string {
  return figure.change ? `${figure.value} ${figure.change}` : figure.value;
}

type ChangedFigure = 'calls' | 'answered' | 'missed' | 'talk' | 'serviceLevel' | 'avgWait';

/** The changes of the compared figures, formatted; a figure with nothing to compare has none. */
export function listChanges(
  current: ReportTotals,
  previous: ReportTotals,
): Partial<Record<ChangedFigure, string>> {
  const now = measurableTotals(current);
  const before = measurableTotals(previous);
  const count = (field: 'calls' | 'answered' | 'missed', better: Better) =>
    describeCountChange(current[field], previous[field], better);
  const changes: Record<ChangedFigure, Change | undefined> = {
    calls: count('calls', 'neither'),
    answered: count('answered', 'neither'),
    missed: count('missed', 'lower'),
    talk: describeCountChange(current.talkSeconds, previous.talkSeconds, 'neither'),
    serviceLevel: describeMeasuredChange(
      { value: current.serviceLevelPercent, measurable: now.serviceLevel },
      { value: previous.serviceLevelPercent, measurable: before.serviceLevel },
      (a, b) => describePointChange(a, b, 'higher'),
    ),
    avgWait: describeMeasuredChange(
      { value: current.avgWaitSeconds, measurable: now.avgWait },
      { value: previous.avgWaitSeconds, measurable: before.avgWait },
      (a, b) => describeCountChange(a, b, 'lower'),
    ),
  };
  const formatted: Partial<Record<ChangedFigure, string>> = {};
  for (const [key, change] of Object.entries(changes) as [ChangedFigure, Change | undefined][]) {
    if (change) formatted[key] = formatChange(change);
  }
  return formatted;
}
