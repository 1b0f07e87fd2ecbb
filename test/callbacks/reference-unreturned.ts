import { DateTime } from 'luxon';
import type { CallLeg } from '../../src/core/call-leg';
import type { CallbackState, UnreturnedCall } from '../../src/core/callbacks';
import type { Directory } from '../../src/core/directory';

/**
 * The `unreturned` list computed the plain way, straight from the product spec ("What a report
 * counts", "Call-backs (round 2)"), sharing no code with src: all legs grouped into calls, every
 * call judged on its own, every miss compared with every call. Only for small test data.
 */
export interface ReferenceInput {
  legs: readonly CallLeg[];
  directory: Directory;
  window: { fromMs: number; toMs: number; timeZone: string };
  nowMs: number;
  /** The asker's scope: misses must involve one of its DNs; returners outside it are "a colleague". */
  scope?: { extensions: string[]; queues: string[] };
}

interface ReferenceCall {
  key: string;
  legs: CallLeg[];
  first: CallLeg;
  last: CallLeg;
  startMs: number;
  direction: 'inbound' | 'outbound' | 'internal';
  number: string;
  /** The person leg that took it: answered (inbound), talked (outbound). */
  taker: CallLeg | undefined;
  answeredByPerson: boolean;
}

export function referenceUnreturned(input: ReferenceInput): UnreturnedCall[] {
  const calls = groupCalls(input.legs, input.directory);
  const misses = calls.filter(
    (call) =>
      call.startMs >= input.window.fromMs &&
      call.startMs < input.window.toMs &&
      call.legs.every((leg) => leg.startMs >= input.window.fromMs) &&
      call.direction === 'inbound' &&
      !call.answeredByPerson &&
      inScope(call, input.scope),
  );
  const entries = misses.map((miss) => classify(miss, calls, input));
  const order: CallbackState[] = ['open', 'tried', 'returned', 'anonymous'];
  return entries
    .sort(
      (a, b) =>
        order.indexOf(a.entry.state) - order.indexOf(b.entry.state) ||
        a.miss.startMs - b.miss.startMs ||
        (a.miss.key < b.miss.key ? -1 : a.miss.key > b.miss.key ? 1 : 0),
    )
    .map(({ entry }) => entry);
}

function classify(
  miss: ReferenceCall,
  calls: ReferenceCall[],
  input: ReferenceInput,
): { miss: ReferenceCall; entry: UnreturnedCall } {
  const iso = (ms: number) => DateTime.fromMillis(ms, { zone: input.window.timeZone }).toISO()!;
  const entry: UnreturnedCall = {
    start: iso(miss.startMs),
    from: miss.first.sourceCallerId ?? '',
    fromName: miss.first.sourceDisplayName ?? '',
    to: miss.last.destinationDn ?? '',
    toName: miss.last.destinationDisplayName ?? '',
    state: 'anonymous',
    attempts: 0,
    returnedBy: null,
    returnedAt: null,
    returnedAfterSeconds: null,
  };
  const key = numberKey(entry.from);
  if (key === undefined) return { miss, entry };
  const later = calls
    .filter(
      (call) =>
        call.direction !== 'internal' &&
        numberKey(call.number) === key &&
        call.startMs > miss.startMs &&
        call.startMs <= input.nowMs,
    )
    .sort((a, b) => a.startMs - b.startMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const returning = later.find((call) => call.taker !== undefined);
  const attempts = later.filter(
    (call) => call.direction === 'outbound' && (returning === undefined || call.startMs <= returning.startMs),
  ).length;
  if (returning === undefined)
    return { miss, entry: { ...entry, state: attempts > 0 ? 'tried' : 'open', attempts } };
  const leg = returning.taker!;
  const extension = returning.direction === 'outbound' ? leg.sourceDn : leg.destinationDn;
  const user = input.directory.users.find((candidate) => candidate.number === extension);
  const named = input.scope === undefined || input.scope.extensions.includes(extension ?? '');
  const name = user ? `${user.firstName} ${user.lastName}`.trim() : '';
  return {
    miss,
    entry: {
      ...entry,
      state: 'returned' as const,
      attempts,
      returnedBy: named ? { extension: extension ?? '', name } : { extension: '', name: 'a colleague' },
      returnedAt: iso(returning.startMs),
      returnedAfterSeconds: Math.floor((returning.startMs - miss.startMs) / 1000 + 0.5),
    },
  };
}

/** The last 9 digits (all when fewer) of a number with at least 7; undefined for a withheld one. */
export function numberKey(number: string): string | undefined {
  const word = number.trim().toLowerCase();
  if (['anonymous', 'unknown', 'private'].some((withheld) => word.startsWith(withheld))) return undefined;
  const digits = [...number].filter((char) => char >= '0' && char <= '9').join('');
  return digits.length >= 7 ? digits.slice(-9) : undefined;
}

function groupCalls(legs: readonly CallLeg[], directory: Directory): ReferenceCall[] {
  const byKey = new Map<string, CallLeg[]>();
  for (const leg of legs) byKey.set(leg.callKey, [...(byKey.get(leg.callKey) ?? []), leg]);
  const users = new Set(directory.users.map((user) => user.number));
  const queues = new Set(directory.queues.map((queue) => queue.number));
  const span = (leg: CallLeg) => leg.ringingSeconds + leg.talkingSeconds;
  return [...byKey].map(([key, callLegs]) => {
    const ordered = [...callLegs].sort(
      (a, b) => a.startMs - b.startMs || a.segmentId - b.segmentId || span(b) - span(a),
    );
    const first = ordered[0]!;
    const last = [...callLegs].sort(
      (a, b) => b.startMs - a.startMs || b.segmentId - a.segmentId || span(b) - span(a),
    )[0]!;
    const isPerson = (leg: CallLeg) =>
      !['System', 'Digital Receptionist', 'Queue'].includes(leg.legType ?? '');
    const answered = (leg: CallLeg) => isPerson(leg) && (leg.answered === true || leg.status === 'Answered');
    const talked = (leg: CallLeg) => isPerson(leg) && leg.talkingSeconds > 0;
    const direction = directionOf(first, users, queues);
    const number =
      direction === 'inbound'
        ? (first.sourceCallerId ?? '')
        : direction === 'outbound'
          ? first.destinationCallerId || (first.destinationDn ?? '')
          : '';
    const taker = ordered.find(
      direction === 'outbound' ? talked : direction === 'inbound' ? answered : () => false,
    );
    return {
      key,
      legs: callLegs,
      first,
      last,
      startMs: first.startMs,
      direction,
      number,
      taker,
      answeredByPerson: callLegs.some(answered),
    };
  });
}

function directionOf(leg: CallLeg, users: Set<string>, queues: Set<string>): ReferenceCall['direction'] {
  switch (leg.direction) {
    case 'Inbound':
    case 'Inbound Queue':
      return 'inbound';
    case 'Outbound':
      return 'outbound';
    case 'Internal':
      return 'internal';
  }
  const internal = (dn: string | undefined) => dn !== undefined && (users.has(dn) || queues.has(dn));
  if (internal(leg.sourceDn) && internal(leg.destinationDn)) return 'internal';
  if (users.has(leg.sourceDn ?? '') && !internal(leg.destinationDn)) return 'outbound';
  return 'inbound';
}

function inScope(call: ReferenceCall, scope: ReferenceInput['scope']): boolean {
  if (scope === undefined) return true;
  const dns = new Set([...scope.extensions, ...scope.queues]);
  return call.legs.some((leg) => dns.has(leg.sourceDn ?? '') || dns.has(leg.destinationDn ?? ''));
}
