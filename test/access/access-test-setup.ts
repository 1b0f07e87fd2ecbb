import { runCli } from '../../src/adapters/cli/run-cli';
import type { DemoPbx } from '../../src/demo/demo-pbx';

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

/** `npm run -s calls -- <words> --json` in-process against `pbx`, with `env` added; the parsed output. */
export async function runCliJson<T>(
  words: string[],
  pbx: DemoPbx,
  now: Date,
  env: Record<string, string> = {},
): Promise<T> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...words, '--json', '--tz', 'Europe/Berlin', '--now', now.toISOString()], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {
      THREECX_URL: pbx.url,
      THREECX_CLIENT_ID: pbx.clientId,
      THREECX_CLIENT_SECRET: pbx.clientSecret,
      ...env,
    },
    now: () => now,
    machineTimeZone: 'UTC',
  });
  if (code !== 0) throw new Error(`calls CLI exited with ${code}: ${stderr}`);
  return JSON.parse(stdout) as T;
}

/** The summary line a chat reply's fallback text carries: "<window>: N calls, A answered, M missed". */
export function summaryLine(
  windowLabel: string,
  totals: { calls: number; answered: number; missed: number },
): string {
  return `${windowLabel}: ${totals.calls} calls, ${totals.answered} answered, ${totals.missed} missed`;
}
