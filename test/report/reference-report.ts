import { DateTime } from 'luxon';
import type { CallLeg } from '../../src/core/call-leg';
import type { Directory } from '../../src/core/directory';
import type { CallSummary, ExtensionStats, MissedCall, QueueStats, Report } from '../../src/core/report';
import type { CallDirection } from '../../src/core/report-request';
import type { TimeWindow } from '../../src/core/time-window';

/**
 * A deliberately plain second reading of the spec's definitions (all legs in memory, sorted per
 * call, BigInt rounding), without filters; property tests compare the streaming builder with it.
 * Assumes distinct (start, segment) within a call.
 */
const NOT_PERSON = ['System', 'Digital Receptionist', 'Queue'];
const NOT_ARRIVAL = ['System', 'Digital Receptionist'];
const us = (seconds: number) => BigInt(Math.round(seconds * 1e6));

function halfUp(numerator: bigint, denominator: bigint): number {
  return denominator === 0n ? 0 : Number((2n * numerator + denominator) / (2n * denominator));
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

export function referenceReport(
  legs: CallLeg[],
  window: TimeWindow,
  directory: Directory,
  serviceLevelSeconds: number,
): Report {
  const users = new Set(directory.users.map((user) => user.number));
  const queues = new Set(directory.queues.map((queue) => queue.number));
  const internal = new Set([...users, ...queues]);
  const iso = (ms: number) => DateTime.fromMillis(ms, { zone: window.timeZone }).toISO()!;
  const calls = new Map<string, CallLeg[]>();
  for (const leg of legs) calls.set(leg.callKey, [...(calls.get(leg.callKey) ?? []), leg]);
  let [answeredCount, missedCount, inboundAnswered, withinLevel] = [0, 0, 0n, 0];
  let [talk, answeredTalk, wait, longest] = [0n, 0n, 0n, 0n];
  const byDirection = { inbound: 0, outbound: 0, internal: 0 };
  const byHour = new Array<number>(24).fill(0);
  const extensions = new Map<
    string,
    { calls: number; answered: number; missed: number; outbound: number; talk: bigint }
  >();
  const queueStats = new Map<
    string,
    { calls: number; answered: number; missed: number; wait: bigint; waited: bigint }
  >();
  const listed: { key: string; startMs: number; missed: boolean; summary: CallSummary }[] = [];
  for (const [key, callLegs] of calls) {
    callLegs.sort((a, b) => a.startMs - b.startMs || a.segmentId - b.segmentId);
    const first = callLegs[0]!;
    const last = callLegs[callLegs.length - 1]!;
    if (first.startMs < window.from.getTime() || first.startMs >= window.to.getTime()) continue;
    const direction = directionOf(first, users, internal);
    const person = callLegs.filter((leg) => !NOT_PERSON.includes(leg.legType ?? ''));
    const isAnswered = (leg: CallLeg) => leg.answered === true || leg.status === 'Answered';
    const firstAnswered = person.find(isAnswered);
    const missed = direction === 'inbound' && !firstAnswered;
    const callTalk = person.reduce((sum, leg) => sum + us(leg.talkingSeconds), 0n);
    const arrivalUs =
      BigInt((callLegs.find((leg) => !NOT_ARRIVAL.includes(leg.legType ?? '')) ?? first).startMs) * 1000n;
    const endUs = callLegs.reduce((max, leg) => {
      const end = BigInt(leg.startMs) * 1000n + us(leg.ringingSeconds) + us(leg.talkingSeconds);
      return end > max ? end : max;
    }, 0n);
    const reachedUs = firstAnswered
      ? BigInt(firstAnswered.startMs) * 1000n + us(firstAnswered.ringingSeconds)
      : endUs;
    const callWait = reachedUs > arrivalUs ? reachedUs - arrivalUs : 0n;
    byDirection[direction]++;
    byHour[DateTime.fromMillis(first.startMs, { zone: window.timeZone }).hour]!++;
    talk += callTalk;
    if (callTalk > longest) longest = callTalk;
    if (missed) missedCount++;
    if (firstAnswered) {
      answeredCount++;
      answeredTalk += callTalk;
      if (direction === 'inbound') {
        inboundAnswered++;
        wait += callWait;
        if (callWait <= BigInt(serviceLevelSeconds * 1e6)) withinLevel++;
      }
    }
    const involved = new Set(
      callLegs.flatMap((leg) => [leg.sourceDn, leg.destinationDn]).filter((dn) => dn !== undefined),
    );
    for (const dn of involved) {
      if (users.has(dn)) {
        const stats = extensions.get(dn) ?? { calls: 0, answered: 0, missed: 0, outbound: 0, talk: 0n };
        stats.calls++;
        if (person.some((leg) => leg.destinationDn === dn && isAnswered(leg))) stats.answered++;
        if (missed && callLegs.some((leg) => leg.destinationDn === dn)) stats.missed++;
        if (direction === 'outbound' && first.sourceDn === dn) stats.outbound++;
        for (const leg of person)
          if (leg.sourceDn === dn || leg.destinationDn === dn) stats.talk += us(leg.talkingSeconds);
        extensions.set(dn, stats);
      }
      if (queues.has(dn)) {
        const stats = queueStats.get(dn) ?? { calls: 0, answered: 0, missed: 0, wait: 0n, waited: 0n };
        stats.calls++;
        if (firstAnswered) stats.answered++;
        if (missed) stats.missed++;
        if (firstAnswered && direction === 'inbound') {
          stats.wait += callWait;
          stats.waited++;
        }
        queueStats.set(dn, stats);
      }
    }
    const dialled =
      direction === 'outbound' && last.destinationCallerId ? last.destinationCallerId : undefined;
    listed.push({
      key,
      startMs: first.startMs,
      missed,
      summary: {
        start: iso(first.startMs),
        direction,
        from: first.sourceCallerId ?? '',
        fromName: first.sourceDisplayName ?? '',
        to: dialled ?? last.destinationDn ?? '',
        toName: last.destinationDisplayName ?? '',
        answered: firstAnswered !== undefined,
        talkSeconds: halfUp(callTalk, 1_000_000n),
        waitSeconds: halfUp(callWait, 1_000_000n),
      },
    });
  }
  const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  listed.sort((a, b) => b.startMs - a.startMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const nameOf = (number: string) => {
    const user = directory.users.find((candidate) => candidate.number === number)!;
    return [user.firstName, user.lastName].filter(Boolean).join(' ');
  };
  const byExtension: ExtensionStats[] = [...extensions]
    .map(([extension, s]) => ({
      extension,
      name: nameOf(extension),
      calls: s.calls,
      answered: s.answered,
      missed: s.missed,
      outbound: s.outbound,
      talkSeconds: halfUp(s.talk, 1_000_000n),
    }))
    .sort((a, b) => b.calls - a.calls || byNumber(a.extension, b.extension));
  const byQueue: QueueStats[] = [...queueStats]
    .map(([queue, s]) => ({
      queue,
      name: directory.queues.find((q) => q.number === queue)!.name,
      calls: s.calls,
      answered: s.answered,
      missed: s.missed,
      avgWaitSeconds: halfUp(s.wait, s.waited * 1_000_000n),
    }))
    .sort((a, b) => b.calls - a.calls || byNumber(a.queue, b.queue));
  const callCount = byDirection.inbound + byDirection.outbound + byDirection.internal;
  const missedCalls: MissedCall[] = listed
    .filter((call) => call.missed)
    .map(({ summary }) => ({
      start: summary.start,
      from: summary.from,
      fromName: summary.fromName,
      to: summary.to,
      toName: summary.toName,
      waitSeconds: summary.waitSeconds,
    }));
  return {
    window: { from: iso(window.from.getTime()), to: iso(window.to.getTime()), timeZone: window.timeZone },
    filters: { extensions: [], queues: [], numbers: [], directions: [], status: null },
    totals: {
      calls: callCount,
      ...byDirection,
      answered: answeredCount,
      missed: missedCount,
      talkSeconds: halfUp(talk, 1_000_000n),
      avgTalkSeconds: halfUp(answeredTalk, BigInt(answeredCount) * 1_000_000n),
      avgWaitSeconds: halfUp(wait, inboundAnswered * 1_000_000n),
      longestTalkSeconds: halfUp(longest, 1_000_000n),
      serviceLevelPercent: halfUp(BigInt(withinLevel * 100), BigInt(byDirection.inbound)),
    },
    byExtension,
    byQueue,
    byHour,
    missedCalls,
    calls: listed.map((call) => call.summary),
  };
}
