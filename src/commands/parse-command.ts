import { DateTime } from 'luxon';
import { CommandError } from '../core/errors';
import type { Assumption, ReportRequest, View } from '../core/report-request';
import { buildCommandError } from './build-command-error';
import type { CommandDraft } from './command-draft';
import { quoteTokens } from './command-tokens';
import { createHelpRequest } from './create-help-request';
import { checkedLocale, countryOf, dateOrderOf } from './natural/date-order';
import { normalizeSentence } from './natural/normalize-sentence';
import type { DirectoryPerson } from './natural/read-person-name';
import { requireTimeFilterForTimes } from './parse-option';
import { readCommandTokens, type TokenReading } from './read-command-tokens';
import { type PeriodClock, resolvePeriod, type WindowResult } from './resolve-period';
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
  const periodAssumptions: Assumption[] = [];
  const clock: PeriodClock = {
    now,
    today: now.startOf('day'),
    weekStart: context.weekStart ?? 'monday',
    maxPeriodDays: context.maxPeriodDays ?? 400,
    assumptions: periodAssumptions,
  };
  const plainText = unescapeCommandText(String(text ?? ''));
  if (plainText.length > MAX_COMMAND_CHARACTERS) {
    const message = `A command may be at most ${MAX_COMMAND_CHARACTERS} characters long; this one has ${plainText.length}.`;
    return { ok: false, error: new CommandError(message, 'last week ext 101') };
  }
  const typed = tokenizeCommand(plainText);
  if (typed.some((token) => !token.option && !token.quoted && HELP_WORDS.includes(token.word))) {
    return { ok: true, request: createHelpRequest(clock, context.timeZone) };
  }
  const tokens = normalizeSentence(typed);
  const draft = readCommandTokens(tokens, readingFor(context));
  refuseLoneMay(draft);
  requireTimeFilterForTimes(tokens, draft);
  const view = chooseView(tokens, draft);
  const status = chooseStatus(draft);
  collectInstants(tokens, draft);
  const window = resolveWindow(draft, clock);
  requireRowsForOData(tokens, draft, view);
  if (draft.unknown.length > 0 || draft.issues.length > 0 || !window.ok) {
    const fixExample =
      depth < MAX_EXAMPLE_DEPTH
        ? (example: string) => {
            const result = parseAtDepth(example, context, depth + 1);
            return result.ok ? example : result.error.example;
          }
        : undefined;
    return { ok: false, error: buildCommandError(tokens, draft, fixExample) };
  }
  const request: ReportRequest = {
    view,
    window: { from: window.from.toJSDate(), to: window.to.toJSDate(), timeZone: context.timeZone },
    filters: { ...draft.filters, status },
    callLog: draft.callLog,
    odata: draft.odata,
    me: draft.me,
    assumptions: [...(draft.periods[0]?.assumptions ?? []), ...periodAssumptions, ...draft.assumptions],
    names: draft.names,
  };
  return { ok: true, request };
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

/** `from=` (with or without `to=`) is one period; `to=` alone is not. */
function collectInstants(tokens: readonly CommandToken[], draft: CommandDraft): void {
  const { from, to } = draft.instants;
  if (from === undefined) {
    if (to !== undefined) {
      draft.issues.push({
        message: `"${tokens[to]!.raw}" needs a start: add from=, e.g. "from=2026-11-01T08:00 ${tokens[to]!.raw}".`,
        edits: [{ start: to, end: to + 1, text: '' }],
      });
    }
    return;
  }
  const ranges: Array<[number, number]> =
    to === undefined
      ? [[from, from + 1]]
      : [
          [from, from + 1],
          [to, to + 1],
        ];
  const phrase = ranges.map(([start, end]) => quoteTokens(tokens, start, end)).join(' ');
  const spec = {
    kind: 'instants' as const,
    from: tokens[from]!.option!.value,
    to: to === undefined ? undefined : tokens[to]!.option!.value,
  };
  draft.periods.push({ spec, phrase, ranges });
}

function resolveWindow(draft: CommandDraft, clock: PeriodClock): WindowResult {
  const [first, ...others] = draft.periods;
  if (first && others.length > 0) {
    const names = [first, ...others].map((period) => `"${period.phrase}"`);
    draft.issues.push({
      message: `Give one period, not ${countWord(names.length)}: ${joinAnd(names)}.`,
      edits: others.flatMap((period) => period.ranges.map(([start, end]) => ({ start, end, text: '' }))),
    });
  }
  const window = resolvePeriod(
    first?.spec ?? { kind: 'days', first: { kind: 'relative', offsetDays: 0 } },
    first?.phrase ?? 'today',
    clock,
  );
  if (!window.ok) {
    const edits = (first?.ranges ?? []).map(([start, end], position) => ({
      start,
      end,
      text: position === 0 ? (window.replacement ?? '') : '',
    }));
    draft.issues.push({ message: window.message, edits, suffix: first ? undefined : window.replacement });
  }
  return window;
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

function countWord(count: number): string {
  return ['zero', 'one', 'two', 'three', 'four', 'five'][count] ?? String(count);
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
