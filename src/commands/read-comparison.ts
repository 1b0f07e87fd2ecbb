import type { ComparisonBy, ComparisonRequest, ComparisonSide } from '../core/answers';
import type { ReportFilters } from '../core/report-request';
import type { TimeWindow } from '../core/time-window';
import { addUnique, type CommandDraft, type FoundPeriod, type SideDraft } from './command-draft';
import { quoteTokens } from './command-tokens';
import type { ComparisonSplit } from './find-comparison';
import type { CommandToken } from './tokenize-command';

/**
 * A comparison's sides as read (product-spec "Comparisons"): what both sides name makes the
 * comparison (two periods, two extension/person sets, two queues); every other word, on either
 * side, applies to both and is moved to the command's own filters. `periods` (by period) are the
 * sides' periods, taken out of `draft.periods`; `values` (by extension or queue) the sides' numbers.
 */
export interface ComparisonReading {
  by: ComparisonBy;
  periods?: [FoundPeriod, FoundPeriod];
  values?: [string[], string[]];
}

const EXAMPLES: Record<ComparisonBy, string> = {
  period: 'this week vs last week',
  extension: 'ext 101 vs ext 102',
  queue: 'queue 800 vs queue 801',
};
const KINDS: Record<ComparisonBy, string> = {
  period: 'a period',
  extension: 'an extension or person',
  queue: 'a queue',
};
/** One of each, for examples that say it once for both sides. */
const ONE: Record<ComparisonBy, string> = { period: 'last week', extension: 'ext 101', queue: 'queue 800' };
const ORDER: readonly ComparisonBy[] = ['period', 'extension', 'queue'];

/** The comparison of `draft.sides`, or undefined with an issue in the draft when the sides do not make one. */
export function readComparison(
  tokens: readonly CommandToken[],
  draft: CommandDraft,
  split: ComparisonSplit,
): ComparisonReading | undefined {
  const sides = draft.sides!;
  // Words a side could not read (or read wrong: an ambiguous name) are said already; what the side
  // lacks may be in them.
  const troubled = [
    ...draft.unknown,
    ...draft.issues.flatMap((issue) => issue.edits.map((edit) => edit.start)),
  ];
  if (sides.some((side) => troubled.some((index) => isIn(index, side)))) return undefined;
  const periods = sides.map((side) => draft.periods.filter((period) => isIn(period.ranges[0]![0], side)));
  const kinds = sides.map((side, index) => kindsOf(side, periods[index]!));
  const separator = tokens[split.separator]!.raw;
  const refuse = (message: string, by: ComparisonBy = 'period', example = EXAMPLES[by]) => {
    draft.issues.push({ message, edits: [{ start: 0, end: tokens.length, text: example }] });
    return undefined;
  };
  const emptySide = kinds.findIndex((found) => found.length === 0);
  if (emptySide >= 0) {
    const where = emptySide === 0 ? 'before' : 'after';
    const other = kinds[1 - emptySide]![0] ?? 'period';
    return refuse(
      `Nothing to compare ${where} "${separator}": give two periods, two extensions or people, or two queues, e.g. "${EXAMPLES[other]}".`,
      other,
    );
  }
  const both = ORDER.filter((kind) => kinds.every((found) => found.includes(kind)));
  if (both.length === 0) {
    const [first, second] = sides.map((side) => quoteTokens(tokens, side.start, side.end));
    return refuse(
      `"${first}" is ${KINDS[kinds[0]![0]!]} and "${second}" ${KINDS[kinds[1]![0]!]}: compare two periods ("${EXAMPLES.period}"), two extensions or people ("${EXAMPLES.extension}") or two queues ("${EXAMPLES.queue}").`,
      kinds[0]![0],
    );
  }
  if (both.length > 1) {
    const [one, other] = both as [ComparisonBy, ComparisonBy];
    const named = both.map((kind) => KINDS[kind]).join(' and ');
    const [first, second] = [`${EXAMPLES[other]} ${ONE[one]}`, `${EXAMPLES[one]} ${ONE[other]}`];
    return refuse(
      `Compare one thing at a time: both sides name ${named}. Keep what differs on the sides and say the rest once, e.g. "${first}" or "${second}".`,
      other,
      first,
    );
  }
  const by = both[0]!;
  // The access layer writes `me` into the command's filters, not into each side's (see docs).
  if (draft.me || sides.some((side) => side.me)) {
    const example = by === 'extension' ? EXAMPLES.extension : `${EXAMPLES[by]} ext 101`;
    return refuse(
      `"me" can't go with a comparison yet: write your extension's number, e.g. "${example}".`,
      by,
      example,
    );
  }
  const reading =
    by === 'period' ? readPeriodSides(draft, periods) : readNumberSides(tokens, draft, by, separator);
  if (!reading) return undefined;
  for (const side of sides) moveToCommand(draft, side, by);
  return reading;
}

