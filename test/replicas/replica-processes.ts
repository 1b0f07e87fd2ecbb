import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const ENTRY = join(__dirname, 'replica-entry.ts');
const ROOT = resolve(__dirname, '../..');

/** A replica process started by `startReplica`. */
export interface ReplicaProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** Everything it wrote to stderr (its JSON log), for failure messages. */
  logs: string[];
  /** Resolves with the exit code (or signal) once it has exited. */
  exited: Promise<number | string>;
  /** SIGKILL: dies at once, mid-whatever (a crash). */
  kill(): Promise<void>;
  /** SIGTERM: closes cleanly. */
  stop(): Promise<void>;
}

/** Spawns `node --import tsx replica-entry.ts` with `env` and waits until it serves (or fails). */
export async function startReplica(name: string, env: Record<string, string>): Promise<ReplicaProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => logs.push(chunk));
  const exited = new Promise<number | string>((done) => {
    child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown'));
  });
  const url = await new Promise<string>((ready, fail) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`${name} did not start in 60 s:\n${logs.join('')}`)),
      60_000,
    );
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /REPLICA_READY (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        ready(match[1]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`${name} exited (${code}) before it served:\n${logs.join('')}`));
    });
  });
  const signal = async (kind: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(kind);
    await exited;
  };
  return { name, url, child, logs, exited, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
