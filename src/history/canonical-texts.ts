/**
 * 3CX's values of Direction, CallType and Status: canonical as the literals the report engine
 * compares them with (`leg-kinds.ts`), so those comparisons are one pointer check.
 */
const KNOWN_TEXTS = [
  'Inbound',
  'Outbound',
  'Internal',
  'Inbound Queue',
  'Extension',
  'Queue',
  'System',
  'Digital Receptionist',
  'External',
  'Answered',
  'Unanswered',
  'Waiting',
  'Redirected',
];
/** Distinct texts remembered across days (a demo day has ~500, a year ~900); past it, forgotten. */
const MAX_CANONICAL_TEXTS = 50_000;
const canonicalTexts = new Map<string, string>();

/**
 * One string object per distinct text across every day decoded by this process: the texts a report
 * keeps (names, caller ids) are shared by all days, and their hash, once computed for the engine's
 * lookups, is reused on every later day.
 */
export function canonicalText(text: string): string {
  const known = canonicalTexts.get(text);
  if (known !== undefined) return known;
  if (canonicalTexts.size >= MAX_CANONICAL_TEXTS) rememberOnlyKnownTexts();
  canonicalTexts.set(text, text);
  return text;
}

function rememberOnlyKnownTexts(): void {
  canonicalTexts.clear();
  for (const text of KNOWN_TEXTS) canonicalTexts.set(text, text);
}
rememberOnlyKnownTexts();
