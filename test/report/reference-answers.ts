import { DateTime } from 'luxon';
import type {
  ExtensionFocus,
  Ranking,
  RankingRequest,
  RankingRow,
  Trend,
  TrendUnit,
} from '../../src/core/answers';
import type { Directory } from '../../src/core/directory';
import type { QueueStats } from '../../src/core/report';
import type { TimeWindow } from '../../src/core/time-window';
import { byNumber, halfUp, isAnswered, type ReferenceCall, seconds, summaryOf, us } from './reference-calls';

/**
 * The round-2 answers (focus, rankings, trends) read plainly from the spec's table and
 * definitions, over the reference calls; see reference-report.ts.
 */

/** An extension's own figures over `calls`, straight from the spec's definitions. */
export function referenceFocus(
  calls: ReferenceCall[],
  extension: string,
  directory: Directory,
): ExtensionFocus {
  const user = directory.users.find((candidate) => candidate.number === extension);
  let [offered, answered, missed, outbound, talked, answeredLegs] = [0, 0, 0, 0, 0, 0];
  let [talk, ring] = [0n, 0n];
  for (const call of calls) {
    const toIt = call.person.filter((leg) => leg.destinationDn === extension);
    if (toIt.length > 0) offered++;
    if (toIt.some(isAnswered)) answered++;
    if (toIt.length > 0 && call.missed) missed++;
    if (call.direction === 'outbound' && call.first.sourceDn === extension) outbound++;
    const itsTalk = call.person
      .filter((leg) => leg.sourceDn === extension || leg.destinationDn === extension)
      .reduce((sum, leg) => sum + us(leg.talkingSeconds), 0n);
    talk += itsTalk;
    if (itsTalk > 0n) talked++;
    for (const leg of toIt.filter(isAnswered)) {
      ring += us(leg.ringingSeconds);
      answeredLegs++;
    }
  }
  return {
    extension,
    name: user ? [user.firstName, user.lastName].filter(Boolean).join(' ') : '',
    offered,
    answered,
    notPickedUp: offered - answered,
    missed,
    outbound,
    talkSeconds: seconds(talk),
    avgTalkSeconds: halfUp(talk, BigInt(talked) * 1_000_000n),
    avgRingSeconds: halfUp(ring, BigInt(answeredLegs) * 1_000_000n),
  };
}

/** A trend: the totals' definitions over the calls starting in each bucket. */
export function referenceTrend(
  trend: { by: TrendUnit; edgesMs: number[] },
  calls: ReferenceCall[],
  window: TimeWindow,
  serviceLevelSeconds: number,
): Trend {
  const iso = (ms: number) => DateTime.fromMillis(ms, { zone: window.timeZone }).toISO()!;
  const buckets = trend.edgesMs.slice(1).map((toMs, index) => {
    const fromMs = trend.edgesMs[index]!;
    const inIt = calls.filter((call) => call.first.startMs >= fromMs && call.first.startMs < toMs);
    const inbound = inIt.filter((call) => call.direction === 'inbound');
    const answeredInbound = inbound.filter((call) => call.answered);
    const waits = answeredInbound.reduce((sum, call) => sum + call.wait, 0n);
    const within = answeredInbound.filter((call) => call.wait <= BigInt(serviceLevelSeconds * 1e6)).length;
    return {
      from: iso(fromMs),
      to: iso(toMs),
      calls: inIt.length,
      answered: inIt.filter((call) => call.answered).length,
      missed: inIt.filter((call) => call.missed).length,
      serviceLevelPercent: halfUp(BigInt(100 * within), BigInt(inbound.length)),
      avgWaitSeconds: halfUp(waits, BigInt(answeredInbound.length) * 1_000_000n),
    };
  });
  return { by: trend.by, buckets };
}

interface RankingInputs {
  calls: ReferenceCall[];
  directory: Directory;
  window: TimeWindow;
  byHour: number[];
  byQueue: QueueStats[];
}

