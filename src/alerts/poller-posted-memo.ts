/**
 * The (subscription, call) pairs this process knows are posted, so that later polls, which see the
 * same calls for two hours, do not claim them in the store again and again. Only certainty goes
 * in: a post this poller made, or a claim found `taken` by an alert already recorded as posted (a
 * claim still `posting`, left by a poller that died mid-post, is asked again at every poll until
 * its lease ends). Pairs leave with their call's start falling out of the window. After a restart
 * the memo is empty and the store answers, as it always can.
 */
export class PostedAlertMemo {
  private readonly starts = new Map<string, number>();

  has(subscriptionId: string, callKey: string): boolean {
    return this.starts.has(keyOf(subscriptionId, callKey));
  }

  add(subscriptionId: string, callKey: string, callStartMs: number): void {
    this.starts.set(keyOf(subscriptionId, callKey), callStartMs);
  }

  /** Forgets the pairs whose call started before `fromMs` (no poll reads them again). */
  forgetBefore(fromMs: number): void {
    for (const [key, startMs] of this.starts) if (startMs < fromMs) this.starts.delete(key);
  }

  get size(): number {
    return this.starts.size;
  }
}

function keyOf(subscriptionId: string, callKey: string): string {
  return `${subscriptionId}\u0000${callKey}`;
}
