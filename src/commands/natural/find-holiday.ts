import type Holidays from 'date-holidays';

/**
 * Holidays by name, from the date-holidays library for one country (chrono knows none). Names are
 * matched without case, apostrophes, a plural or possessive `s`, British/American spelling, and
 * without a trailing "day"/"sunday" (`christmas` = Christmas Day, `easter` = Easter Sunday).
 */

export interface HolidayMatch {
  /** The holiday's name as the library writes it, e.g. `Christmas Day`. */
  name: string;
  /** How many words of the phrase it took. */
  words: number;
}

interface CountryHolidays {
  library: Holidays;
  /** Normalised name or alias -> the library's name. */
  aliases: Map<string, string>;
  /** The first word of every alias, to give up early. */
  firstWords: Set<string>;
  longest: number;
}

const countries = new Map<string, CountryHolidays | undefined>();
const dates = new Map<string, Map<string, string>>();

/** One word as names are compared: `Year's` -> `year`, `Labour` -> `labor`. */
export function normalizeHolidayWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’.]/g, '')
    .replace(/our$/, 'or')
    .replace(/(?<=..)s$/, '');
}

/** The longest holiday name that the words at the start of `words` spell, for `country`. */
export function findHoliday(words: readonly string[], country: string): HolidayMatch | undefined {
  const holidays = holidaysOf(country);
  if (!holidays?.firstWords.has(normalizeHolidayWord(words[0] ?? ''))) return undefined;
  const normalized = words.slice(0, holidays.longest).map(normalizeHolidayWord);
  for (let count = normalized.length; count > 0; count--) {
    const name = holidays.aliases.get(normalized.slice(0, count).join(' '));
    if (name) return { name, words: count };
  }
  return undefined;
}

/** The holiday's local date (`2025-12-25`) in `year`, or undefined when it has none that year. */
export function holidayDate(country: string, name: string, year: number): string | undefined {
  const key = `${country}:${year}`;
  let byName = dates.get(key);
  if (!byName) {
    byName = new Map();
    for (const holiday of holidaysOf(country)?.library.getHolidays(year) ?? []) {
      if (!byName.has(holiday.name)) byName.set(holiday.name, holiday.date.slice(0, 10));
    }
    dates.set(key, byName);
  }
  return byName.get(name);
}

function holidaysOf(country: string): CountryHolidays | undefined {
  if (countries.has(country)) return countries.get(country);
  let found: CountryHolidays | undefined;
  try {
    const library = new (loadHolidays())(country, { languages: ['en'] });
    const aliases = new Map<string, string>();
    const year = new Date().getUTCFullYear();
    for (const holiday of [...library.getHolidays(year - 1), ...library.getHolidays(year)]) {
      const words = holiday.name
        .split(/\s+/)
        .map(normalizeHolidayWord)
        .filter((word) => word !== '');
      const full = words.join(' ');
      aliases.set(full, holiday.name);
      const last = words.at(-1);
      if (words.length > 1 && (last === 'day' || last === 'sunday'))
        aliases.set(words.slice(0, -1).join(' '), holiday.name);
    }
    const longest = Math.max(0, ...[...aliases.keys()].map((alias) => alias.split(' ').length));
    const firstWords = new Set([...aliases.keys()].map((alias) => alias.split(' ')[0]!));
    found = aliases.size > 0 ? { library, aliases, firstWords, longest } : undefined;
  } catch {
    found = undefined;
  }
  countries.set(country, found);
  return found;
}

/**
 * The date-holidays library, loaded on the first holiday name read: it takes about 0.2 s and 20 MB
 * to load (every country's rules), which a process that never reads one (the terminal, most
 * commands) should not pay.
 */
function loadHolidays(): typeof Holidays {
  return require('date-holidays') as typeof Holidays;
}
