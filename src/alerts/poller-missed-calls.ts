import type { CallLeg } from '../core/call-leg';
import type { Directory } from '../core/directory';
import { deriveCallFacts } from '../report/call-facts';
import { toMissedCall } from '../report/call-lists';
import { CallTable } from '../report/call-table';
import { DnTable } from '../report/dn-table';
import type { MissedCallFacts } from './alert-store';

/** A missed call of the poller's window: what an alert shows, when it ended, and the DNs it involved. */
export interface WindowMissedCall {
  facts: MissedCallFacts;
  /** Every DN that is a leg's source or destination (extensions, queues, the IVR, trunks…). */
  dns: string[];
}

/**
 * The missed calls among `legs` whose first leg starts at or after `fromMs` (the legs are read from
 * earlier, so that calls begun before it are recognised and left out), oldest first. "Missed" and
 * every fact are the report engine's (src/report: `CallTable`, `deriveCallFacts`, `toMissedCall`):
 * inbound, and no person's leg answered (IVR and queue legs never count); the caller is the first
 * leg's, "where it ended" the last leg's destination, the wait how long the caller held on. The
 * table tracks every DN the legs name (as if an `ext` filter named each), so that any
 * subscription's filters and its creator's scope can be matched against `dns` afterwards.
 */
export function readMissedCalls(
  legs: readonly CallLeg[],
  directory: Directory,
  fromMs: number,
): WindowMissedCall[] {
  const named = new Set<string>();
  for (const leg of legs) {
    if (leg.sourceDn) named.add(leg.sourceDn);
    if (leg.destinationDn) named.add(leg.destinationDn);
  }
  const dnTable = new DnTable(directory, { extensions: [...named], queues: [] });
  const table = new CallTable({ fromMs, dnTable, numberDigits: [], keepTexts: 'unanswered' });
  for (const leg of legs) table.add(leg);
  const missed: WindowMissedCall[] = [];
  table.retireEndedBefore(Number.POSITIVE_INFINITY, (slot) => {
    if (table.isExcluded(slot) || !deriveCallFacts(table, slot).missed) return;
    const entry = toMissedCall(table, slot);
    const dns: string[] = [];
    const records = table.involvementRecords;
    for (let record = table.involvementHeadOf(slot); record !== -1; record = records.nextOf(record)) {
      dns.push(dnTable.numberOf(records.dnOf(record)));
    }
    missed.push({
      facts: {
        callKey: table.keyTextOf(slot),
        startedAt: new Date(table.startMsOf(slot)),
        endedAt: new Date(Math.floor(table.maxEndMicrosOf(slot) / 1000)),
        fromNumber: entry.from,
        fromName: entry.fromName,
        toDn: entry.to,
        toName: entry.toName,
        waitSeconds: entry.waitSeconds,
      },
      dns,
    });
  });
  return missed.sort(
    (a, b) =>
      a.facts.startedAt.getTime() - b.facts.startedAt.getTime() ||
      (a.facts.callKey < b.facts.callKey ? -1 : a.facts.callKey > b.facts.callKey ? 1 : 0),
  );
}
