import type { RankingOf, TableFirst, TrendUnit } from '../core/answers';
import type { CallDirection, CallStatus, View } from '../core/report-request';

/** The words of the command language, in one place, for the parser, typo hints and the docs. */

/** A table lookup that ignores inherited keys (`constructor`, `__proto__`). */
export function lookupWord<T>(table: Readonly<Record<string, T>>, word: string): T | undefined {
  return Object.hasOwn(table, word) ? table[word] : undefined;
}

export const VIEW_WORDS: Readonly<Record<string, View>> = {
  summary: 'summary',
  list: 'list',
  unreturned: 'unreturned',
  rows: 'rows',
  help: 'help',
  '?': 'help',
  usage: 'help',
};

export const DIRECTION_WORDS: Readonly<Record<string, CallDirection>> = {
  inbound: 'inbound',
  incoming: 'inbound',
  outbound: 'outbound',
  outgoing: 'outbound',
  internal: 'internal',
};

/** A word for more than one direction: `external` is every call with an outside party. */
export const DIRECTION_GROUP_WORDS: Readonly<Record<string, readonly CallDirection[]>> = {
  external: ['inbound', 'outbound'],
};

export const STATUS_WORDS: Readonly<Record<string, CallStatus>> = {
  answered: 'answered',
  missed: 'missed',
  miss: 'missed',
  unanswered: 'missed',
};

export type FilterKind = 'extension' | 'queue' | 'number';

export const FILTER_WORDS: Readonly<Record<string, FilterKind>> = {
  ext: 'extension',
  exts: 'extension',
  extension: 'extension',
  extensions: 'extension',
  queue: 'queue',
  queues: 'queue',
  number: 'number',
  numbers: 'number',
  phone: 'number',
};

/** The asker's own extension. */
export const ME_WORDS: readonly string[] = ['me', 'my', 'mine'];

/**
 * Filler: words that carry no meaning in a command ("can you show me missed calls for the last
 * week?"), skipped anywhere. A closed list (the product contract's), written in
 * docs/command-language.md; `/calls` is the Slack command's own name. `me` right after
 * show/give/tell/get is filler too (`show me yesterday`); elsewhere it is the own-extension filter.
 */
export const FILLER_WORDS: readonly string[] = [
  '/calls',
  'show',
  'give',
  'get',
  'tell',
  'can',
  'could',
  'you',
  'please',
  'what',
  'about',
  'how',
  'many',
  'much',
  'were',
  'was',
  // Not in the spec's list: its development corpus answers "how many calls did we get yesterday".
  'did',
  'do',
  'does',
  'there',
  'any',
  'all',
  'the',
  'a',
  'an',
  'of',
  'for',
  'on',
  'in',
  'at',
  'during',
  'calls',
  'call',
  'report',
  'stats',
  'figures',
  'i',
  'we',
  'our',
  '!',
  '.',
  ',',
];

/** Words after which `me` is filler (`show me`), not the own-extension filter. */
export const ME_FILLER_AFTER: readonly string[] = ['show', 'give', 'tell', 'get'];

/** `top <of>`: what a ranking ranks (`top callers`, `top extensions`, `top queues`). */
export const TOP_OF_WORDS: Readonly<Record<string, RankingOf>> = {
  callers: 'callers',
  caller: 'callers',
  extensions: 'extensions',
  extension: 'extensions',
  exts: 'extensions',
  ext: 'extensions',
  agents: 'extensions',
  agent: 'extensions',
  queues: 'queues',
  queue: 'queues',
};

/** `busiest hours`, `busiest day`. */
export const BUSIEST_OF_WORDS: Readonly<Record<string, RankingOf>> = {
  hours: 'hours',
  hour: 'hours',
  days: 'days',
  day: 'days',
};

/** `by <measure>` after a ranking: the spellings of `RANKING_MEASURES` (`talk time` is `talk`). */
export const MEASURE_WORDS: Readonly<Record<string, string>> = {
  calls: 'calls',
  call: 'calls',
  missed: 'missed',
  unanswered: 'missed',
  answered: 'answered',
  outbound: 'outbound',
  outgoing: 'outbound',
  talk: 'talk',
  abandoned: 'abandoned',
  wait: 'wait',
  waiting: 'wait',
};

/** `by day|week|month` (also `per …`): a trend. */
export const TREND_UNIT_WORDS: Readonly<Record<string, TrendUnit>> = {
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
};

/** `by extension` / `by queue`: that table first. */
export const TABLE_WORDS: Readonly<Record<string, TableFirst>> = {
  extension: 'extensions',
  extensions: 'extensions',
  ext: 'extensions',
  exts: 'extensions',
  // As in rankings (`top agents`): a 3CX agent is an extension.
  agent: 'extensions',
  agents: 'extensions',
  queue: 'queues',
  queues: 'queues',
};

/** `A vs B` with or without `compare`; after `compare` also `to`, `and` (see find-comparison.ts). */
export const VERSUS_WORDS: readonly string[] = ['vs', 'versus', 'against'];

/** Words of the round-2 answers (rankings, trends, comparisons) that start or join their phrases. */
export const ANSWER_WORDS: readonly string[] = [
  'top',
  'busiest',
  'longest',
  'who',
  'which',
  'most',
  'by',
  'per',
  'compare',
  'with',
  'time',
  ...VERSUS_WORDS,
];

