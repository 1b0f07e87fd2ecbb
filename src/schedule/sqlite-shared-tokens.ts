import type { Database } from 'better-sqlite3';
import { AppError } from '../core/errors';
import type { SharedToken, SharedTokenRefresh } from '../threecx/shared-token-store';

export interface SqliteSharedTokensOptions {
  /** Epoch ms, for the lock's lease. */
  nowMs: () => number;
  /** How long a refresh may hold the lock before another process may take it; default 60 s. */
  lockMs?: number;
  /** Between two looks at a lock another process holds; default 50 ms. */
  pollMs?: number;
}

interface TokenRow {
  token: string | null;
  expires_at: number | null;
  refresh_at: number | null;
  lock_until: number | null;
}

type LockStep = { kind: 'reuse'; token: SharedToken } | { kind: 'locked' } | { kind: 'wait' };

/**
 * The shared PBX token in SQLite (`shared_tokens`). A refresh takes a lock row with a lease in a
 * `BEGIN IMMEDIATE` transaction (never held across the fetch, so other processes are not blocked),
 * fetches, stores and releases; a process that finds the lock taken polls until the token changes
 * or the lease ends (a crashed holder). Within one process, refreshes of a key run one at a time.
 */
export class SqliteSharedTokens {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: Database,
    private readonly options: SqliteSharedTokensOptions,
  ) {}

  read(key: string): SharedToken | undefined {
    const row = this.db
      .prepare('SELECT token, expires_at, refresh_at, lock_until FROM shared_tokens WHERE key = ?')
      .get(key) as TokenRow | undefined;
    return toSharedToken(row);
  }

  refresh(key: string, refresh: SharedTokenRefresh): Promise<SharedToken> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.refreshAcrossProcesses(key, refresh));
    this.queues.set(key, run);
    void run
      .finally(() => {
        if (this.queues.get(key) === run) this.queues.delete(key);
      })
      .catch(() => undefined);
    return run;
  }

  private async refreshAcrossProcesses(key: string, refresh: SharedTokenRefresh): Promise<SharedToken> {
    const lockMs = this.options.lockMs ?? 60_000;
    const pollMs = this.options.pollMs ?? 50;
    // Counted, not timed: a frozen test clock must not make this wait forever.
    for (let attempt = 0; ; attempt++) {
      const step = this.tryLock(key, refresh, lockMs);
      if (step.kind === 'reuse') return step.token;
      if (step.kind === 'locked') break;
      if (attempt * pollMs > 2 * lockMs) {
        throw new AppError(
          'unreachable',
          'Another calls-bot process has been fetching the PBX token for too long.',
          'Check that the PBX answers; the lock is released when that process finishes or stops.',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    let fresh: SharedToken;
    try {
      fresh = await refresh.fetchNew();
    } catch (error) {
      this.db.prepare('UPDATE shared_tokens SET lock_until = NULL WHERE key = ?').run(key);
      throw error;
    }
    this.db
      .prepare(
        `UPDATE shared_tokens SET token = ?, expires_at = ?, refresh_at = ?, lock_until = NULL, updated_at = ?
         WHERE key = ?`,
      )
      .run(fresh.token, fresh.expiresAtMs, fresh.refreshAtMs, this.options.nowMs(), key);
    return fresh;
  }

  /** One immediate transaction: reuse the stored token, take the free (or expired) lock, or wait. */
  private tryLock(key: string, refresh: SharedTokenRefresh, lockMs: number): LockStep {
    const step = this.db.transaction((): LockStep => {
      const nowMs = this.options.nowMs();
      const row = this.db
        .prepare('SELECT token, expires_at, refresh_at, lock_until FROM shared_tokens WHERE key = ?')
        .get(key) as TokenRow | undefined;
      const stored = toSharedToken(row);
      if (stored && refresh.reuse(stored)) return { kind: 'reuse', token: stored };
      if (row?.lock_until != null && row.lock_until > nowMs) return { kind: 'wait' };
      this.db
        .prepare(
          `INSERT INTO shared_tokens (key, lock_until, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET lock_until = excluded.lock_until`,
        )
        .run(key, nowMs + lockMs, nowMs);
      return { kind: 'locked' };
    });
    return step.immediate();
  }
}

function toSharedToken(row: TokenRow | undefined): SharedToken | undefined {
  if (!row || row.token === null || row.expires_at === null || row.refresh_at === null) return undefined;
  return { token: row.token, expiresAtMs: row.expires_at, refreshAtMs: row.refresh_at };
}
