/**
 * Exact half-up rounding of integer ratios. The report keeps durations as whole microseconds so
 * that sums are exact, and rounds each published figure once, at the end.
 */
export const MICROS_PER_SECOND = 1_000_000;

/** `numerator / denominator` rounded half up (towards +∞), exactly; both integers, denominator > 0. */
export function roundRatioHalfUp(numerator: number, denominator: number): number {
  let quotient = Math.floor(numerator / denominator);
  let remainder = numerator - quotient * denominator;
  // The float division may be off by one either way; the integer remainder settles it.
  while (remainder < 0) {
    quotient -= 1;
    remainder += denominator;
  }
  while (remainder >= denominator) {
    quotient += 1;
    remainder -= denominator;
  }
  return 2 * remainder >= denominator ? quotient + 1 : quotient;
}

/** Whole microseconds to whole seconds, half up. */
export function roundMicrosToSeconds(micros: number): number {
  return roundRatioHalfUp(micros, MICROS_PER_SECOND);
}

/** The average of `count` durations summing to `totalMicros`, in whole seconds; 0 when count is 0. */
export function averageMicrosToSeconds(totalMicros: number, count: number): number {
  return count > 0 ? roundRatioHalfUp(totalMicros, count * MICROS_PER_SECOND) : 0;
}

/** Fractional seconds (as legs carry them) to whole microseconds; missing, negative or NaN → 0. */
export function secondsToMicros(seconds: number): number {
  return seconds > 0 && Number.isFinite(seconds) ? Math.round(seconds * MICROS_PER_SECOND) : 0;
}
