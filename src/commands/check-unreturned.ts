import type { CallDirection, View } from '../core/report-request';
import type { CommandDraft } from './command-draft';
import { plainWordAt } from './command-tokens';
import { DIRECTION_WORDS, lookupWord } from './command-vocabulary';
import type { CommandToken } from './tokenize-command';

/** Directions no missed call has: `unreturned` would list nothing with them. */
const NO_MISSES: readonly CallDirection[] = ['outbound', 'internal'];

/**
 * `unreturned` lists the period's missed (inbound, unanswered) calls, so `answered`, `outbound` and
 * `internal` would leave nothing to list: each is an issue whose example drops the word. Every
 * other filter selects which misses are listed; rankings, trends, comparisons and `list`/`rows`
 * are refused where views and answers are chosen.
 */
export function checkUnreturned(tokens: readonly CommandToken[], draft: CommandDraft, view: View): void {
  if (view !== 'unreturned') return;
  for (const { status, index } of draft.statuses) {
    if (status !== 'answered') continue;
    draft.issues.push({
      message: `"unreturned" lists missed calls, and "${tokens[index]!.raw}" calls are never missed: drop "${tokens[index]!.raw}".`,
      edits: [{ start: index, end: index + 1, text: '' }],
    });
  }
  tokens.forEach((token, index) => {
    const word = plainWordAt(tokens, index);
    const direction = word === undefined ? undefined : lookupWord(DIRECTION_WORDS, word);
    if (direction === undefined || !NO_MISSES.includes(direction)) return;
    if (!draft.filters.directions.includes(direction)) return;
    draft.issues.push({
      message: `"unreturned" lists missed inbound calls, so "${token.raw}" leaves nothing to list: drop "${token.raw}".`,
      edits: [{ start: index, end: index + 1, text: '' }],
    });
  });
}
