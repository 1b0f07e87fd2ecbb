import { DateTime } from 'luxon';
import type { RankingRequest, TrendUnit } from '../../src/core/answers';
import type { CallLeg } from '../../src/core/call-leg';
import type { Directory } from '../../src/core/directory';
import type { ExtensionStats, MissedCall, QueueStats, Report } from '../../src/core/report';
import type { TimeWindow } from '../../src/core/time-window';
import { referenceFocus, referenceRanking, referenceTrend } from './reference-answers';
import {
  byNumber,
  endOf,
  halfUp,
  isAnswered,
  type ReferenceCall,
  referenceCalls,
  seconds,
  summaryOf,
  us,
} from './reference-calls';

/** What the reference adds beyond the summary, as the builder's options of the same names ask. */
export interface ReferenceAnswers {
  focusExtensions?: string[];
  ranking?: RankingRequest;
  trend?: { by: TrendUnit; edgesMs: number[] };
}

/**
 * A deliberately plain second reading of the spec's definitions (see reference-calls.ts), without
 * filters or scope; property tests compare the streaming builder with it.
 */
export function referenceReport(
  legs: CallLeg[],
  window: TimeWindow,
  directory: Directory,
  serviceLevelSeconds: number,
  answers: ReferenceAnswers = {},
): Report {
  const users = new Set(directory.users.map((user) => user.number));
  const queues = new Set(directory.queues.map((queue) => queue.number));
  const level = BigInt(serviceLevelSeconds * 1e6);
  const iso = (ms: number) => DateTime.fromMillis(ms, { zone: window.timeZone }).toISO()!;
  const calls = referenceCalls(legs, window, directory);
  let [answeredCount, missedCount, inboundAnswered, withinLevel] = [0, 0, 0n, 0];
  let [talk, answeredTalk, wait, longest] = [0n, 0n, 0n, 0n];
  const byDirection = { inbound: 0, outbound: 0, internal: 0 };
  const byHour = new Array<number>(24).fill(0);
  const extensions = new Map<
    string,
    { calls: number; answered: number; missed: number; outbound: number; talk: bigint }
  >();
  const queueStats = new Map<string, QueueSums>();
  for (const call of calls) {
    const { direction, first } = call;
    byDirection[direction]++;
    byHour[DateTime.fromMillis(first.startMs, { zone: window.timeZone }).hour]!++;
    talk += call.talk;
    if (call.talk > longest) longest = call.talk;
    if (call.missed) missedCount++;
    if (call.answered) {
      answeredCount++;
      answeredTalk += call.talk;
      if (direction === 'inbound') {
        inboundAnswered++;
        wait += call.wait;
        if (call.wait <= level) withinLevel++;
      }
    }
    for (const dn of call.involved) {
      if (users.has(dn)) {
        const stats = extensions.get(dn) ?? { calls: 0, answered: 0, missed: 0, outbound: 0, talk: 0n };
        stats.calls++;
        if (call.person.some((leg) => leg.destinationDn === dn && isAnswered(leg))) stats.answered++;
        if (call.missed && call.legs.some((leg) => leg.destinationDn === dn)) stats.missed++;
        if (direction === 'outbound' && first.sourceDn === dn) stats.outbound++;
        for (const leg of call.person)
          if (leg.sourceDn === dn || leg.destinationDn === dn) stats.talk += us(leg.talkingSeconds);
        extensions.set(dn, stats);
      }
      if (queues.has(dn)) queueStats.set(dn, addToQueue(queueStats.get(dn), call, dn, level));
    }
  }
  const listed = calls
    .map((call) => ({
      key: call.key,
      startMs: call.first.startMs,
      missed: call.missed,
      summary: summaryOf(call, iso),
    }))
    .sort((a, b) => b.startMs - a.startMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
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
      talkSeconds: seconds(s.talk),
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
      abandoned: s.abandoned,
      abandonRatePercent: halfUp(BigInt(100 * s.abandoned), BigInt(s.inbound)),
      longestWaitSeconds: seconds(s.longestWait),
      serviceLevelPercent: halfUp(BigInt(100 * s.withinLevel), BigInt(s.inbound)),
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
  const report: Report = {
    window: { from: iso(window.from.getTime()), to: iso(window.to.getTime()), timeZone: window.timeZone },
    filters: { extensions: [], queues: [], numbers: [], directions: [], status: null },
    totals: {
      calls: callCount,
      ...byDirection,
      answered: answeredCount,
      missed: missedCount,
      talkSeconds: seconds(talk),
      avgTalkSeconds: halfUp(answeredTalk, BigInt(answeredCount) * 1_000_000n),
      avgWaitSeconds: halfUp(wait, inboundAnswered * 1_000_000n),
      longestTalkSeconds: seconds(longest),
      serviceLevelPercent: halfUp(BigInt(withinLevel * 100), BigInt(byDirection.inbound)),
    },
    byExtension,
    byQueue,
    byHour,
    missedCalls,
    calls: listed.map((call) => call.summary),
  };
  const focusExtensions = answers.focusExtensions ?? [];
  if (focusExtensions.length > 0)
    report.focus = focusExtensions.map((dn) => referenceFocus(calls, dn, directory));
  if (answers.ranking) {
    report.ranking = referenceRanking(answers.ranking, { calls, directory, window, byHour, byQueue });
  }
  if (answers.trend) report.trend = referenceTrend(answers.trend, calls, window, serviceLevelSeconds);
  return report;
}

interface QueueSums {
  calls: number;
  answered: number;
  missed: number;
  wait: bigint;
  waited: bigint;
  inbound: number;
  withinLevel: number;
  abandoned: number;
  longestWait: bigint;
}

/** The queue's sums with `call` added: the call-level outcome, and whether the caller gave up in it. */
function addToQueue(
  sums: QueueSums | undefined,
  call: ReferenceCall,
  queue: string,
  level: bigint,
): QueueSums {
  const s = sums ?? {
    calls: 0,
    answered: 0,
    missed: 0,
    wait: 0n,
    waited: 0n,
    inbound: 0,
    withinLevel: 0,
    abandoned: 0,
    longestWait: 0n,
  };
  s.calls++;
  if (call.answered) s.answered++;
  if (call.missed) s.missed++;
  if (call.direction !== 'inbound') return s;
  s.inbound++;
  if (call.wait > s.longestWait) s.longestWait = call.wait;
  if (call.answered) {
    s.wait += call.wait;
    s.waited++;
    if (call.wait <= level) s.withinLevel++;
  }
  // Abandoned: missed, and a leg to the queue ends when the call's last leg ends.
  if (call.missed && call.legs.some((leg) => leg.destinationDn === queue && endOf(leg) === call.end)) {
    s.abandoned++;
  }
  return s;
}