/** A ranking per the spec's table: every candidate row, value 0 left out, highest first, ties by key, cut to size. */
export function referenceRanking(request: RankingRequest, inputs: RankingInputs): Ranking {
  const rows = candidateRows(request, inputs).filter((row) => row.value > 0);
  if (request.of === 'calls') {
    rows.sort(
      (a, b) =>
        b.value - a.value || Number(a.startMs) - Number(b.startMs) || (a.callKey! < b.callKey! ? -1 : 1),
    );
  } else {
    const compareKeys =
      request.of === 'days' ? (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0) : byNumber;
    rows.sort((a, b) => b.value - a.value || compareKeys(a.key, b.key));
  }
  return {
    of: request.of,
    by: request.by,
    rows: rows
      .slice(0, request.size)
      .map(({ startMs: _startMs, callKey: _callKey, ...row }) => row as RankingRow),
  };
}

type CandidateRow = RankingRow & { startMs?: number; callKey?: string };

function candidateRows(request: RankingRequest, inputs: RankingInputs): CandidateRow[] {
  const { calls, directory, window } = inputs;
  const iso = (ms: number) => DateTime.fromMillis(ms, { zone: window.timeZone }).toISO()!;
  switch (request.of) {
    case 'callers': {
      const numbers = new Set(
        calls.filter((call) => call.direction === 'inbound').map((call) => call.first.sourceCallerId ?? ''),
      );
      numbers.delete('');
      return [...numbers].map((number) => {
        const theirs = calls.filter(
          (call) => call.direction === 'inbound' && call.first.sourceCallerId === number,
        );
        const latest = [...theirs].sort(
          (a, b) => b.first.startMs - a.first.startMs || (a.key < b.key ? -1 : 1),
        )[0]!;
        const figures = {
          calls: theirs.length,
          answered: theirs.filter((call) => call.answered).length,
          missed: theirs.filter((call) => call.missed).length,
          talkSeconds: seconds(theirs.reduce((sum, call) => sum + call.talk, 0n)),
        };
        const measure = {
          calls: 'calls',
          missed: 'missed',
          answered: 'answered',
          talk: 'talkSeconds',
        } as const;
        return {
          key: number,
          name: latest.first.sourceDisplayName ?? '',
          value: figures[measure[request.by as keyof typeof measure]],
          ...figures,
          lastCall: iso(latest.first.startMs),
        };
      });
    }
    case 'extensions': {
      const involved = directory.users
        .map((user) => user.number)
        .filter((number) => calls.some((call) => call.involved.has(number)));
      return involved.map((number) => {
        const { extension, name, ...figures } = referenceFocus(calls, number, directory);
        const measure = {
          calls: 'offered',
          answered: 'answered',
          missed: 'notPickedUp',
          outbound: 'outbound',
          talk: 'talkSeconds',
        } as const;
        return {
          key: extension,
          name,
          value: figures[measure[request.by as keyof typeof measure]],
          ...figures,
        };
      });
    }
    case 'queues':
      return inputs.byQueue.map(({ queue, name, ...figures }) => {
        const measure = {
          calls: 'calls',
          answered: 'answered',
          abandoned: 'abandoned',
          wait: 'avgWaitSeconds',
        } as const;
        return { key: queue, name, value: figures[measure[request.by as keyof typeof measure]], ...figures };
      });
    case 'hours':
      return inputs.byHour.map((value, hour) => ({ key: String(hour), name: '', value }));
    case 'days': {
      const days = calls.map(
        (call) => DateTime.fromMillis(call.first.startMs, { zone: window.timeZone }).toISODate()!,
      );
      return [...new Set(days)].map((day) => ({
        key: day,
        name: '',
        value: days.filter((candidate) => candidate === day).length,
      }));
    }
    case 'calls':
      return calls.map((call) => {
        const { start, ...summary } = summaryOf(call, iso);
        return {
          key: start,
          name: summary.fromName,
          value: summary.talkSeconds,
          ...summary,
          startMs: call.first.startMs,
          callKey: call.key,
        };
      });
  }
}
