/**
 * A BCP 47 locale tag (`en-GB`, `en-us`, `de`) in its canonical spelling (`en-US`), or undefined
 * when it is not one or the runtime has no data for it (`english`, `xx-YY`, `en_GB`). Every locale
 * that reaches the parser (DEFAULT_LOCALE, Slack, Teams, the terminal) goes through here.
 */
export function canonicalLocale(tag: string | undefined): string | undefined {
  const trimmed = tag?.trim();
  if (!trimmed) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(trimmed);
    if (!canonical || Intl.DateTimeFormat.supportedLocalesOf([canonical]).length === 0) return undefined;
    return canonical;
  } catch {
    return undefined;
  }
}

/** The locale when nothing says otherwise (`DEFAULT_LOCALE` unset). */
export const FALLBACK_LOCALE = 'en-US';
