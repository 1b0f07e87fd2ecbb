import { DEFAULT_RANKING_SIZE, MAX_RANKING_SIZE, RANKING_MEASURES, type RankingOf } from '../core/answers';
import type { CommandDraft } from './command-draft';
import { plainWordAt, quoteTokens } from './command-tokens';
import {
  BUSIEST_OF_WORDS,
  FILTER_WORDS,
  lookupWord,
  MEASURE_WORDS,
  TOP_OF_WORDS,
  VIEW_WORDS,
} from './command-vocabulary';
import { isDayOfDate } from './parse-filter-values';
import type { CommandToken } from './tokenize-command';

/**
 * Rankings (product-spec "Answers beyond the summary"): `top [N] <callers|extensions|queues> [by
 * <measure>] [N]`, `busiest [N] hours|days [N]`, `longest [N] calls [N]`, and `top N` before
 * `busiest`/`longest`. N is the size (default 10, at most 50); a word `top` is never the OData
 * option `top=N`. Each reader returns the index after what it read.
 */

/** `top …` at `index`. */
export function readTop(tokens: readonly CommandToken[], index: number, draft: CommandDraft): number {
  const size = readSize(tokens, index + 1);
  const at = size?.next ?? index + 1;
  const word = plainWordAt(tokens, at) ?? '';
  if (word === 'busiest' || word === 'longest') return readSuperlative(tokens, at, draft, index, size);
  const of = lookupWord(TOP_OF_WORDS, word);
  if (!of) return refuseTopAlone(tokens, index, at, draft, size);
  const number = plainWordAt(tokens, at + 1) ?? '';
  if (lookupWord(FILTER_WORDS, word) && /^\d+$/.test(number) && Number(number) > MAX_RANKING_SIZE)
    return refuseFilterAfterTop(tokens, index, at, draft);
  return readRankingAfter(tokens, index, at, of, draft, size);
}

/** `busiest …` or `longest …` at `index` (`start` is where the ranking's words began: a `top` before it). */
export function readSuperlative(
  tokens: readonly CommandToken[],
  index: number,
  draft: CommandDraft,
  start = index,
  given?: Size,
): number {
  const busiest = plainWordAt(tokens, index) === 'busiest';
  const size = given ?? readSize(tokens, index + 1);
  const at = given ? index + 1 : (size?.next ?? index + 1);
  const word = plainWordAt(tokens, at) ?? '';
  const of = busiest
    ? lookupWord(BUSIEST_OF_WORDS, word)
    : word === 'calls' || word === 'call'
      ? 'calls'
      : undefined;
  if (of) return readRankingAfter(tokens, start, at, of, draft, size);
  const fixed = busiest ? 'busiest hours' : 'longest calls';
  const needs = busiest ? 'hours or days' : 'calls';
  draft.issues.push({
    message: `"${quoteTokens(tokens, start, at)}" needs ${needs}, e.g. "${fixed} last week".`,
    edits: [{ start, end: at, text: size ? `${fixed} ${size.value}` : fixed }],
  });
  return at;
}

interface Size {
  value: number;
  index: number;
  next: number;
}

/** A ranking's size at `index`: a number of up to 3 digits that is not the day of a date (`3 nov`). */
function readSize(tokens: readonly CommandToken[], index: number): Size | undefined {
  const word = plainWordAt(tokens, index) ?? '';
  if (!/^\d{1,3}$/.test(word) || isDayOfDate(tokens, index)) return undefined;
  return { value: Number(word), index, next: index + 1 };
}

/** After the word that says what is ranked (at `ofIndex`): `by <measure>` and a size, then the ranking. */
function readRankingAfter(
  tokens: readonly CommandToken[],
  start: number,
  ofIndex: number,
  of: RankingOf,
  draft: CommandDraft,
  leading: Size | undefined,
): number {
  let next = ofIndex + 1;
  let measure: string | undefined;
  if (plainWordAt(tokens, next) === 'by') {
    const read = readMeasure(tokens, next, of, describeRanking(tokens, start, ofIndex + 1), draft);
    measure = read.measure;
    next = read.next;
  }
  const size = leading ?? readSize(tokens, next);
  if (!leading && size) next = size.next;
  const phrase = quoteTokens(tokens, start, next);
  if (size && (size.value < 1 || size.value > MAX_RANKING_SIZE)) {
    const fixed = size.value < 1 ? DEFAULT_RANKING_SIZE : MAX_RANKING_SIZE;
    draft.issues.push({
      message:
        size.value < 1
          ? `A ranking needs at least 1 row: "${phrase}" asks for ${size.value}.`
          : `A ranking shows at most ${MAX_RANKING_SIZE} rows: "${phrase}" asks for ${size.value}.`,
      edits: [{ start: size.index, end: size.index + 1, text: String(fixed) }],
    });
  }
  draft.answers.push({
    kind: 'ranking',
    ranking: { of, by: measure ?? RANKING_MEASURES[of][0]!, size: size?.value ?? DEFAULT_RANKING_SIZE },
    measureGiven: measure !== undefined,
    start,
    end: next,
  });
  return next;
}

