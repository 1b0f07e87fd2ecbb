import type { CallLeg } from '../../src/core/call-leg';
import type { Directory } from '../../src/core/directory';
import type { CallSummary } from '../../src/core/report';
import type { CallDirection } from '../../src/core/report-request';
import type { TimeWindow } from '../../src/core/time-window';

/**
 * A deliberately plain reading of the spec's call definitions ("What a report counts"): all legs
 * in memory, sorted per call, exact BigInt microseconds. The reference report and its answers are
 * computed from these. Assumes distinct (start, segment) within a call.
 */
const NOT_PERSON = ['System', 'Digital Receptionist', 'Queue'];
const NOT_ARRIVAL = ['System', 'Digital Receptionist'];

export const us = (seconds: number) => BigInt(Math.round(seconds * 1e6));

/** Exact half-up rounding of a ratio of integers; 0 when there is nothing to divide by. */
export function halfUp(numerator: bigint, denominator: bigint): number {
  return denominator === 0n ? 0 : Number((2n * numerator + denominator) / (2n * denominator));
}

export const seconds = (micros: bigint) => halfUp(micros, 1_000_000n);

export const isAnswered = (leg: CallLeg) => leg.answered === true || leg.status === 'Answered';

/** A leg's end: start + ringing + talking, in µs. */
export const endOf = (leg: CallLeg) =>
  BigInt(leg.startMs) * 1000n + us(leg.ringingSeconds) + us(leg.talkingSeconds);

/** A call whose first leg starts in the window, with what the spec derives from its legs. */
export interface ReferenceCall {
  key: string;
  /** In (start, segment) order. */
  legs: CallLeg[];
  first: CallLeg;
  last: CallLeg;
  person: CallLeg[];
  direction: CallDirection;
  answered: boolean;
  missed: boolean;
  /** The first answered person leg. */
  firstAnswered: CallLeg | undefined;
  talk: bigint;
  wait: bigint;
  /** The latest end of any leg. */
  end: bigint;
  /** The DNs that are a source or destination of some leg. */
  involved: Set<string>;
}

function directionOf(first: CallLeg, users: Set<string>, internal: Set<string>): CallDirection {
  const given = {
    Inbound: 'inbound',
    'Inbound Queue': 'inbound',
    Outbound: 'outbound',
    Internal: 'internal',
  }[first.direction ?? ''];
  if (given) return given as CallDirection;
  const sourceInternal = internal.has(first.sourceDn ?? '');
  const destinationInternal = internal.has(first.destinationDn ?? '');
  if (sourceInternal && destinationInternal) return 'internal';
  if (users.has(first.sourceDn ?? '') && !destinationInternal) return 'outbound';
  return 'inbound';
}

/** The calls of `legs` that the report over `window` counts, in no particular order. */
export function referenceCalls(legs: CallLeg[], window: TimeWindow, directory: Directory): ReferenceCall[] {
  const users = new Set(directory.users.map((user) => user.number));
  const internal = new Set([...users, ...directory.queues.map((queue) => queue.number)]);
  const byKey = new Map<string, CallLeg[]>();
  for (const leg of legs) byKey.set(leg.callKey, [...(byKey.get(leg.callKey) ?? []), leg]);
  const calls: ReferenceCall[] = [];
  for (const [key, callLegs] of byKey) {
    callLegs.sort((a, b) => a.startMs - b.startMs || a.segmentId - b.segmentId);
    const first = callLegs[0]!;
    if (first.startMs < window.from.getTime() || first.startMs >= window.to.getTime()) continue;
    const direction = directionOf(first, users, internal);
    const person = callLegs.filter((leg) => !NOT_PERSON.includes(leg.legType ?? ''));
    const firstAnswered = person.find(isAnswered);
    const arrival =
      BigInt((callLegs.find((leg) => !NOT_ARRIVAL.includes(leg.legType ?? '')) ?? first).startMs) * 1000n;
    let end = 0n;
    for (const leg of callLegs) if (endOf(leg) > end) end = endOf(leg);
    const reached = firstAnswered
      ? BigInt(firstAnswered.startMs) * 1000n + us(firstAnswered.ringingSeconds)
      : end;
    calls.push({
      key,
      legs: callLegs,
      first,
      last: callLegs[callLegs.length - 1]!,
      person,
      direction,
      answered: firstAnswered !== undefined,
      missed: direction === 'inbound' && !firstAnswered,
      firstAnswered,
      talk: person.reduce((sum, leg) => sum + us(leg.talkingSeconds), 0n),
      wait: reached > arrival ? reached - arrival : 0n,
      end,
      involved: new Set(
        callLegs.flatMap((leg) => [leg.sourceDn, leg.destinationDn]).filter((dn) => dn !== undefined),
      ),
    });
  }
  return calls;
}

/** The call as the `list` view shows it. */
export function summaryOf(call: ReferenceCall, iso: (ms: number) => string): CallSummary {
  const { first, last, direction } = call;
  const dialled = direction === 'outbound' && last.destinationCallerId ? last.destinationCallerId : undefined;
  return {
    start: iso(first.startMs),
    direction,
    from: first.sourceCallerId ?? '',
    fromName: first.sourceDisplayName ?? '',
    to: dialled ?? last.destinationDn ?? '',
    toName: last.destinationDisplayName ?? '',
    answered: call.answered,
    talkSeconds: seconds(call.talk),
    waitSeconds: seconds(call.wait),
  };
}

/** Numbers as a person reads them (`99` before `101`), then as written (`01` before `1`). */
export const byNumber = (a: string, b: string) =>
  a.localeCompare(b, 'en', { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);
