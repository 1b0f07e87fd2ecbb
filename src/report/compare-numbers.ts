const collator = new Intl.Collator('en', { numeric: true });

/** Orders extension and queue numbers as a person expects: "99" before "101", then plain text order. */
export function compareNumbers(left: string, right: string): number {
  const byCollation = collator.compare(left, right);
  if (byCollation !== 0) return byCollation;
  return left < right ? -1 : left > right ? 1 : 0;
}
