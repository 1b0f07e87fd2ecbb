import { DateTime } from 'luxon';
import { CommandError } from '../core/errors';
import type { ReportRequest, View } from '../core/report-request';
import type { TimeWindow } from '../core/time-window';
import { buildCommandError } from './build-command-error';
import { checkUnreturned } from './check-unreturned';
import { chooseAnswer } from './choose-answer';
import type { CommandDraft } from './command-draft';
import { quoteTokens } from './command-tokens';
import type { ParseIssue } from './command-types';
import { createHelpRequest } from './create-help-request';
import { type ComparisonSplit, findComparison } from './find-comparison';
import { checkedLocale, countryOf, dateOrderOf } from './natural/date-order';
import { normalizeSentence } from './natural/normalize-sentence';
import type { DirectoryPerson } from './natural/read-person-name';
import { requireTimeFilterForTimes } from './parse-option';
import { checkTrend } from './parse-trend';
import { readCommandTokens, type TokenReading } from './read-command-tokens';
import { cloneFilters, readComparison, toComparisonRequest } from './read-comparison';
import { collectInstants, joinAnd, resolveWindows } from './resolve-command-window';
import type { PeriodClock } from './resolve-period';
import { type CommandToken, tokenizeCommand } from './tokenize-command';
import { unescapeCommandText } from './unescape-command-text';

/** Who asks and when: the clock and the asker's zone are always inputs, never read here. */
export interface ParseContext {
  now: Date;
  /** The asker's IANA zone; periods are calendar days in it. */
  timeZone: string;
  /** `WEEK_START`; default monday. */
  weekStart?: 'monday' | 'sunday';
  /** `MAX_PERIOD_DAYS`; default 400. */
  maxPeriodDays?: number;
  /**
   * The asker's locale (BCP 47, e.g. `en-GB`); default `en-US`. It decides how `3/11` reads
   * (month-first, day-first or year-first, from `Intl.DateTimeFormat`) and whose holidays count.
   */
  locale?: string;
  /** The PBX's people, when at hand: names in the words resolve to their extensions. */
  directory?: readonly DirectoryPerson[];
}

export type { DirectoryPerson };

export type ParseResult = { ok: true; request: ReportRequest } | { ok: false; error: CommandError };

const HELP_WORDS = ['help', '?', 'usage', 'help?'];

/** Commands are a few words; a cap keeps the parser's work small whatever arrives. */
const MAX_COMMAND_CHARACTERS = 1000;

/**
 * Reads a command (`[view] [period] [filters] [options]`, any order) into a request with an
 * absolute window. Never throws: anything it cannot read is a `CommandError` quoting the words and
 * showing a corrected example.
 */
export function parseCommand(text: string, context: ParseContext): ParseResult {
  try {
    return parseAtDepth(text, context, 0);
  } catch {
    return { ok: false, error: new CommandError('I could not read that command.', 'yesterday') };
  }
}

/** How many times an example may itself be corrected (`top = 10` -> `top=10` -> `rows top=10`). */
const MAX_EXAMPLE_DEPTH = 2;

function parseAtDepth(text: string, context: ParseContext, depth: number): ParseResult {
  const now = clockNow(context);
  if (!now.isValid) {
    return {
      ok: false,
      error: new CommandError(`The time zone "${context.timeZone}" or the clock is not valid.`),
    };
  }
  const plainText = unescapeCommandText(String(text ?? ''));
  if (plainText.length > MAX_COMMAND_CHARACTERS) {
    const message = `A command may be at most ${MAX_COMMAND_CHARACTERS} characters long; this one has ${plainText.length}.`;
    return { ok: false, error: new CommandError(message, 'last week ext 101') };
  }
  const typed = tokenizeCommand(plainText);
  if (typed.some((token) => !token.option && !token.quoted && HELP_WORDS.includes(token.word))) {
    return { ok: true, request: createHelpRequest(clockFor(now, context), context.timeZone) };
  }
  const tokens = normalizeSentence(typed);
  const layout = findComparison(tokens);
  const splits = layout.kind === 'splits' ? layout.splits : [undefined];
  const refusal = layout.kind === 'refused' ? layout : undefined;
  const readings = splits.map((split) => readRequest(tokens, context, now, split, refusal));
  const accepted = readings.flatMap((reading) => (reading.ok ? [reading] : []));
  if (accepted.length === 1) return accepted[0]!;
  if (accepted.length > 1) return { ok: false, error: refuseTwoReadings(tokens, splits, readings) };
  const fixExample =
    depth < MAX_EXAMPLE_DEPTH
      ? (example: string) => {
          const result = parseAtDepth(example, context, depth + 1);
          return result.ok ? example : result.error.example;
        }
      : undefined;
  // None read: the first way's reasons (with a comparison, its leftmost split's).
  const [first] = readings.flatMap((reading) => (reading.ok ? [] : [reading.draft]));
  return { ok: false, error: buildCommandError(tokens, first!, fixExample) };
}

