/** How often and how long to wait before repeating a request that may succeed later. */
export interface RetryPolicy {
  /** Retries after the first attempt (default 3). */
  maxRetries: number;
  /** First backoff ceiling; doubles per retry (default 500 ms). */
  baseDelayMs: number;
  /** Upper bound for any wait, including a server's Retry-After (default 30 s). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
});

/** Statuses worth repeating: rate limiting and a gateway or PBX that is (re)starting. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503;
}

/**
 * Milliseconds to wait before retry number `retry` (0 = first retry): the server's Retry-After
 * when it gave one, else exponential backoff with full jitter; never more than `maxDelayMs`.
 */
export function computeRetryDelayMs(
  retry: number,
  policy: RetryPolicy,
  random: () => number,
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(0, retryAfterMs), policy.maxDelayMs);
  const ceilingMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceilingMs);
}

/** Retry-After as delta-seconds (`120`) or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfterMs(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const atMs = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(atMs)) return undefined;
  return Math.max(0, atMs - nowMs);
}
