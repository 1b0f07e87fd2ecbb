import type { ReplyAction } from '../core/reply';
import { formatCount } from './format-number';

/** The line that ends a cut list: `…and 12 more (Export CSV for all)` when there is an export button. */
export function describeMore(hiddenCount: number, actions: ReplyAction[]): string {
  const canExport = actions.some((action) => action.id === 'export-csv');
  return `…and ${formatCount(hiddenCount)} more${canExport ? ' (Export CSV for all)' : ''}`;
}
