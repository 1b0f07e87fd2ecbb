import type { Assumption } from '../core/report-request';
import type { PeriodUnit } from './command-vocabulary';

/** A day (or a month) as the words named it, before it is placed on the calendar. */
export type DaySpec =
  /** `today` (0), `yesterday` (-1), `day before yesterday` (-2). */
  | { kind: 'relative'; offsetDays: number }
  /**
   * `monday` (today if it is Monday), `last monday` (strictly before today); with `weekOffset`
   * that weekday of a named week (`tuesday last week`: -1, `this monday`: 0).
   */
  | { kind: 'weekday'; weekday: number; beforeToday: boolean; weekOffset?: number }
  /** `nov 3`, `3 november 2026`, `2026-11-03`; without a year the most recent one. */
  | { kind: 'date'; month: number; day: number; year?: number; weekday?: number }
  /** `november`, `nov 2025`: the whole month. */
  | { kind: 'month'; month: number; year?: number }
  /** A bare `15`, only as one end of a range that names the month on its other end. */
  | { kind: 'day-of-month'; day: number }
  /** `the 3rd`: that day of the most recent month in which it is not in the future. */
  | { kind: 'ordinal-day'; day: number }
  /** `christmas`: a holiday of the asker's country, the most recent one not in the future. */
  | { kind: 'holiday'; name: string; country: string; year?: number };

export type NamedPeriod =
  | 'last-workday'
  | 'this-week'
  | 'last-week'
  | 'this-month'
  | 'last-month'
  | 'this-year'
  | 'last-year'
  | 'this-quarter'
  | 'last-quarter';

/** A time of day on the 24-hour clock; `hour` 24 is the next midnight. */
export interface ClockTime {
  hour: number;
  minute: number;
}

export type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'night';

/** A period as the words named it; `resolvePeriod` turns it into instants. */
export type PeriodSpec =
  /** One day or month, or a range of them with both ends included. */
  | { kind: 'days'; first: DaySpec; last?: DaySpec }
  /** `since X` (X's start until now); `after X` (X's end until now). */
  | { kind: 'since'; from: PeriodSpec; after?: boolean }
  | { kind: 'named'; name: NamedPeriod }
  /** `last 7 days` (calendar units, up to the start of today), `past 3 hours` (up to now). */
  | { kind: 'back'; amount: number; unit: PeriodUnit }
  /** `3 days ago` (that day), `2 weeks ago` (that week); `a week ago` (the day, `wholeUnit` false). */
  | { kind: 'ago'; amount: number; unit: 'days' | 'weeks' | 'months' | 'years'; wholeUnit: boolean }
  /** `q3 2025`, `h1`, `week 48` (ISO 8601), `2025`; without a year the most recent one begun. */
  | { kind: 'calendar'; unit: 'quarter' | 'half' | 'iso-week' | 'year'; number: number; year?: number }
  /** `this weekend` (0), `last weekend` (-1), `weekend` (the most recent one begun). */
  | { kind: 'weekend'; offset?: number }
  /** `the week before last` (-2): whole weeks counted back from this one. */
  | { kind: 'week'; offset: number }
  /** A day with a time range (`yesterday 9am-5pm`) or a single time (`9am`, a moment). */
  | { kind: 'clock'; day: DaySpec; from: ClockTime; to?: ClockTime }
  /** `yesterday morning`, `last night`. */
  | { kind: 'part'; day: DaySpec; part: PartOfDay }
  /** `end of last month`, `start of the month`: the first or last day of a period. */
  | { kind: 'edge'; edge: 'start' | 'end'; of: PeriodSpec }
  /** `compare this week to the week before`: the other side moved back one `unit`. */
  | { kind: 'unit-before'; unit: 'days' | 'weeks' | 'months' | 'years' }
  /** `week of nov 16`: the week (by WEEK_START) that holds that day. */
  | { kind: 'week-of'; day: DaySpec }
  /** `first week of november` (days 1-7), `last week of october` (its last 7 days). */
  | { kind: 'month-week'; which: number | 'last'; month: DaySpec }
  /** `last week monday to wednesday` and other ranges whose ends are not both plain days. */
  | { kind: 'range'; first: PeriodSpec; last: PeriodSpec }
  /** `from=ISO [to=ISO]`: exact instants, raw option values. */
  | { kind: 'instants'; from: string; to?: string };

/** Replace tokens `[start, end)` with `text` ('' drops them) when building a corrected example. */
export interface TokenEdit {
  start: number;
  end: number;
  text: string;
}

/** Something the parser could not accept; `edits` turn the command into a working example. */
export interface ParseIssue {
  message: string;
  edits: TokenEdit[];
  /** Words to put in front of the example (e.g. `rows`). */
  prefix?: string;
  /** Words to put after the example (e.g. `yesterday`). */
  suffix?: string;
}

export type { Assumption };
