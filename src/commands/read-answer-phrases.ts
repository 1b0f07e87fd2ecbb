import { DEFAULT_RANKING_SIZE, type RankingRequest } from '../core/answers';
import type { CommandDraft } from './command-draft';
import { matchWords } from './command-tokens';
import type { CommandToken } from './tokenize-command';

/**
 * Questions managers ask, read as the ranking they mean (product-spec "Rankings"): "who missed the
 * most (calls)" = `top extensions by missed`, "who answered (the) most" = `top extensions by
 * answered`; "which agent" or "which extension" asks as "who" does. Filler around them ("calls",
 * "?") is filler as everywhere; "top callers" and "busiest hour" are the ranking grammar itself
 * (parse-ranking.ts).
 */
const ASKERS: readonly (readonly string[])[] = [
  ['who'],
  ['which', 'agent'],
  ['which', 'agents'],
  ['which', 'extension'],
  ['which', 'extensions'],
];

/** "who missed the most", "which agent missed most", … for `verb`. */
function phrasesOf(verb: string): string[][] {
  return ASKERS.flatMap((asker) => [
    [...asker, verb, 'the', 'most'],
    [...asker, verb, 'most'],
  ]);
}

const PHRASES: ReadonlyArray<{
  words: readonly (readonly string[])[];
  ranking: Omit<RankingRequest, 'size'>;
}> = [
  { words: phrasesOf('missed'), ranking: { of: 'extensions', by: 'missed' } },
  { words: phrasesOf('answered'), ranking: { of: 'extensions', by: 'answered' } },
];

/** The phrase at `index` as a ranking in the draft, and the index after it; undefined when none starts there. */
export function readAnswerPhrase(
  tokens: readonly CommandToken[],
  index: number,
  draft: CommandDraft,
): number | undefined {
  for (const phrase of PHRASES) {
    const next = matchWords(tokens, index, phrase.words);
    if (next === undefined) continue;
    draft.answers.push({
      kind: 'ranking',
      ranking: { ...phrase.ranking, size: DEFAULT_RANKING_SIZE },
      measureGiven: true,
      start: index,
      end: next,
    });
    return next;
  }
  return undefined;
}
