import { callLogOptionWords } from '../core/call-log-option-words';
import type { Report } from '../core/report';
import type { CallDirection, CallLogParameters, ReportFilters } from '../core/report-request';
import { compareNumbers } from './compare-numbers';

const DIRECTION_ORDER: readonly CallDirection[] = ['inbound', 'outbound', 'internal'];

/**
 * The request's filters as the `--json` report writes them (and `explain` shows them):
 * deduplicated, numbers in ascending order, directions in spec order, and the 3CX options in
 * effect as `pbxOptions` (only when there are some).
 */
export function copyFilters(
  filters: ReportFilters,
  callLog: CallLogParameters | undefined,
): Report['filters'] {
  const sorted = (values: readonly string[]) => [...new Set(values)].sort(compareNumbers);
  const pbxOptions = callLog === undefined ? [] : callLogOptionWords(callLog);
  return {
    extensions: sorted(filters.extensions),
    queues: sorted(filters.queues),
    numbers: sorted(filters.numbers),
    directions: DIRECTION_ORDER.filter((direction) => filters.directions.includes(direction)),
    status: filters.status,
    ...(pbxOptions.length > 0 && { pbxOptions }),
  };
}
