import { MAX_SKEW_SECONDS } from './check-slack-signature';

export interface SlackReplayCacheOptions {
  /** Signatures remembered at most; past it the oldest go first. Default 10,000 (about 2 MB). */
  maxEntries?: number;
}

/**
 * The signatures of Slack requests already accepted, so that the same signed request sent again
 * while its timestamp is still inside Slack's 5-minute window is recognised as a replay. A
 * signature is remembered until its timestamp leaves the window (after which the signature
 * check refuses the request anyway). Per process: replicas do not share it (docs/replicas.md).
 */
export class SlackReplayCache {
  /** Signature -> epoch ms after which its request is stale. In arrival order. */
  private readonly staleAtMs = new Map<string, number>();
  private readonly maxEntries: number;

  constructor(options: SlackReplayCacheOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? 10_000);
  }

  /** True the first time a signature is seen; false for a replay. `signature` must have passed the check. */
  remember(signature: string, timestampSeconds: number, nowMs: number): boolean {
    this.forgetStale(nowMs);
    const seenStaleAtMs = this.staleAtMs.get(signature);
    if (seenStaleAtMs !== undefined && nowMs <= seenStaleAtMs) return false;
    this.staleAtMs.delete(signature);
    if (this.staleAtMs.size >= this.maxEntries) this.forgetOldest();
    this.staleAtMs.set(signature, (timestampSeconds + MAX_SKEW_SECONDS) * 1000);
    return true;
  }

  /** How many signatures are remembered (for tests). */
  get size(): number {
    return this.staleAtMs.size;
  }

  /** Drops stale entries from the front: arrivals come in roughly timestamp order. */
  private forgetStale(nowMs: number): void {
    for (const [signature, staleAtMs] of this.staleAtMs) {
      if (nowMs <= staleAtMs) return;
      this.staleAtMs.delete(signature);
    }
  }

  private forgetOldest(): void {
    const oldest = this.staleAtMs.keys().next();
    if (!oldest.done) this.staleAtMs.delete(oldest.value);
  }
}
