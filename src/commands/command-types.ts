import type { PeriodUnit } from './command-vocabulary';

/** A day (or a month) as the words named it, before it is placed on the calendar. */
export type DaySpec =
  /** `today` (0), `yesterday` (-1). */
  | { kind: 'relative'; offsetDays: number }
  /** `monday` (today if it is Monday), `last monday` (strictly before today). */
  | { kind: 'weekday'; weekday: number; beforeToday: boolean }
  /** `nov 3`, `3 november 2026`, `2026-11-03`; without a year the most recent one. */
  | { kind: 'date'; month: number; day: number; year?: number }
  /** `november`, `nov 2025`: the whole month. */
  | { kind: 'month'; month: number; year?: number }
  /** A bare `15`, only as one end of a range that names the month on its other end. */
  | { kind: 'day-of-month'; day: number };

export type NamedPeriod =
  | 'last-workday'
  | 'this-week'
  | 'last-week'
  | 'this-month'
  | 'last-month'
  | 'this-year'
  | 'last-year';

/** A period as the words named it; `resolvePeriod` turns it into instants. */
export type PeriodSpec =
  /** One day or month, or a range of them with both ends included. */
  | { kind: 'days'; first: DaySpec; last?: DaySpec }
  | { kind: 'since'; first: DaySpec }
  | { kind: 'named'; name: NamedPeriod }
  /** `last 7 days` (calendar units, up to the start of today), `past 3 hours` (up to now). */
  | { kind: 'back'; amount: number; unit: PeriodUnit }
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
