import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DemoPbx } from '../../src/demo/demo-pbx';
import { demoPbxEnv } from '../helpers/run-cli-in-process';

const MAIN = resolve(__dirname, '../../src/main.ts');

/**
 * The environment of a bot on a free loopback port with an in-memory store, talking to `pbx` as to
 * a real 3CX (THREECX_URL set); `extra` adds to it or overrides it.
 */
export function localBotEnv(pbx: DemoPbx, extra: Record<string, string> = {}): Record<string, string> {
  return { ...demoPbxEnv(pbx), PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'sqlite::memory:', ...extra };
}

/** `npm start` (src/main.ts) as its own process, with exactly the environment given. */
export interface MainProcess {
  /** Everything it printed on stdout so far: the startup banner. */
  stdout(): string;
  /** Everything it printed on stderr so far: its JSON log lines (or a startup error). */
  stderr(): string;
  /** Resolves with the exit code once it has exited. */
  exited: Promise<number | string>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<number | string>;
  /** Sends `signal` (if it still runs), without waiting. */
  kill(signal: NodeJS.Signals): void;
}

/**
 * Spawns `node --require tsx/cjs src/main.ts` in an empty working directory (so no `.env` is read)
 * with `env` plus PATH. Resolves once the banner is out (its Health line) or the process exited.
 */
export async function startMainProcess(env: Record<string, string>): Promise<MainProcess> {
  const cwd = mkdtempSync(join(tmpdir(), 'calls-bot-main-'));
  const child: ChildProcess = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | string>((done) => {
    // 'close', not 'exit': by then everything it printed has been read.
    child.once('close', (code, signal) => {
      rmSync(cwd, { recursive: true, force: true });
      done(code ?? signal ?? 'unknown');
    });
  });
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`main.ts did not start in 60 s:\n${stderr}`)), 60_000);
    const check = () => {
      if (!/^ {2}Health:/m.test(stdout)) return;
      clearTimeout(timer);
      ready();
    };
    child.stdout?.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      ready();
    });
  });
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}
