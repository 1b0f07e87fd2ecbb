import type { CallDirection, ReportFilters } from '../core/report-request';
import type { CallFacts } from './call-facts';
import type { CallTable } from './call-table';
import { DN_EXTENSION_FILTER, DN_QUEUE_FILTER, DN_SCOPE, type DnTable } from './dn-table';

/**
 * The request's filters over whole calls: values of one kind OR together, kinds AND. `ext` and
 * `queue` match a DN that is the source or destination of any leg; `number` a digit string within
 * any leg's caller ids (recorded by the CallTable while legs arrive). With an access scope, a call
 * must also involve one of the scope's DNs.
 */
export class CallFilter {
  private readonly directions: ReadonlySet<CallDirection> | undefined;
  private readonly wantsExtension: boolean;
  private readonly wantsQueue: boolean;
  private readonly wantsNumber: boolean;

  constructor(
    private readonly filters: ReportFilters,
    private readonly dnTable: DnTable,
    private readonly scoped = false,
  ) {
    this.directions = filters.directions.length > 0 ? new Set(filters.directions) : undefined;
    this.wantsExtension = filters.extensions.some((extension) => extension !== '');
    this.wantsQueue = filters.queues.some((queue) => queue !== '');
    this.wantsNumber = filters.numbers.length > 0;
  }

  /** True when the call in `slot` passes every filter. */
  matches(table: CallTable, slot: number, facts: CallFacts): boolean {
    if (this.directions !== undefined && !this.directions.has(facts.direction)) return false;
    if (this.filters.status === 'answered' && !facts.answered) return false;
    if (this.filters.status === 'missed' && !facts.missed) return false;
    if (this.wantsNumber && !table.hasNumberMatch(slot)) return false;
    if (!this.wantsExtension && !this.wantsQueue && !this.scoped) return true;
    let kinds = 0;
    const records = table.involvementRecords;
    for (let record = table.involvementHeadOf(slot); record !== -1; record = records.nextOf(record)) {
      kinds |= this.dnTable.kindsOf(records.dnOf(record));
    }
    if (this.wantsExtension && !(kinds & DN_EXTENSION_FILTER)) return false;
    if (this.wantsQueue && !(kinds & DN_QUEUE_FILTER)) return false;
    if (this.scoped && !(kinds & DN_SCOPE)) return false;
    return true;
  }
}

/** The digit strings of the `number` filter ("+44 20 7123" → "44207123"); values without digits are dropped. */
export function toNumberDigits(numbers: readonly string[]): string[] {
  return numbers.map((number) => number.replace(/\D/g, '')).filter((digits) => digits.length > 0);
}