function isIn(index: number, side: SideDraft): boolean {
  return index >= side.start && index < side.end;
}

function kindsOf(side: SideDraft, periods: readonly FoundPeriod[]): ComparisonBy[] {
  const kinds: ComparisonBy[] = [];
  if (periods.length > 0) kinds.push('period');
  if (side.filters.extensions.length > 0 || side.names.length > 0 || side.me) kinds.push('extension');
  if (side.filters.queues.length > 0) kinds.push('queue');
  return kinds;
}

function readPeriodSides(draft: CommandDraft, periods: FoundPeriod[][]): ComparisonReading | undefined {
  const crowded = periods.find((found) => found.length > 1);
  const sides = periods.flat();
  const outside = draft.periods.filter((period) => !sides.includes(period));
  const extra = crowded ?? outside;
  if (extra.length > 0) {
    const names = extra.map((period) => `"${period.phrase}"`).join(' and ');
    const message = crowded
      ? `Give one period on each side, not ${names}.`
      : `${names} is outside the comparison: give one period on each side, e.g. "compare this week to last week".`;
    draft.issues.push({
      message,
      edits: extra
        .slice(crowded ? 1 : 0)
        .flatMap((period) => period.ranges.map(([start, end]) => ({ start, end, text: '' }))),
    });
    return undefined;
  }
  draft.periods = outside;
  return { by: 'period', periods: [periods[0]![0]!, periods[1]![0]!] };
}

function readNumberSides(
  tokens: readonly CommandToken[],
  draft: CommandDraft,
  by: 'extension' | 'queue',
  separator: string,
): ComparisonReading | undefined {
  const sides = draft.sides!;
  const valuesOf = (target: { filters: CommandDraft['filters'] }) =>
    by === 'extension' ? target.filters.extensions : target.filters.queues;
  const refuse = (message: string) => {
    draft.issues.push({ message, edits: [{ start: 0, end: tokens.length, text: EXAMPLES[by] }] });
    return undefined;
  };
  const outside = valuesOf(draft).length > 0 || (by === 'extension' && draft.names.length > 0);
  if (outside) {
    const what = by === 'extension' ? 'extensions or people' : 'queues';
    return refuse(
      `The ${what} to compare go on the two sides of "${separator}", none before "compare", e.g. "compare ${EXAMPLES[by].replace(' vs ', ' with ')}".`,
    );
  }
  const values = sides.map((side) => [...valuesOf(side)].sort()) as [string[], string[]];
  const pending = sides.some((side) => side.names.length > 0);
  if (!pending && values[0].join() === values[1].join()) {
    const word = by === 'extension' ? 'ext' : 'queue';
    return refuse(
      `Both sides are ${word} ${values[0].join(',')}: compare two different ones, e.g. "${EXAMPLES[by]}".`,
    );
  }
  return { by, values: sides.map((side) => [...valuesOf(side)]) as [string[], string[]] };
}

/** What a side says besides what it compares applies to both sides: it becomes the command's. */
function moveToCommand(draft: CommandDraft, side: SideDraft, by: ComparisonBy): void {
  const { filters } = draft;
  if (by !== 'extension') addUnique(filters.extensions, side.filters.extensions);
  if (by !== 'queue') addUnique(filters.queues, side.filters.queues);
  addUnique(filters.numbers, side.filters.numbers);
  addUnique(filters.directions, side.filters.directions);
  addUnique(draft.names, side.names);
}

/** The request's comparison: each side's window and the command's filters, with the side's own numbers. */
export function toComparisonRequest(
  reading: ComparisonReading,
  filters: ReportFilters,
  windows: readonly TimeWindow[],
): ComparisonRequest {
  const sides = windows.map((window, index): ComparisonSide => {
    const own = reading.values?.[index];
    const side = cloneFilters(filters);
    if (own && reading.by === 'extension') side.extensions = [...own];
    if (own && reading.by === 'queue') side.queues = [...own];
    return { window, filters: side };
  });
  return { by: reading.by, sides };
}

export function cloneFilters(filters: ReportFilters): ReportFilters {
  return {
    extensions: [...filters.extensions],
    queues: [...filters.queues],
    numbers: [...filters.numbers],
    directions: [...filters.directions],
    status: filters.status,
  };
}