type Reading = { ok: true; request: ReportRequest } | { ok: false; draft: CommandDraft };

/** The words read as one request (with the comparison's sides `split` as given), or the draft of what went wrong. */
function readRequest(
  tokens: readonly CommandToken[],
  context: ParseContext,
  now: DateTime,
  split: ComparisonSplit | undefined,
  refusal: { issue: ParseIssue; words: number[] } | undefined,
): Reading {
  const clock = clockFor(now, context);
  const draft = readCommandTokens(tokens, readingFor(context), split);
  if (refusal) {
    draft.issues.push(refusal.issue);
    draft.unknown = draft.unknown.filter((index) => !refusal.words.includes(index));
  }
  refuseLoneMay(draft);
  requireTimeFilterForTimes(tokens, draft);
  const view = chooseView(tokens, draft);
  checkUnreturned(tokens, draft, view);
  const status = chooseStatus(draft);
  for (const target of [draft, ...(draft.sides ?? [])]) collectInstants(tokens, target, draft);
  const comparison = split && readComparison(tokens, draft, split);
  const answer = chooseAnswer(
    tokens,
    draft,
    view,
    comparison ? (split.compare ?? split.separator) : undefined,
  );
  requireRowsForOData(tokens, draft, view);
  // Words that make no comparison have said why; their periods would only be counted again.
  const windows = (split && !comparison) || refusal ? undefined : resolveWindows(draft, clock, comparison);
  if (answer.trend && !split) {
    const window = windows && toTimeWindow(windows[0], context.timeZone);
    checkTrend(tokens, draft, answer.trend, draft.periods[0], window, clock.weekStart);
  }
  if (draft.unknown.length > 0 || draft.issues.length > 0 || !windows) return { ok: false, draft };
  const used = comparison?.periods ?? draft.periods.slice(0, 1);
  const request: ReportRequest = {
    view,
    window: toTimeWindow(windows[0], context.timeZone),
    filters: { ...draft.filters, status },
    callLog: draft.callLog,
    odata: draft.odata,
    me: draft.me,
    assumptions: [
      ...used.flatMap((period) => period.assumptions ?? []),
      ...clock.assumptions!,
      ...draft.assumptions,
      ...(windows.assumption ? [windows.assumption] : []),
    ],
    names: draft.names,
    ...(answer.ranking ? { ranking: answer.ranking } : {}),
    ...(answer.trend ? { trend: { by: answer.trend.by, weekStart: clock.weekStart } } : {}),
    ...(answer.tableFirst ? { tableFirst: answer.tableFirst } : {}),
  };
  if (!comparison) return { ok: true, request };
  const windowsOfSides = windows.map((window) => toTimeWindow(window, context.timeZone));
  const compared = toComparisonRequest(comparison, request.filters, windowsOfSides);
  const [first] = compared.sides;
  return {
    ok: true,
    request: {
      ...request,
      window: first!.window,
      filters: cloneFilters(first!.filters),
      comparison: compared,
    },
  };
}

function toTimeWindow(window: { from: DateTime; to: DateTime }, timeZone: string): TimeWindow {
  return { from: window.from.toJSDate(), to: window.to.toJSDate(), timeZone };
}

