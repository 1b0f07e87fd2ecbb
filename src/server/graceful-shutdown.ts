import { describeError } from '../core/errors';
import type { Logger } from '../core/logger';

/**
 * How long a stopping bot gives the replies in flight (a Slack command being worked on, a Teams
 * message, a playground command) before it gives up on them. Kept under Kubernetes' default
 * 30-second termination grace, with room for closing the store and the PBX client.
 */
export const SHUTDOWN_GRACE_MS = 10_000;

/** What the askers still waiting at the end of the grace period are told, where the platform allows. */
export const RESTARTING_TEXT = 'The bot is restarting; ask again in a minute.';

/**
 * After the grace period, how long closing the digest scheduler, the alert poller (which hands its
 * lease on), the store and the PBX client may take before the process exits anyway.
 */
const CLOSE_DEADLINE_MS = 10_000;

/**
 * The grace period: `SHUTDOWN_GRACE_MS` from the environment (milliseconds, for tests and for
 * platforms with a shorter or longer termination grace), else `SHUTDOWN_GRACE_MS`.
 */
export function shutdownGraceMs(env: Record<string, string | undefined>): number {
  const raw = env.SHUTDOWN_GRACE_MS?.trim();
  if (!raw) return SHUTDOWN_GRACE_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`SHUTDOWN_GRACE_MS must be a whole number of milliseconds, not "${raw}"`);
  }
  return value;
}

export interface SignalHandlingOptions {
  logger: Logger;
  /** Stops the bot: stop accepting, give the work in flight `graceMs`, close everything. */
  stop: (graceMs: number) => Promise<void>;
  graceMs: number;
  /** Default `process.exit`. */
  exit?: (code: number) => void;
  /** Default `process`. */
  signals?: Pick<NodeJS.Process, 'on'>;
}

/**
 * SIGTERM or SIGINT: stop cleanly (exit 0; 1 if closing failed or took far too long). A second
 * signal while stopping exits at once (code 1), for the impatient operator and for Ctrl-C twice.
 */
export function exitOnSignals(options: SignalHandlingOptions): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? process;
  const { logger, graceMs } = options;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn('stopping at once (second signal)', { signal });
      exit(1);
      return;
    }
    stopping = true;
    logger.info('stopping', { signal, graceMs });
    const deadline = setTimeout(() => {
      logger.error('stopping took too long; exiting', { deadlineMs: graceMs + CLOSE_DEADLINE_MS });
      exit(1);
    }, graceMs + CLOSE_DEADLINE_MS);
    deadline.unref();
    options.stop(graceMs).then(
      () => {
        clearTimeout(deadline);
        logger.info('stopped', { signal });
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        logger.error('stopping failed', { error: describeError(error) });
        exit(1);
      },
    );
  };
  signals.on('SIGTERM', onSignal);
  signals.on('SIGINT', onSignal);
}

/** Resolves when `work` settles or after `ms` (never rejects); true if the work settled in time. */
export async function settledWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  const settled = work.then(
    () => true,
    () => true,
  );
  if (ms === Number.POSITIVE_INFINITY) return settled;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([settled, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The work a chat adapter has acknowledged but not yet answered, each with where its asker can
 * still be told something (a Slack `response_url`), so that a stopping bot can wait for it and
 * then tell those still waiting that it is restarting.
 */
export class RepliesInFlight {
  private readonly running = new Map<Promise<void>, string | undefined>();
  private readonly abandoned = new Set<string>();

  /** Tracks `work` until it settles; returns it. */
  async track(work: Promise<void>, replyUrl: string | undefined): Promise<void> {
    const tracked = work.finally(() => this.running.delete(tracked));
    this.running.set(tracked, replyUrl);
    return tracked;
  }

  get size(): number {
    return this.running.size;
  }

  /**
   * Waits up to `graceMs` for the work in flight; returns the reply URLs of the work still
   * running then, which count as abandoned from now on (`isAbandoned`).
   */
  async finish(graceMs: number): Promise<string[]> {
    await settledWithin(Promise.allSettled([...this.running.keys()]), graceMs);
    const left = [...this.running.values()].filter((url): url is string => url !== undefined);
    for (const url of left) this.abandoned.add(url);
    return left;
  }

  /** True for a reply URL whose asker was told the bot is restarting: the late answer is not sent. */
  isAbandoned(url: string): boolean {
    return this.abandoned.has(url);
  }
}
