import { isUsableNumber } from '../callbacks/caller-number';

/**
 * A caller's number as a `tel:` URI (`tel:+442079460123`, `tel:02079460123`), or undefined when it
 * cannot be dialled from what is shown: not a usable number (see `isUsableNumber`), or masked
 * (PRIVACY_MASK_NUMBERS: its bullets hide digits). Only a leading `+` and the digits are kept.
 */
export function telUri(number: string): string | undefined {
  if (number.includes('•') || !isUsableNumber(number)) return undefined;
  const trimmed = number.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}
