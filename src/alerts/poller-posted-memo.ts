import type { PostedMessageRef } from './alert-store';

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
  /** Posts the platform took whose recording in the store failed: recorded again at the next poll. */
  private readonly unrecorded = new Map<string, UnrecordedPost>();

  /** A post was made but the store did not record it (`markAlertPosted` failed). */
  addUnrecorded(post: UnrecordedPost): void {
    this.unrecorded.set(keyOf(post.subscriptionId, post.callKey), post);
  }

  /** Tries to record each unrecorded post again; keeps those that fail once more. */
  async recordUnrecorded(record: (post: UnrecordedPost) => Promise<void>): Promise<void> {
    for (const [key, post] of [...this.unrecorded]) {
      try {
        await record(post);
        this.unrecorded.delete(key);
      } catch {
        // Still failing: the next poll tries again (the post itself is never repeated by this process).
      }
    }
  }

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

/** A post the platform accepted, with what the store needs to record it. */
export interface UnrecordedPost {
  subscriptionId: string;
  callKey: string;
  message: PostedMessageRef;
}

function keyOf(subscriptionId: string, callKey: string): string {
  return `${subscriptionId}\u0000${callKey}`;
}