/** Luxon weekday numbers: 1 = Monday .. 7 = Sunday. */
export const WEEKDAY_WORDS: Readonly<Record<string, number>> = {
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  wednesday: 3,
  wed: 3,
  weds: 3,
  thursday: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
  sunday: 7,
  sun: 7,
};

export const MONTH_WORDS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/** Units of `last N <unit>`: calendar units count back from the start of today, clock units from now. */
export type PeriodUnit = 'days' | 'weeks' | 'months' | 'years' | 'hours' | 'minutes';

/** Each unit's word for one (`last week`, `past hour`). */
export const SINGULAR_UNIT_WORDS: Readonly<Record<PeriodUnit, string>> = {
  days: 'day',
  weeks: 'week',
  months: 'month',
  years: 'year',
  hours: 'hour',
  minutes: 'minute',
};

export const UNIT_WORDS: Readonly<Record<string, PeriodUnit>> = {
  day: 'days',
  days: 'days',
  d: 'days',
  week: 'weeks',
  weeks: 'weeks',
  wk: 'weeks',
  wks: 'weeks',
  w: 'weeks',
  month: 'months',
  months: 'months',
  mo: 'months',
  year: 'years',
  years: 'years',
  yr: 'years',
  yrs: 'years',
  hour: 'hours',
  hours: 'hours',
  hr: 'hours',
  hrs: 'hours',
  h: 'hours',
  minute: 'minutes',
  minutes: 'minutes',
  min: 'minutes',
  mins: 'minutes',
};

/** Parts of a day after a day (`yesterday morning`): morning 00-12, afternoon 12-18, evening 18-24, night 18-06. */
export const PART_OF_DAY_WORDS: Readonly<Record<string, 'morning' | 'afternoon' | 'evening' | 'night'>> = {
  morning: 'morning',
  afternoon: 'afternoon',
  evening: 'evening',
  night: 'night',
};

/** Words between the two ends of a range: `nov 1 - nov 15`, `from nov 1 to nov 15`. */
export const RANGE_SEPARATORS: readonly string[] = [
  '-',
  '–',
  '—',
  '..',
  'to',
  'until',
  'till',
  'through',
  'thru',
];

/** Weekdays spelled out, Monday first (ISO order). */
export const FULL_WEEKDAY_NAMES: readonly string[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

/** Months spelled out, January first. */
export const FULL_MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Keywords a typo may be corrected to (each at least three letters), most likely first. */
export const SUGGESTABLE_WORDS: readonly string[] = [
  'today',
  'yesterday',
  'last',
  'this',
  'past',
  'since',
  'week',
  'month',
  'year',
  'workday',
  'days',
  'hours',
  'weeks',
  'months',
  'summary',
  'list',
  'unreturned',
  'rows',
  'help',
  'answered',
  'missed',
  'inbound',
  'outbound',
  'internal',
  'ext',
  'extension',
  'queue',
  'number',
  'between',
  'from',
  'count',
  'weekend',
  'quarter',
  'morning',
  'afternoon',
  'evening',
  'ago',
  'busiest',
  'longest',
  'compare',
  'callers',
  ...FULL_WEEKDAY_NAMES,
  // not `may`: too close to words a sentence uses ("may i …") to be a likely correction
  ...FULL_MONTH_NAMES.filter((month) => month !== 'may'),
];

/** Words that start or continue a period. */
export const PERIOD_WORDS: readonly string[] = [
  'after',
  'before',
  'ago',
  'weekend',
  'quarter',
  'fortnight',
  'morning',
  'afternoon',
  'evening',
  'night',
  'tonight',
  'now',
  'so',
  'far',
  'earlier',
  'over',
  'within',
  'same',
  'start',
  'beginning',
  'end',
  'first',
  'current',
  'mtd',
  'ytd',
  'qtd',
  'wtd',
  'date',
  'noon',
  'midnight',
  'am',
  'pm',
  'week',
  'month',
  'today',
  'yesterday',
  'this',
  'last',
  'previous',
  'prev',
  'past',
  'since',
  'from',
  'between',
  'on',
  'and',
  'to',
  'until',
  'till',
  'through',
  'thru',
  'workday',
  'weekday',
  'working',
  'business',
  'work',
  'year',
];

/** True for any word the command language knows, in whatever role. */
export function isKnownWord(word: string): boolean {
  const tables: ReadonlyArray<Readonly<Record<string, unknown>>> = [
    VIEW_WORDS,
    DIRECTION_WORDS,
    DIRECTION_GROUP_WORDS,
    STATUS_WORDS,
    FILTER_WORDS,
    WEEKDAY_WORDS,
    MONTH_WORDS,
    UNIT_WORDS,
    TOP_OF_WORDS,
    MEASURE_WORDS,
  ];
  if (tables.some((table) => lookupWord(table, word) !== undefined)) return true;
  return (
    [ME_WORDS, FILLER_WORDS, PERIOD_WORDS, RANGE_SEPARATORS, ANSWER_WORDS].some((list) =>
      list.includes(word),
    ) || word === 'count'
  );
}
