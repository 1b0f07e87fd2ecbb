import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

/**
 * PostgreSQL for tests. `CALLS_BOT_TEST_POSTGRES_URL` (set by .ci/run) names a server to use;
 * otherwise, when Debian's binaries are installed, each test file starts a throwaway cluster of
 * its own (scripts/ci/start-test-postgres.sh). Without either, PostgreSQL tests are skipped
 * loudly, unless `CALLS_BOT_REQUIRE_POSTGRES=1` (CI), which makes that a failure.
 */

const SCRIPT = resolve(__dirname, '../../scripts/ci/start-test-postgres.sh');

/** How this run gets a PostgreSQL server, decided synchronously (test lists are built before hooks run). */
export type PostgresAvailability = 'url' | 'local' | 'none';

export function detectPostgres(): PostgresAvailability {
  if (process.env.CALLS_BOT_TEST_POSTGRES_URL) return 'url';
  if (findInitdb()) return 'local';
  if (process.env.CALLS_BOT_REQUIRE_POSTGRES === '1') {
    throw new Error(
      'CALLS_BOT_REQUIRE_POSTGRES=1 but PostgreSQL is not available: set CALLS_BOT_TEST_POSTGRES_URL or apt-get install -y postgresql',
    );
  }
  return 'none';
}

/** Prints the loud notice once per file when PostgreSQL tests are skipped. */
export function warnPostgresSkipped(what: string): void {
  process.stderr.write(
    `\n${'!'.repeat(78)}\n!! SKIPPED: PostgreSQL not available (${what}).\n!! Install it (apt-get install -y postgresql) or set CALLS_BOT_TEST_POSTGRES_URL.\n${'!'.repeat(78)}\n\n`,
  );
}

/**
 * `describe` when PostgreSQL is available (or required: then a missing one fails), else
 * `describe.skip` after the loud notice naming `what` was skipped.
 */
export function describeWithPostgres(what: string): typeof describe | typeof describe.skip {
  if (detectPostgres() !== 'none') return describe;
  warnPostgresSkipped(what);
  return describe.skip;
}

/** A server to create test databases on. */
export interface TestPostgres {
  /** The admin URL (database `postgres`). */
  readonly url: string;
  /** A fresh, empty database; `drop()` removes it (closing its connections). */
  createDatabase(): Promise<TestDatabase>;
  /** Stops the throwaway cluster, if this file started one. */
  stop(): Promise<void>;
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** The server: the one CALLS_BOT_TEST_POSTGRES_URL names, or a throwaway cluster started now (a few seconds). */
export async function startTestPostgres(): Promise<TestPostgres> {
  const given = process.env.CALLS_BOT_TEST_POSTGRES_URL;
  let url: string;
  let stop = async () => {};
  if (given) {
    url = given;
  } else {
    // In /tmp itself: as root, the script hands this folder to the postgres user.
    const dir = mkdtempSync(join(tmpdir(), 'calls-bot-pg-'));
    url = execFileSync('bash', [SCRIPT, 'start', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
      .trim()
      .split('\n')
      .at(-1)!;
    stop = async () => {
      execFileSync('bash', [SCRIPT, 'stop', dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    };
  }
  return {
    url,
    createDatabase: async () => {
      const name = `test_${randomBytes(6).toString('hex')}`;
      await runAdmin(url, `CREATE DATABASE ${name}`);
      const databaseUrl = new URL(url);
      databaseUrl.pathname = `/${name}`;
      return {
        url: databaseUrl.toString(),
        name,
        drop: () => runAdmin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      };
    },
    stop,
  };
}

async function runAdmin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function findInitdb(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const initdb = join(root, version, 'bin', 'initdb');
    if (existsSync(initdb)) return initdb;
  }
  return undefined;
}
