import fc from 'fast-check';
import {
  averageMicrosToSeconds,
  roundMicrosToSeconds,
  roundRatioHalfUp,
  secondsToMicros,
} from '../../src/report/round-half-up';

function referenceHalfUp(numerator: bigint, denominator: bigint): bigint {
  // floor((2n + d) / 2d) for d > 0, with floor division on negatives.
  const twice = 2n * numerator + denominator;
  const divisor = 2n * denominator;
  const quotient = twice / divisor;
  return twice % divisor < 0n ? quotient - 1n : quotient;
}

describe('round-half-up', () => {
  it('rounds halves up and everything else to the nearest', () => {
    expect(roundMicrosToSeconds(500_000)).toBe(1);
    expect(roundMicrosToSeconds(499_999)).toBe(0);
    expect(roundMicrosToSeconds(21_000_000)).toBe(21);
    expect(roundMicrosToSeconds(2_500_000)).toBe(3);
    expect(roundRatioHalfUp(-5, 2)).toBe(-2);
    expect(roundRatioHalfUp(200, 3)).toBe(67);
    expect(roundRatioHalfUp(100, 3)).toBe(33);
  });

  it('is exact for large sums (a year of calls in microseconds)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 52), max: 2 ** 52 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        (numerator, denominator) => {
          expect(roundRatioHalfUp(numerator, denominator)).toBe(
            Number(referenceHalfUp(BigInt(numerator), BigInt(denominator))),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('averages, and gives 0 when there is nothing to average', () => {
    expect(averageMicrosToSeconds(21_000_000, 2)).toBe(11);
    expect(averageMicrosToSeconds(20_999_999, 2)).toBe(10);
    expect(averageMicrosToSeconds(123, 0)).toBe(0);
  });

  it('turns leg seconds into whole microseconds, treating NaN and negatives as 0', () => {
    expect(secondsToMicros(72.577027)).toBe(72_577_027);
    expect(secondsToMicros(0.1)).toBe(100_000);
    expect(secondsToMicros(Number.NaN)).toBe(0);
    expect(secondsToMicros(-3)).toBe(0);
    expect(secondsToMicros(Number.POSITIVE_INFINITY)).toBe(0);
  });
});
