import type { Report } from '../../src/core/report';
import { expectedCountsWithChange, expectedFocusSummary } from '../helpers/expected-summaries';

/** The Slack and Teams people of the access integration tests (the demo company's e-mails). */
export const PEOPLE = {
  /** Ben Okafor, extension 101 in the demo PBX: an agent by e-mail. */
  agentEmail: 'ben.okafor@example.com',
  /** Carol leads the Sales queue (800); she has no extension. */
  managerEmail: 'carol.lead@example.com',
  adminSlackId: 'U0ADMIN001',
  adminAadId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
} as const;

/** The policy of the integration tests: admins by id, Carol manages queue 800. */
export const INTEGRATION_POLICY = [
  'admins:',
  `  - ${PEOPLE.adminSlackId}`,
  `  - ${PEOPLE.adminAadId}`,
  'managers:',
  `  - who: ${PEOPLE.managerEmail}`,
  '    queues: [800]',
].join('\n');

/** The summary line a chat reply's fallback text carries: "<window>: N calls, A answered, M missed". */
export function summaryLine(
  windowLabel: string,
  totals: { calls: number; answered: number; missed: number },
): string {
  return `${windowLabel}: ${totals.calls} calls, ${totals.answered} answered, ${totals.missed} missed`;
}

/**
 * The summary line of a plain summary that names no extension: the calls' change against the
 * previous period follows the count ("<window>: 173 calls (▼ 2%), 140 answered, 33 missed"),
 * written out by the helper from the CLI's JSON (`totals`, `previous.totals`).
 */
export function summaryLineWithChange(windowLabel: string, report: Report): string {
  return `${windowLabel}: ${expectedCountsWithChange(report)}`;
}

/**
 * The summary line when the extension's own view leads (an extension named, or an agent narrowed
 * to their own): "<window>: Ben Okafor (ext 101) offered 58, answered 29, missed 13; 66 calls in all".
 */
export function focusSummaryLine(windowLabel: string, report: Report): string {
  return `${windowLabel}: ${expectedFocusSummary(report)}`;
}
