import type { Report, ReportTotals } from '../../src/core/report';
import { listKeyFigures } from '../../src/render/list-key-figures';

/**
 * What chat shows beside a headline figure against the previous period, written out here apart
 * from the renderer (the spec's "Answers beyond the summary"): ▲/▼ with the percent change of
 * the earlier value, rounded half up (`<1%` when that rounds to nothing; a percentage in points,
 * `pp`); `new` when the earlier value was 0 (or had nothing to measure), `=` when equal; `(better)`
 * or `(worse)` where the direction matters (fewer missed, a shorter wait, a higher service level).
 */
type Better = 'higher' | 'lower' | 'neither';

function arrow(up: boolean, amount: string, better: Better): string {
  const text = `${up ? '▲' : '▼'} ${amount}`;
  if (better === 'neither') return text;
  return `${text} (${up === (better === 'higher') ? 'better' : 'worse'})`;
}

/** `▲ 15%`, `▼ 20% (better)`, `new`, `=`: a count's or a duration's change. */
export function expectedCountChange(current: number, previous: number, better: Better): string {
  if (current === previous) return '=';
  if (previous === 0) return 'new';
  const percent = Math.floor((Math.abs(current - previous) * 100) / previous + 0.5);
  return arrow(current > previous, percent === 0 ? '<1%' : `${percent.toLocaleString('en-US')}%`, better);
}

/** `▼ 8 pp (worse)`: a percentage's change in points. */
export function expectedPointChange(current: number, previous: number, better: Better): string {
  if (current === previous) return '=';
  return arrow(current > previous, `${Math.abs(current - previous)} pp`, better);
}

/**
 * The change beside each key figure (by label): calls, answered, missed, service level and
 * average wait; the service level only with inbound calls, the average wait only with answered
 * inbound calls ("new" when only the previous period had nothing to measure).
 */
export function expectedKeyFigureChanges(
  current: ReportTotals,
  previous: ReportTotals,
): Record<string, string> {
  const changes: Record<string, string> = {
    Calls: expectedCountChange(current.calls, previous.calls, 'neither'),
    Answered: expectedCountChange(current.answered, previous.answered, 'neither'),
    Missed: expectedCountChange(current.missed, previous.missed, 'lower'),
  };
  const answeredInbound = (totals: ReportTotals) => totals.inbound - totals.missed;
  if (current.inbound > 0) {
    changes['Service level'] =
      previous.inbound > 0
        ? expectedPointChange(current.serviceLevelPercent, previous.serviceLevelPercent, 'higher')
        : 'new';
  }
  if (answeredInbound(current) > 0) {
    changes['Average wait'] =
      answeredInbound(previous) > 0
        ? expectedCountChange(current.avgWaitSeconds, previous.avgWaitSeconds, 'lower')
        : 'new';
  }
  return changes;
}

/**
 * A report's key figures as chat shows them on a summary: each value (as `listKeyFigures` formats
 * the totals) followed by its change against `report.previous`, which the report must carry.
 */
export function expectedKeyFigures(report: Report): { label: string; value: string }[] {
  const { previous } = report;
  if (!previous) throw new Error('the report has no previous period to compare with');
  const changes = expectedKeyFigureChanges(report.totals, previous.totals);
  return listKeyFigures(report.totals).map(({ label, value }) => ({
    label,
    value: changes[label] ? `${value} ${changes[label]}` : value,
  }));
}

/** The totals' one-line summary with the calls' change: `164 calls (▲ 19%), 122 answered, 28 missed`. */
export function expectedCountsWithChange(report: Report): string {
  const { previous, totals } = report;
  if (!previous) throw new Error('the report has no previous period to compare with');
  const calls = `${totals.calls.toLocaleString('en-US')} call${totals.calls === 1 ? '' : 's'}`;
  const change = expectedCountChange(totals.calls, previous.totals.calls, 'neither');
  return `${calls} (${change}), ${totals.answered.toLocaleString('en-US')} answered, ${totals.missed.toLocaleString('en-US')} missed`;
}

/**
 * The one-line summary of a report whose request names extensions (its `focus`, which leads):
 * `Ben Okafor (ext 101) offered 58, answered 29, missed 13; 66 calls in all`.
 */
export function expectedFocusSummary(report: Report): string {
  const focus = report.focus ?? [];
  if (focus.length === 0) throw new Error('the report has no focus (no extension named)');
  const own = focus
    .map(
      (entry) =>
        `${entry.name ? `${entry.name} (ext ${entry.extension})` : `ext ${entry.extension}`} offered ${entry.offered.toLocaleString('en-US')}, answered ${entry.answered.toLocaleString('en-US')}, missed ${entry.missed.toLocaleString('en-US')}`,
    )
    .join('; ');
  const { calls } = report.totals;
  return `${own}; ${calls.toLocaleString('en-US')} call${calls === 1 ? '' : 's'} in all`;
}
