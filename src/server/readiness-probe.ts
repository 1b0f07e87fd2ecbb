import { describeError } from '../core/errors';
import type { Logger } from '../core/logger';
import { READINESS_HINTS, type ReadinessReason } from './readiness-reasons';

/** A dependency `/readyz` checks: `check` resolves when it is usable; `reasonFor` names why not. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
  /** The fixed reason for what `check` threw. */
  reasonFor(error: unknown): ReadinessReason;
}

export type CheckResult =
  | { name: string; ok: true }
  | { name: string; ok: false; reason: ReadinessReason; hint: string };

export interface Readiness {
  ready: boolean;
  checks: CheckResult[];
}

export interface ReadinessProbeOptions {
  logger: Logger;
  now: () => Date;
  /** How long a result is served after its run ended; default 10 s. */
  cacheMs?: number;
}

/**
 * Runs every check at once and serves the result for `cacheMs`; requests meanwhile share the
 * run in flight, so a burst of `/readyz` (load balancers, a flood) costs each dependency at most
 * one check per period. A failing check is logged once per run, with its detail (the log
 * redacts secrets); the answer carries only the reason and its hint.
 */
export class ReadinessProbe {
  private cached: { readiness: Readiness; expiresAtMs: number } | undefined;
  private inFlight: Promise<Readiness> | undefined;

  constructor(
    private readonly checks: readonly ReadinessCheck[],
    private readonly options: ReadinessProbeOptions,
  ) {}

  current(): Promise<Readiness> {
    const nowMs = this.options.now().getTime();
    if (this.cached && nowMs < this.cached.expiresAtMs) return Promise.resolve(this.cached.readiness);
    if (!this.inFlight) {
      this.inFlight = this.run().finally(() => {
        this.inFlight = undefined;
      });
    }
    return this.inFlight;
  }

  private async run(): Promise<Readiness> {
    const checks = await Promise.all(this.checks.map((check) => this.runCheck(check)));
    const readiness = { ready: checks.every((result) => result.ok), checks };
    const cacheMs = this.options.cacheMs ?? 10_000;
    this.cached = { readiness, expiresAtMs: this.options.now().getTime() + cacheMs };
    return readiness;
  }

  private async runCheck(check: ReadinessCheck): Promise<CheckResult> {
    try {
      await check.check();
      return { name: check.name, ok: true };
    } catch (error) {
      const reason = check.reasonFor(error);
      this.options.logger.warn('readiness check failed', {
        check: check.name,
        reason,
        error: describeError(error),
      });
      return { name: check.name, ok: false, reason, hint: READINESS_HINTS[reason] };
    }
  }
}