/** `by <measure>` at `index` (the `by`): the measure, or an issue listing the measures of `of`. */
function readMeasure(
  tokens: readonly CommandToken[],
  index: number,
  of: RankingOf,
  ranking: string,
  draft: CommandDraft,
): { measure?: string; next: number } {
  const word = plainWordAt(tokens, index + 1);
  const measure = lookupWord(MEASURE_WORDS, word ?? '');
  const next = word === undefined ? index + 1 : index + 2;
  if (measure && RANKING_MEASURES[of].includes(measure)) {
    const timeAfter = (measure === 'talk' || measure === 'wait') && plainWordAt(tokens, next) === 'time';
    return { measure, next: timeAfter ? next + 1 : next };
  }
  refuseMeasure(
    word === undefined ? undefined : tokens[index + 1]!.raw,
    of,
    ranking,
    { start: index, end: next },
    draft,
  );
  return { next };
}

/**
 * `by <word>` that is no measure of the ranking (`by` alone: `word` undefined): an issue listing
 * the measures of `of`, whose example drops the tokens `at`.
 */
export function refuseMeasure(
  word: string | undefined,
  of: RankingOf,
  ranking: string,
  at: { start: number; end: number },
  draft: CommandDraft,
): void {
  const measures = RANKING_MEASURES[of];
  const example = `${ranking} by ${measures[1] ?? measures[0]}`;
  const list = joinOr(measures.map((name) => `"${name}"`));
  draft.issues.push({
    message:
      word === undefined
        ? `"by" needs a measure of ${ranking}: ${list}, e.g. "${example}".`
        : `"by ${word}" is not a measure of ${ranking}: use ${list}, e.g. "${example}".`,
    edits: [{ ...at, text: '' }],
  });
}

/** How the ranking reads in messages, without its size: `top callers`, `busiest hours`, `longest calls`. */
export function describeRankingOf(of: RankingOf): string {
  if (of === 'hours' || of === 'days') return `busiest ${of}`;
  if (of === 'calls') return 'longest calls';
  return `top ${of}`;
}

function describeRanking(tokens: readonly CommandToken[], start: number, end: number): string {
  return quoteTokens(tokens, start, end)
    .toLowerCase()
    .replace(/ \d+(?= |$)/, '');
}

/** `top`, `top 5` with nothing to rank. */
function refuseTopAlone(
  tokens: readonly CommandToken[],
  index: number,
  at: number,
  draft: CommandDraft,
  size: Size | undefined,
): number {
  const phrase = quoteTokens(tokens, index, at);
  const withSize = size ? `top ${size.value} callers` : 'top callers';
  const rows = tokens.some(
    (token) => !token.option && !token.quoted && lookupWord(VIEW_WORDS, token.word) === 'rows',
  );
  const rowsHint = size
    ? ` For the first ${size.value} rows of the rows view, write "top=${size.value}".`
    : '';
  draft.issues.push({
    message: `"${phrase}" needs what to rank: callers, extensions or queues, e.g. "${withSize}".${rowsHint}`,
    edits: [{ start: index, end: at, text: rows && size ? `top=${size.value}` : withSize }],
  });
  return at;
}

/** `top queue 800`: a ranking of queues, or queue 800's callers? Either way, not a size of 800. */
function refuseFilterAfterTop(
  tokens: readonly CommandToken[],
  index: number,
  at: number,
  draft: CommandDraft,
): number {
  const filter = quoteTokens(tokens, at, at + 2);
  const of = lookupWord(TOP_OF_WORDS, plainWordAt(tokens, at)!)!;
  draft.issues.push({
    message: `"${quoteTokens(tokens, index, at + 2)}" is not clear: to rank ${of} say "top ${of}"; for the top callers of ${filter} say "top callers ${filter}".`,
    edits: [{ start: index, end: at, text: 'top callers' }],
  });
  return at + 2;
}

export function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
