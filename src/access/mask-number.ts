/** Bullets stand for hidden digits. */
const BULLET = '•';
/** Numbers with fewer digits are internal (extensions, queues, short codes) and stay visible. */
const MIN_EXTERNAL_DIGITS = 7;

/** E.164 country codes of two digits (1 and 7 have one; every other code has three). */
const TWO_DIGIT_CODES = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(
    ' ',
  ),
);

/**
 * A phone number with its middle hidden, for PRIVACY_MASK_NUMBERS: the country code and two more
 * digits stay, and the last four: `+442071234567` -> `+44 20•• ••4567`, `+14155551234` ->
 * `+1 41•• ••1234`, `02071234567` -> `02•• •••4567`. Numbers of fewer than 7 digits (extensions,
 * queues) are returned unchanged.
 */
export function maskNumber(text: string): string {
  const digits = text.replace(/\D/g, '');
  if (digits.length < MIN_EXTERNAL_DIGITS) return text;
  const trimmed = text.trim();
  const international = trimmed.startsWith('+') || (trimmed.startsWith('00') && digits.length > 9);
  if (!international) return maskNational(digits);
  const e164 = trimmed.startsWith('+') ? digits : digits.slice(2);
  const codeLength = countryCodeLength(e164);
  return `+${e164.slice(0, codeLength)} ${maskNational(e164.slice(codeLength))}`;
}

/**
 * A phone-like run: an optional `+`, then digits with any separators between them: spaces of any
 * kind, `( ) . /`, dashes, and invisible format characters (bidi marks, zero-width joiners), so
 * that none of them splits a number into runs too short to be masked.
 */
const PHONE_RUN = /\+?\d[\d()./\p{Pd}\s\p{Cf}]{5,}\d/gu;

/**
 * Every phone-like run of 7 or more digits within `text` masked: `Jane +44 20 7123 4567`,
 * `020-7123-4567`, `(020) 7123 4567`, and runs glued to letters or underscores as in a recording's
 * file name (`…_+442071234567-101_20261117080211(42).wav`: the 14-digit time stamp is masked too).
 * Only a run that is exactly a date or a range of dates (`2026-11-01..2026-11-15`) stays.
 */
export function maskNumbersInText(text: string): string {
  return text.replace(PHONE_RUN, (run) => (isDates(run) ? run : maskNumber(run)));
}

/**
 * A command as the audit log writes it: phone numbers masked as above, and the values of the
 * `number` filter (which may be partial) reduced to their last two digits.
 */
export function maskCommandText(text: string): string {
  const numbersMasked = text.replace(
    /\b(numbers?)(\s+)([+\d][\d+,]*)/gi,
    (_match, word: string, space: string, values: string) =>
      `${word}${space}${values
        .split(',')
        .map((value) => value.replace(/\d(?=\d{2})/g, BULLET))
        .join(',')}`,
  );
  return maskNumbersInText(numbersMasked);
}

function maskNational(digits: string): string {
  const keepStart = digits.length >= 7 ? 2 : 0;
  const keepEnd = digits.length >= 6 ? 4 : Math.min(2, digits.length);
  const hidden = BULLET.repeat(Math.max(0, digits.length - keepStart - keepEnd));
  const tail = digits.slice(digits.length - keepEnd);
  if (hidden.length <= 2) return `${digits.slice(0, keepStart)}${hidden} ${tail}`.trim();
  return `${digits.slice(0, keepStart)}${hidden.slice(0, 2)} ${hidden.slice(2)}${tail}`;
}

function countryCodeLength(e164: string): number {
  if (e164.startsWith('1') || e164.startsWith('7')) return 1;
  return TWO_DIGIT_CODES.has(e164.slice(0, 2)) ? 2 : 3;
}

/** Exactly a date or two (`2026-11-01`, `2026-11-01..2026-11-15`): dates in commands, not phone numbers. */
function isDates(run: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(?:(?:\s*(?:\.\.|-)\s*|\s+)\d{4}-\d{2}-\d{2})?$/.test(run);
}
