import { canonicalLocale } from '../../config/canonical-locale';

export type CliLocaleResult = { ok: true; locale: string } | { ok: false; message: string };

/**
 * The terminal's locale (how `3/11` reads): `--locale` (an invalid one is an error), else `LANG`
 * (`en_GB.UTF-8` is `en-GB`; `C`, `POSIX`, empty or unreadable count as unset), else DEFAULT_LOCALE.
 */
export function chooseCliLocale(
  flag: string | undefined,
  lang: string | undefined,
  defaultLocale: string,
): CliLocaleResult {
  if (flag !== undefined) {
    const locale = canonicalLocale(flag);
    if (locale) return { ok: true, locale };
    return {
      ok: false,
      message: `Unknown locale "${flag}". Use a BCP 47 tag such as en-US, en-GB or de-DE.`,
    };
  }
  return { ok: true, locale: localeOfLang(lang) ?? defaultLocale };
}

/** A POSIX locale name (`language_TERRITORY.codeset@modifier`) as BCP 47, or undefined. */
export function localeOfLang(lang: string | undefined): string | undefined {
  const name = (lang ?? '').trim().split(/[.@]/)[0] ?? '';
  if (name === '' || name === 'C' || name === 'POSIX') return undefined;
  return canonicalLocale(name.replace(/_/g, '-'));
}
