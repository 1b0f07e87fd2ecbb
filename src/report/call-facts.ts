import type { CallDirection } from '../core/report-request';
import type { CallTable } from './call-table';

/** What the report needs to know about one call, derived once from its state. */
export interface CallFacts {
  direction: CallDirection;
  answered: boolean;
  /** Inbound and not answered. */
  missed: boolean;
  talkMicros: number;
  /** Speed of answer when answered, how long the caller held on otherwise. */
  waitMicros: number;
}

/** The facts of the call in `slot`. */
export function deriveCallFacts(table: CallTable, slot: number): CallFacts {
  const direction = table.directionOf(slot);
  const answered = table.isAnswered(slot);
  return {
    direction,
    answered,
    missed: direction === 'inbound' && !answered,
    talkMicros: table.talkMicrosOf(slot),
    waitMicros: table.waitMicrosOf(slot),
  };
}
