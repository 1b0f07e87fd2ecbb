import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { TEST_ADMINS_POLICY_PATH } from '../helpers/access-policy-files';

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

/** The signing secret every replica is configured with. */
export const REPLICA_SIGNING_SECRET = 'replica-signing-secret-0123456789';

/**
 * The environment of replica `name`: the shared PostgreSQL and PBX, its own Slack API URL (so every
 * call says which replica made it), test admins, an ephemeral port; `extra` added last.
 */
export function replicaEnvironment(
  name: string,
  shared: {
    databaseUrl: string;
    pbx: { url: string; clientId: string; clientSecret: string };
    slack: { apiUrlFor(replica: string): string };
  },
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    DATABASE_URL: shared.databaseUrl,
    THREECX_URL: shared.pbx.url,
    THREECX_CLIENT_ID: shared.pbx.clientId,
    THREECX_CLIENT_SECRET: shared.pbx.clientSecret,
    SLACK_SIGNING_SECRET: REPLICA_SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-replica-test-token',
    SLACK_API_URL: shared.slack.apiUrlFor(name),
    ACCESS_POLICY: TEST_ADMINS_POLICY_PATH,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    ...extra,
  };
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
