import { runCli } from '../../src/adapters/cli/run-cli';
import type { DemoPbx } from '../../src/demo/demo-pbx';

/** A report as `npm run -s calls -- <words> --json` prints it (the fields the Slack tests compare). */
export interface CliJsonReport {
  window: { from: string; to: string; timeZone: string };
  totals: {
    calls: number;
    inbound: number;
    outbound: number;
    internal: number;
    answered: number;
    missed: number;
    talkSeconds: number;
    avgTalkSeconds: number;
    avgWaitSeconds: number;
    longestTalkSeconds: number;
    serviceLevelPercent: number;
  };
  byExtension: {
    extension: string;
    name: string;
    calls: number;
    answered: number;
    missed: number;
    outbound: number;
    talkSeconds: number;
  }[];
  missedCalls: { start: string; from: string; to: string }[];
  calls?: {
    start: string;
    direction: string;
    from: string;
    fromName: string;
    to: string;
    toName: string;
    answered: boolean;
    talkSeconds: number;
    waitSeconds: number;
  }[];
}

/** Runs the CLI in-process against the same PBX, zone and clock as the bot, and parses its JSON. */
export async function runCliReport(
  words: string[],
  pbx: DemoPbx,
  timeZone: string,
  now: Date,
): Promise<CliJsonReport> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...words, '--json', '--tz', timeZone, '--now', now.toISOString()], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { THREECX_URL: pbx.url, THREECX_CLIENT_ID: pbx.clientId, THREECX_CLIENT_SECRET: pbx.clientSecret },
    now: () => now,
    machineTimeZone: 'UTC',
  });
  if (code !== 0) throw new Error(`calls CLI failed with ${code}: ${stderr}`);
  return JSON.parse(stdout) as CliJsonReport;
}
