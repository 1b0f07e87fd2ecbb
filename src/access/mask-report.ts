import type { Ranking, RankingRow } from '../core/answers';
import type { UnreturnedCall } from '../core/callbacks';
import type { CallSummary, MissedCall, Report } from '../core/report';
import { maskNumbersInText } from './mask-number';

/**
 * The report with external numbers masked (PRIVACY_MASK_NUMBERS) in every place a caller or callee
 * shows: the missed calls, the call list, the unreturned calls (and who returned them) and the
 * rankings of callers and of calls, numbers and names (an unknown caller's name is often their number). Extensions, queues, figures and the
 * asker's own filters stay as they are.
 */
export function maskReport(report: Report): Report {
  const masked: Report = { ...report, missedCalls: report.missedCalls.map(maskParties) };
  if (report.calls) masked.calls = report.calls.map(maskParties);
  if (report.unreturned) masked.unreturned = report.unreturned.map(maskUnreturned);
  if (report.ranking) masked.ranking = maskRanking(report.ranking);
  return masked;
}

/** Callers are keyed by their number; the longest calls carry both parties. */
function maskRanking(ranking: Ranking): Ranking {
  if (ranking.of !== 'callers' && ranking.of !== 'calls') return ranking;
  return { ...ranking, rows: ranking.rows.map((row) => maskRankingRow(row, ranking.of === 'callers')) };
}

/** A caller's key is their number; a call's key is its start, which stays. */
function maskRankingRow(row: RankingRow, keyIsNumber: boolean): RankingRow {
  const key = keyIsNumber ? maskNumbersInText(row.key) : row.key;
  const masked: RankingRow = { ...row, key, name: maskNumbersInText(row.name) };
  for (const field of ['from', 'fromName', 'to', 'toName'] as const) {
    const value = row[field];
    if (typeof value === 'string') masked[field] = maskNumbersInText(value);
  }
  return masked;
}

/** The caller and callee as in the missed calls; a returner's name could be a number too. */
function maskUnreturned(call: UnreturnedCall): UnreturnedCall {
  const masked = maskParties(call);
  if (call.returnedBy)
    masked.returnedBy = { ...call.returnedBy, name: maskNumbersInText(call.returnedBy.name) };
  return masked;
}

function maskParties<T extends MissedCall | CallSummary | UnreturnedCall>(call: T): T {
  return {
    ...call,
    from: maskNumbersInText(call.from),
    fromName: maskNumbersInText(call.fromName),
    to: maskNumbersInText(call.to),
    toName: maskNumbersInText(call.toName),
  };
}
