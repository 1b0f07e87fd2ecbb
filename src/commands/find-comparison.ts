import { plainWordAt } from './command-tokens';
import type { ParseIssue } from './command-types';
import { VERSUS_WORDS } from './command-vocabulary';
import type { CommandToken } from './tokenize-command';

/**
 * Where a comparison's sides are: `compare <A> to|with|and|vs <B>` or `<A> vs|versus|against <B>`.
 * The words before `compare` belong to neither side; side B runs to the end of the command.
 */
export interface ComparisonSplit {
  /** The `compare` token, when typed. */
  compare?: number;
  /** The word between the sides. */
  separator: number;
  /** The sides' tokens, `[start, end)` each. */
  sides: [[number, number], [number, number]];
}

/**
 * No comparison; the ways the words can be split, to try in order (`to` and `and` after `compare`
 * may also join a range or a list: `compare from nov 1 to nov 15 to last month`); or why the
 * words cannot be a comparison.
 */
export type ComparisonLayout =
  | { kind: 'none' }
  | { kind: 'splits'; splits: ComparisonSplit[] }
  /** `words`: the comparison's own words (`compare`, `vs`), known though not read. */
  | { kind: 'refused'; issue: ParseIssue; words: number[] };

const EXAMPLE = 'compare this week to last week';
/** Between the sides only after `compare`: they join ranges (`from X to Y`) and lists (`101 and 102`) too. */
const WEAK_SEPARATORS = ['to', 'and'];

export function findComparison(tokens: readonly CommandToken[]): ComparisonLayout {
  const indexesOf = (test: (word: string) => boolean) =>
    tokens.flatMap((_, index) => (test(plainWordAt(tokens, index) ?? '') ? [index] : []));
  const compares = indexesOf((word) => word === 'compare');
  const compare = compares[0];
  const strong = indexesOf(
    (word) => VERSUS_WORDS.includes(word) || (compare !== undefined && word === 'with'),
  ).filter((index) => compare === undefined || index > compare || VERSUS_WORDS.includes(tokens[index]!.word));
  if (compare === undefined && strong.length === 0) return { kind: 'none' };
  /** Refused; the example drops tokens `[start, end)` or puts `text` in their place. */
  const refused = (message: string, start: number, end = tokens.length, text = ''): ComparisonLayout => ({
    kind: 'refused',
    issue: { message, edits: [{ start, end, text }] },
    words: [...compares, ...strong],
  });
  if (compares.length > 1)
    return refused(
      `"compare" is there ${timesWord(compares.length)}: compare two things at a time.`,
      compares[1]!,
    );
  const [first, second] = strong;
  if (second !== undefined)
    return refused(`Compare two sides at a time: "${tokens[second]!.raw}" joins a third.`, second);
  if (first !== undefined && compare !== undefined && first < compare) {
    const message = `"compare" goes before the two sides ("${EXAMPLE}"); with "${tokens[first]!.raw}" it may be left out.`;
    return refused(message, compare, compare + 1);
  }
  if (first !== undefined) return { kind: 'splits', splits: [splitAt(tokens, compare, first)] };
  const weak = indexesOf((word) => WEAK_SEPARATORS.includes(word)).filter((index) => index > compare!);
  if (weak.length === 0) {
    const message = `"compare" needs two sides joined by "to", "with" or "vs", e.g. "${EXAMPLE}".`;
    return refused(message, 0, tokens.length, EXAMPLE);
  }
  return { kind: 'splits', splits: weak.map((separator) => splitAt(tokens, compare, separator)) };
}

function splitAt(
  tokens: readonly CommandToken[],
  compare: number | undefined,
  separator: number,
): ComparisonSplit {
  const start = compare === undefined ? 0 : compare + 1;
  const sides: ComparisonSplit['sides'] = [
    [start, separator],
    [separator + 1, tokens.length],
  ];
  return compare === undefined ? { separator, sides } : { compare, separator, sides };
}

function timesWord(count: number): string {
  return count === 2 ? 'twice' : `${count} times`;
}
