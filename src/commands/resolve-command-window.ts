import type { DateTime } from 'luxon';
import type { Assumption } from '../core/report-request';
import { alignComparedPeriods } from './align-compared-periods';
import type { CommandDraft, FoundPeriod, WordTarget } from './command-draft';
import { quoteTokens } from './command-tokens';
import type { PeriodSpec } from './command-types';
import type { ComparisonReading } from './read-comparison';
import { type PeriodClock, resolvePeriod, type WindowResult } from './resolve-period';
import type { CommandToken } from './tokenize-command';

/** `from=` (with or without `to=`) of `target` (the command's or one side's) is one period; `to=` alone is not. */
export function collectInstants(
  tokens: readonly CommandToken[],
  target: WordTarget,
  draft: CommandDraft,
): void {
  const { from, to } = target.instants;
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

/** The command's one period (today without one); more than one is an issue that quotes them all. */
export function resolveWindow(draft: CommandDraft, clock: PeriodClock): WindowResult {
  const [first, ...others] = draft.periods;
  if (first && others.length > 0) {
    const names = [first, ...others].map((period) => `"${period.phrase}"`);
    draft.issues.push({
      message: `Give one period, not ${countWord(names.length)}: ${joinAnd(names)}.`,
      edits: others.flatMap((period) => period.ranges.map(([start, end]) => ({ start, end, text: '' }))),
    });
  }
  return resolveFoundPeriod(first, draft, clock);
}

/** One period's window (today when none); when it has none, an issue whose example replaces its words. */
export function resolveFoundPeriod(
  period: FoundPeriod | undefined,
  draft: CommandDraft,
  clock: PeriodClock,
): WindowResult {
  const window = resolvePeriod(
    period?.spec ?? { kind: 'days', first: { kind: 'relative', offsetDays: 0 } },
    period?.phrase ?? 'today',
    clock,
  );
  if (!window.ok) {
    const edits = (period?.ranges ?? []).map(([start, end], position) => ({
      start,
      end,
      text: position === 0 ? (window.replacement ?? '') : '',
    }));
    draft.issues.push({ message: window.message, edits, suffix: period ? undefined : window.replacement });
  }
  return window;
}

type ResolvedWindow = { from: DateTime; to: DateTime };

/** The request's window, or both sides' of a comparison, with what aligning them assumed. */
export type CommandWindows = [ResolvedWindow, ...ResolvedWindow[]] & { assumption?: Assumption };

/**
 * The command's window (twice for a comparison of extensions or queues: both sides share it), or
 * for a comparison of periods both sides' windows, compared over the same span when one runs
 * until now (align-compared-periods.ts); undefined when a period has no window (an issue says why).
 * Two sides that are the same period are refused.
 */
export function resolveWindows(
  draft: CommandDraft,
  clock: PeriodClock,
  comparison: ComparisonReading | undefined,
): CommandWindows | undefined {
  if (!comparison?.periods) {
    const window = resolveWindow(draft, clock);
    if (!window.ok) return undefined;
    return comparison ? [window, window] : [window];
  }
  const [firstPeriod, secondPeriod] = comparison.periods;
  const first = resolveFoundPeriod(firstPeriod, draft, clock);
  const second =
    secondPeriod.spec.kind === 'unit-before' && first.ok
      ? shiftedBack(first, secondPeriod.spec.unit)
      : resolveFoundPeriod(secondPeriod, draft, clock);
  if (!first.ok || !second.ok) return undefined;
  const phrases = comparison.periods.map((period) => period.phrase);
  const aligned = alignComparedPeriods([
    { ...first, phrase: phrases[0]! },
    { ...second, phrase: phrases[1]! },
  ]);
  const [a, b] = aligned.sides;
  if (a.from.equals(b.from) && a.to.equals(b.to)) {
    draft.issues.push({
      message: `Both sides are the same period ("${phrases[0]}" and "${phrases[1]}"): compare two different ones, e.g. "this week vs last week".`,
      edits: comparison.periods[1].ranges.map(([start, end]) => ({ start, end, text: '' })),
    });
    return undefined;
  }
  const windows: CommandWindows = [a, b];
  if (aligned.assumption) windows.assumption = aligned.assumption;
  return windows;
}

/** `compare this week to the week before`: the first side's window, one `unit` earlier on the calendar. */
function shiftedBack(
  window: { from: DateTime; to: DateTime },
  unit: (PeriodSpec & { kind: 'unit-before' })['unit'],
): WindowResult {
  return { ok: true, from: window.from.minus({ [unit]: 1 }), to: window.to.minus({ [unit]: 1 }) };
}

function countWord(count: number): string {
  return ['zero', 'one', 'two', 'three', 'four', 'five'][count] ?? String(count);
}

export function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
