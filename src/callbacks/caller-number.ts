/**
 * Caller numbers as call-backs compare them (product spec, "Call-backs (round 2)"): a number is
 * usable unless it is empty, `anonymous`, `unknown` or `private`, or has fewer than 7 digits; two
 * numbers are the same caller when their last 9 digits agree (all digits when fewer), so
 * `020 7946 0123`, `+44 20 7946 0123` and `0044 20 7946 0123` are one caller.
 */

/** Fewer digits than this: an extension, a short code or a withheld number, never called back. */
export const MIN_CALLBACK_DIGITS = 7;
/** How many trailing digits tell two numbers apart (national and international forms agree on them). */
export const COMPARED_DIGITS = 9;

/** 3CX's words for a withheld number, alone or leading a SIP address (`anonymous@10.0.0.1`). */
const WITHHELD = /^\s*(anonymous|unknown|private)\b/i;
const NON_DIGITS = /\D/g;

/**
 * The key a number is compared by (its last 9 digits, all of them when shorter), or undefined when
 * the number is not usable (empty, a withheld word, even one followed by digits, fewer than 7 digits).
 */
export function callbackNumberKey(number: string | undefined): string | undefined {
  if (number === undefined) return undefined;
  if (WITHHELD.test(number)) return undefined;
  const digits = number.replace(NON_DIGITS, '');
  if (digits.length < MIN_CALLBACK_DIGITS) return undefined;
  return digits.slice(-COMPARED_DIGITS);
}

/** True when the caller left a number that can be called back. */
export function isUsableNumber(number: string | undefined): boolean {
  return callbackNumberKey(number) !== undefined;
}
