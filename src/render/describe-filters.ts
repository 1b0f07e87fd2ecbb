import type { Report } from '../core/report';
import { cleanText } from './clean-text';

/** The report's filters as the command words that set them, e.g. `ext 101,102 · inbound`; '' when none. */
export function describeFilters(filters: Report['filters']): string {
  const parts: string[] = [];
  if (filters.extensions.length > 0) parts.push(`ext ${filters.extensions.join(',')}`);
  if (filters.queues.length > 0) parts.push(`queue ${filters.queues.join(',')}`);
  if (filters.numbers.length > 0) parts.push(`number ${filters.numbers.join(',')}`);
  parts.push(...filters.directions);
  if (filters.status) parts.push(filters.status);
  return cleanText(parts.join(' · '));
}
