import type { CallSummary, MissedCall, Report } from '../core/report';
import { maskNumbersInText } from './mask-number';

/**
 * The report with external numbers masked (PRIVACY_MASK_NUMBERS) in every place a caller or callee
 * shows: the missed calls and the call list, numbers and names (an unknown caller's name is often
 * their number). Extensions, queues, figures and the asker's own filters stay as they are.
 */
export function maskReport(report: Report): Report {
  const masked: Report = { ...report, missedCalls: report.missedCalls.map(maskParties) };
  if (report.calls) masked.calls = report.calls.map(maskParties);
  return masked;
}

function maskParties<T extends MissedCall | CallSummary>(call: T): T {
  return {
    ...call,
    from: maskNumbersInText(call.from),
    fromName: maskNumbersInText(call.fromName),
    to: maskNumbersInText(call.to),
    toName: maskNumbersInText(call.toName),
  };
}
