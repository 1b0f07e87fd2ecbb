import { runCli } from '../../src/adapters/cli/run-cli';
import type { Report } from '../../src/core/report';
import type { DemoPbx } from '../../src/demo/demo-pbx';
import { reportSchema } from '../../src/report/report-schema';

/** What one in-process CLI run printed, and its exit code. */
export interface CliRun {
  code: number;
  /** stdout as UTF-8 text (a byte-order mark kept). */
  stdout: string;
  /** stdout's bytes, for binary output (`--format xlsx`). */
  stdoutBytes: Buffer;
  stderr: string;
}

/** The CLI's clock and environment: `pbx` sets THREECX_*; without it, the built-in demo PBX. */
export interface CliRunOptions {
  now: Date;
  pbx?: DemoPbx;
  env?: Record<string, string>;
  /** Run as if stdout were a terminal; default false (a pipe). */
  stdoutIsTerminal?: boolean;
}

/** `npm run -s calls -- <argv>` in-process, its clock pinned to `now` and the machine's zone UTC. */
export async function runCliInProcess(argv: readonly string[], options: CliRunOptions): Promise<CliRun> {
  const chunks: Buffer[] = [];
  let stderr = '';
  const { pbx, now } = options;
  const code = await runCli(argv, {
    stdout: { write: (chunk: string | Uint8Array) => chunks.push(Buffer.from(chunk)) },
    stderr: { write: (text: string) => (stderr += text) },
    // The call-log history in memory unless a test names a store: no file left behind, none shared.
    env: { DATABASE_URL: 'sqlite::memory:', ...(pbx && demoPbxEnv(pbx)), ...options.env },
    now: () => now,
    machineTimeZone: 'UTC',
    stdoutIsTerminal: options.stdoutIsTerminal ?? false,
  });
  const stdoutBytes = Buffer.concat(chunks);
  return { code, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr };
}

/** `calls <words> --json --tz <zone> --now <now>`: the JSON it printed; throws when the CLI fails. */
export async function runCliJson(
  words: readonly string[],
  timeZone: string,
  options: CliRunOptions,
): Promise<unknown> {
  const argv = [...words, '--json', '--tz', timeZone, '--now', options.now.toISOString()];
  const run = await runCliInProcess(argv, options);
  if (run.code !== 0) throw new Error(`calls CLI exited with ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as unknown;
}

/** The CLI's `--json` report for `words` in `timeZone`, checked against the spec's schema. */
export async function runCliReport(
  words: readonly string[],
  timeZone: string,
  options: CliRunOptions,
): Promise<Report> {
  return reportSchema.parse(await runCliJson(words, timeZone, options));
}

/** The environment that points the bot or the CLI at `pbx`. */
export function demoPbxEnv(pbx: DemoPbx): Record<string, string> {
  return { THREECX_URL: pbx.url, THREECX_CLIENT_ID: pbx.clientId, THREECX_CLIENT_SECRET: pbx.clientSecret };
}
