import { computeRetryDelayMs, isRetryableStatus, parseRetryAfterMs } from '../../src/threecx/retry';

const policy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 30_000 };

describe('computeRetryDelayMs', () => {
  it('draws from a doubling ceiling (full jitter)', () => {
    expect([0, 1, 2, 3].map((retry) => computeRetryDelayMs(retry, policy, () => 0.5))).toEqual([
      250, 500, 1000, 2000,
    ]);
    expect(computeRetryDelayMs(0, policy, () => 0)).toBe(0);
  });

  it('never exceeds maxDelayMs', () => {
    expect(computeRetryDelayMs(10, policy, () => 0.999)).toBe(29_970);
  });

  it("uses the server's Retry-After, capped", () => {
    expect(computeRetryDelayMs(0, policy, () => 0.5, 2000)).toBe(2000);
    expect(computeRetryDelayMs(0, policy, () => 0.5, 120_000)).toBe(30_000);
  });
});

describe('parseRetryAfterMs', () => {
  const nowMs = Date.UTC(2026, 10, 29, 10);
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfterMs('1', nowMs)).toBe(1000);
    expect(parseRetryAfterMs(' 120 ', nowMs)).toBe(120_000);
    expect(parseRetryAfterMs('Sun, 29 Nov 2026 10:00:05 GMT', nowMs)).toBe(5000);
    expect(parseRetryAfterMs('Sun, 29 Nov 2026 09:00:00 GMT', nowMs)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfterMs(undefined, nowMs)).toBeUndefined();
    expect(parseRetryAfterMs('', nowMs)).toBeUndefined();
    expect(parseRetryAfterMs('soon', nowMs)).toBeUndefined();
    expect(parseRetryAfterMs('-5', nowMs)).toBeUndefined();
  });
});

describe('isRetryableStatus', () => {
  it('retries rate limiting and unavailable gateways only', () => {
    const statuses = [400, 401, 403, 404, 429, 500, 502, 503, 504];
    expect(statuses.filter(isRetryableStatus)).toEqual([429, 502, 503]);
  });
});
