/**
 * What the asker's locale (BCP 47) says about dates: the order of a numeric date, from
 * `Intl.DateTimeFormat` (never from the time zone), and the country whose holidays count.
 */

export type DateOrder = 'month-first' | 'day-first' | 'year-first';

export const DEFAULT_LOCALE = 'en-US';

const orders = new Map<string, DateOrder>();

/** `en-US` month-first; `en-GB`, `de-DE`, `en-IN` day-first; `sv-SE`, `ja-JP`, `en-CA` year-first. */
export function dateOrderOf(locale: string): DateOrder {
  const known = orders.get(locale);
  if (known) return known;
  const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric' })
    .formatToParts(new Date(Date.UTC(2026, 10, 3)))
    .map((part) => part.type)
    .filter((type) => type === 'day' || type === 'month' || type === 'year');
  const order: DateOrder =
    parts[0] === 'year' ? 'year-first' : parts[0] === 'day' ? 'day-first' : 'month-first';
  orders.set(locale, order);
  return order;
}

const canonical = new Map<string, { locale: string; country?: string }>();

/** The locale as given when it is a valid BCP 47 tag (canonical spelling), else the default. */
export function checkedLocale(locale: string | undefined): string {
  return describeLocale(locale).locale;
}

/** The region of the locale (`en-GB` -> `GB`), or undefined without one (`en`). */
export function countryOf(locale: string): string | undefined {
  return describeLocale(locale).country;
}

function describeLocale(locale: string | undefined): { locale: string; country?: string } {
  const given = locale || DEFAULT_LOCALE;
  const known = canonical.get(given);
  if (known) return known;
  let described: { locale: string; country?: string };
  try {
    const checked = Intl.getCanonicalLocales(given)[0] ?? DEFAULT_LOCALE;
    const country = new Intl.Locale(checked).region;
    described = country ? { locale: checked, country } : { locale: checked };
  } catch {
    described = describeLocale(DEFAULT_LOCALE);
  }
  if (canonical.size < 1000) canonical.set(given, described);
  return described;
}
