import { type Directory, userName } from '../core/directory';
import type { ReportFilters } from '../core/report-request';
import { compareNumbers } from './compare-numbers';

/**
 * Notes naming the `ext`/`queue` numbers of the filters that the PBX directory does not have, so
 * that a report for them never reads as a silent "No calls": `ext 555 is not an extension on this
 * PBX.`; a number that is the other kind says so (`ext 800 … 800 is the queue Sales: say queue
 * 800.`). Empty when every number is known.
 */
export function describeUnknownDns(
  filters: Pick<ReportFilters, 'extensions' | 'queues'>,
  directory: Directory,
): string[] {
  const users = new Map(directory.users.map((user) => [user.number, user]));
  const queues = new Map(directory.queues.map((queue) => [queue.number, queue]));
  const notes: string[] = [];
  const unknownExtensions = unique(filters.extensions).filter((number) => !users.has(number));
  const unknownQueues = unique(filters.queues).filter((number) => !queues.has(number));
  for (const number of unknownExtensions) {
    const queue = queues.get(number);
    notes.push(
      queue
        ? `ext ${number} is not an extension on this PBX: ${number} is the queue ${queue.name || number}, so say queue ${number}.`
        : `ext ${number} is not an extension on this PBX.`,
    );
  }
  for (const number of unknownQueues) {
    const user = users.get(number);
    notes.push(
      user
        ? `queue ${number} is not a queue on this PBX: ${number} is the extension of ${userName(user) || number}, so say ext ${number}.`
        : `queue ${number} is not a queue on this PBX.`,
    );
  }
  return notes;
}

/** Whether the filters name any extension or queue, so that the directory is worth checking. */
export function namesDns(filters: Pick<ReportFilters, 'extensions' | 'queues'>): boolean {
  return filters.extensions.length > 0 || filters.queues.length > 0;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareNumbers);
}