/** Two ways of splitting `compare … to … and …` both read: a guess either way, so refused. */
function refuseTwoReadings(
  tokens: readonly CommandToken[],
  splits: ReadonlyArray<ComparisonSplit | undefined>,
  readings: readonly Reading[],
): CommandError {
  const separator = splits[readings.findIndex((reading) => reading.ok)]!.separator;
  const example = [
    quoteTokens(tokens, 0, separator),
    'with',
    quoteTokens(tokens, separator + 1, tokens.length),
  ].join(' ');
  return new CommandError(
    `I can read the two sides of that comparison in more than one way: put "with" between them, e.g. "${example}".`,
    example,
  );
}

function clockFor(now: DateTime, context: ParseContext): PeriodClock {
  return {
    now,
    today: now.startOf('day'),
    weekStart: context.weekStart ?? 'monday',
    maxPeriodDays: context.maxPeriodDays ?? 400,
    assumptions: [],
  };
}

function readingFor(context: ParseContext): TokenReading {
  const locale = checkedLocale(context.locale);
  const country = countryOf(locale);
  return {
    locale,
    order: dateOrderOf(locale),
    reference: context.now,
    ...(country ? { country } : {}),
    ...(context.directory ? { directory: context.directory } : {}),
  };
}

/** `may` alone is a month only when every other word was read (`may i have the report` is not). */
function refuseLoneMay(draft: CommandDraft): void {
  if (draft.unknown.length === 0) return;
  for (const period of draft.periods.filter((found) => found.loneMay)) {
    for (const [start, end] of period.ranges)
      for (let index = start; index < end; index++) draft.unknown.push(index);
  }
  draft.periods = draft.periods.filter((found) => !found.loneMay);
}

let lastNow: { millis: number; zone: string; now: DateTime } | undefined;

/** The asker's now in their zone; examples are re-read at the same clock, so the last one is kept. */
function clockNow(context: ParseContext): DateTime {
  const millis = context.now instanceof Date ? context.now.getTime() : Number.NaN;
  if (lastNow && lastNow.millis === millis && lastNow.zone === context.timeZone) return lastNow.now;
  const now = DateTime.fromJSDate(context.now, { zone: context.timeZone });
  if (now.isValid) lastNow = { millis, zone: context.timeZone, now };
  return now;
}

function chooseView(tokens: readonly CommandToken[], draft: CommandDraft): View {
  const [first, ...others] = draft.views;
  const conflicting = others.filter((other) => other.view !== first?.view);
  if (first && conflicting.length > 0) {
    const names = [first, ...conflicting].map((entry) => `"${tokens[entry.index]!.raw}"`).join(' or ');
    draft.issues.push({
      message: `Choose one view: ${names}.`,
      edits: conflicting.map((entry) => ({ start: entry.index, end: entry.index + 1, text: '' })),
    });
  }
  return first?.view ?? 'summary';
}

function chooseStatus(draft: CommandDraft): ReportRequest['filters']['status'] {
  const [first, ...others] = draft.statuses;
  const conflicting = others.filter((other) => other.status !== first?.status);
  if (first && conflicting.length > 0) {
    draft.issues.push({
      message: '"answered" and "missed" together match no call: choose one.',
      edits: conflicting.map((entry) => ({ start: entry.index, end: entry.index + 1, text: '' })),
    });
  }
  return first?.status ?? null;
}

function requireRowsForOData(tokens: readonly CommandToken[], draft: CommandDraft, view: View): void {
  if (view === 'rows' || draft.odataTokens.length === 0) return;
  const names = draft.odataTokens.map((index) => `"${tokens[index]!.raw}"`);
  const viewToken = draft.views[0];
  draft.issues.push({
    message: `${joinAnd(names)} ${names.length > 1 ? 'work' : 'works'} only with the rows view: add "rows".`,
    edits: viewToken ? [{ start: viewToken.index, end: viewToken.index + 1, text: 'rows' }] : [],
    prefix: viewToken ? undefined : 'rows',
  });
}
