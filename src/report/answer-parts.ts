import type { ComparisonBy, ComparisonColumn } from '../core/answers';
import { describeWindow } from '../core/describe-window';
import type { Report } from '../core/report';
import type { ReportRequest } from '../core/report-request';
import type { TimeWindow } from '../core/time-window';

/**
 * The extensions whose own figures (`focus`) a report shows: those the request names (people are
 * resolved to theirs before this), else an agent's own extensions when their request was narrowed
 * to them (a scope of extensions only). None otherwise.
 */
export function focusExtensionsOf(request: ReportRequest): string[] {
  if (request.filters.extensions.length > 0) return [...request.filters.extensions];
  const scope = request.scope;
  if (scope && scope.queues.length === 0 && request.filters.queues.length === 0) return [...scope.extensions];
  return [];
}

/** A plain summary gets the previous period; a ranking, trend, comparison or list does not. */
export function wantsPreviousPeriod(request: ReportRequest): boolean {
  return (
    request.view === 'summary' &&
    request.ranking === undefined &&
    request.trend === undefined &&
    request.comparison === undefined
  );
}

/** One side of a comparison as the report shows it, labelled for what tells it apart. */
export function toComparisonColumn(by: ComparisonBy, window: TimeWindow, report: Report): ComparisonColumn {
  return {
    label: by === 'period' ? describeWindow(window) : labelSide(by, report),
    window: report.window,
    filters: { extensions: [...report.filters.extensions], queues: [...report.filters.queues] },
    totals: report.totals,
    focus: report.focus ?? [],
  };
}

function labelSide(by: Exclude<ComparisonBy, 'period'>, report: Report): string {
  switch (by) {
    case 'extension':
      return report.filters.extensions
        .map((extension) => {
          const name = report.focus?.find((entry) => entry.extension === extension)?.name ?? '';
          return name === '' ? `ext ${extension}` : `${name} (ext ${extension})`;
        })
        .join(', ');
    case 'queue':
      return report.filters.queues
        .map((queue) => {
          const name = report.byQueue.find((entry) => entry.queue === queue)?.name ?? '';
          return name === '' ? `queue ${queue}` : `${name} (queue ${queue})`;
        })
        .join(', ');
  }
}
