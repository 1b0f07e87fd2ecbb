import type { Report } from '../core/report';
import { cleanText } from './clean-text';

/**
 * The report's filters as the command words that set them, e.g. `ext 101,102 · inbound`, then the
 * 3CX report options in effect after `3CX:` (`ext 101 · 3CX: time-filter=1 time-from=9:00:00
 * time-to=17:00:00`); '' when none. Every rendering's "Filters:" line is this text.
 */
export function describeFilters(filters: Report['filters']): string {
  const parts: string[] = [];
  if (filters.extensions.length > 0) parts.push(`ext ${filters.extensions.join(',')}`);
  if (filters.queues.length > 0) parts.push(`queue ${filters.queues.join(',')}`);
  if (filters.numbers.length > 0) parts.push(`number ${filters.numbers.join(',')}`);
  parts.push(...filters.directions);
  if (filters.status) parts.push(filters.status);
  if (filters.pbxOptions && filters.pbxOptions.length > 0) parts.push(`3CX: ${filters.pbxOptions.join(' ')}`);
  return cleanText(parts.join(' · '));
}

/**
 * The filters that apply to the whole report: a comparison of extensions or queues names its
 * sides' own in its columns, so only what both sides share is a filter here.
 */
export function describeReportFilters(report: Pick<Report, 'filters' | 'comparison'>): string {
  const by = report.comparison?.by;
  const { filters } = report;
  if (by === 'extension') return describeFilters({ ...filters, extensions: [] });
  if (by === 'queue') return describeFilters({ ...filters, queues: [] });
  return describeFilters(filters);
}
