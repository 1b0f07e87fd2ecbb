/** A whole number with thousands separators, independent of the machine's locale: `1,234`. */
export function formatCount(count: number): string {
  const sign = count < 0 ? '-' : '';
  const digits = String(Math.abs(Math.round(count)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A whole percentage as the report carries it: `50%`. */
export function formatPercent(percent: number): string {
  return `${Math.round(percent)}%`;
}

/** `part` as a share of `whole`, rounded half up: `67%`; `null` when the whole is zero. */
export function formatShare(part: number, whole: number): string | null {
  if (whole <= 0) return null;
  return formatPercent(Math.floor((part * 100) / whole + 0.5));
}

/** `1 call`, `3 calls`, `1,234 rows`. */
export function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}
