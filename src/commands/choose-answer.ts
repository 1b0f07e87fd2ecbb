import { RANKING_MEASURES, type RankingOf, type RankingRequest, type TableFirst } from '../core/answers';
import type { View } from '../core/report-request';
import type { AnswerPart, CommandDraft } from './command-draft';
import { quoteTokens } from './command-tokens';
import { describeRankingOf, refuseMeasure } from './parse-ranking';
import type { CommandToken } from './tokenize-command';

/** What the words ask for beyond the summary, one at most (see `chooseAnswer`). */
export interface ChosenAnswer {
  ranking?: RankingRequest;
  /** The trend's unit and the words that asked for it. */
  trend?: AnswerPart & { kind: 'trend' };
  tableFirst?: TableFirst;
}

type Part<K extends AnswerPart['kind']> = AnswerPart & { kind: K };

/** What `top` ranks, in the order an example for a lone measure is looked for. */
const TOP_OF: readonly RankingOf[] = ['extensions', 'callers', 'queues'];

const NAMES: Record<AnswerPart['kind'] | 'comparison', string> = {
  ranking: 'a ranking',
  trend: 'a trend',
  table: 'a table first',
  measure: 'a measure',
  comparison: 'a comparison',
};

/**
 * One answer at a time: a ranking, a trend, a table first or a comparison (`comparisonAt`: its
 * `compare`, or the word between its sides), each asked for once (the example keeps the
 * comparison, else the ranking, else the trend); a `by <measure>` apart from its `top` orders the
 * ranking; all of them are summaries, so `list` and `rows` cannot go with them. What is wrong
 * becomes an issue in the draft (its example drops the words that do not fit).
 */
export function chooseAnswer(
  tokens: readonly CommandToken[],
  draft: CommandDraft,
  view: View,
  comparisonAt?: number,
): ChosenAnswer {
  const ranking = chooseOne(tokens, draft, 'ranking', (a, b) => sameRanking(a.ranking, b.ranking));
  const trend = chooseOne(tokens, draft, 'trend', (a, b) => a.by === b.by);
  const table = chooseOne(tokens, draft, 'table', (a, b) => a.table === b.table);
  const rankingRequest = ranking ? applyMeasures(tokens, draft, ranking) : refuseLoneMeasures(tokens, draft);
  const asked: Array<{ kind: keyof typeof NAMES; start: number; end: number }> = [
    ranking,
    trend,
    table,
  ].filter((part) => part !== undefined);
  if (comparisonAt !== undefined)
    asked.unshift({ kind: 'comparison', start: comparisonAt, end: comparisonAt + 1 });
  if (asked.length > 1) {
    const dropped = asked.slice(1);
    const list = asked.map((part) => `"${quoteTokens(tokens, part.start, part.end)}" (${NAMES[part.kind]})`);
    draft.issues.push({
      message: `Ask for one answer at a time: ${list.join(' and ')} don't go together.`,
      edits: dropped.map(({ start, end }) => ({ start, end, text: '' })),
    });
  }
  const first = asked[0];
  if (first && view !== 'summary' && view !== 'help') {
    const viewWords = draft.views.filter((entry) => entry.view === view);
    draft.issues.push({
      message: `"${quoteTokens(tokens, first.start, first.end)}" (${NAMES[first.kind]}) is a summary, not "${view}": drop "${view}".`,
      edits: viewWords.map(({ index }) => ({ start: index, end: index + 1, text: '' })),
    });
  }
  return {
    ...(rankingRequest ? { ranking: rankingRequest } : {}),
    ...(trend ? { trend } : {}),
    ...(table ? { tableFirst: table.table } : {}),
  };
}

/** The one part of `kind` asked for (repeats that say the same are fine), or the first with an issue. */
function chooseOne<K extends 'ranking' | 'trend' | 'table'>(
  tokens: readonly CommandToken[],
  draft: CommandDraft,
  kind: K,
  same: (a: Part<K>, b: Part<K>) => boolean,
): Part<K> | undefined {
  const parts = draft.answers.filter((part): part is Part<K> => part.kind === kind);
  const [first, ...others] = parts;
  const differing = others.filter((other) => !same(first!, other));
  if (first && differing.length > 0) {
    const phrases = [first, ...differing].map((part) => `"${quoteTokens(tokens, part.start, part.end)}"`);
    draft.issues.push({
      message: `Choose one: ${phrases.join(' or ')}.`,
      edits: differing.map(({ start, end }) => ({ start, end, text: '' })),
    });
  }
  return first;
}

function sameRanking(a: RankingRequest, b: RankingRequest): boolean {
  return a.of === b.of && a.by === b.by && a.size === b.size;
}

/** `top callers … by missed`: a measure apart from its `top` orders the ranking; without a ranking it is refused. */
function applyMeasures(
  tokens: readonly CommandToken[],
  draft: CommandDraft,
  ranking: Part<'ranking'>,
): RankingRequest {
  const measures = draft.answers.filter((part): part is Part<'measure'> => part.kind === 'measure');
  let result = ranking.ranking;
  let given = ranking.measureGiven;
  for (const part of measures) {
    const phrase = quoteTokens(tokens, part.start, part.end);
    const of = ranking.ranking.of;
    if (!RANKING_MEASURES[of].includes(part.measure)) {
      refuseMeasure(tokens[part.start + 1]!.raw, of, describeRankingOf(of), part, draft);
    } else if (given && part.measure !== result.by) {
      draft.issues.push({
        message: `Choose one measure: "by ${result.by}" or "${phrase}".`,
        edits: [{ start: part.start, end: part.end, text: '' }],
      });
    } else {
      result = { ...result, by: part.measure };
      given = true;
    }
  }
  return result;
}

/** A `by <measure>` with no ranking to order: refused, pointing to `top`. */
function refuseLoneMeasures(tokens: readonly CommandToken[], draft: CommandDraft): undefined {
  for (const part of draft.answers) {
    if (part.kind !== 'measure') continue;
    const phrase = quoteTokens(tokens, part.start, part.end);
    const of = TOP_OF.find((candidate) => RANKING_MEASURES[candidate].includes(part.measure)) ?? 'extensions';
    draft.issues.push({
      message: `"${phrase}" orders a ranking: put it after top, e.g. "top ${of} ${phrase}".`,
      edits: [{ start: part.start, end: part.end, text: `top ${of} ${phrase}` }],
    });
  }
  return undefined;
}
