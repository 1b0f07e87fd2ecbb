import type { CommandDraft } from './command-draft';
import { plainWordAt, quoteTokens } from './command-tokens';
import { isKnownWord, lookupWord, MEASURE_WORDS, TABLE_WORDS, TREND_UNIT_WORDS } from './command-vocabulary';
import type { CommandToken } from './tokenize-command';

const DN = /^\d{1,15}$/;

/**
 * `by …` at `index` (product-spec grammar notes): `by day|week|month` makes a trend (`per day`
 * too), `by extension` / `by queue` put that table first, `by <measure>` orders the command's
 * ranking (checked against it in choose-answer.ts). Anything else after `by` is refused with what
 * `by` takes. Returns the index after what it read.
 */
export function readByWords(tokens: readonly CommandToken[], index: number, draft: CommandDraft): number {
  const per = plainWordAt(tokens, index) === 'per';
  const word = plainWordAt(tokens, index + 1) ?? '';
  const end = index + 2;
  const unit = lookupWord(TREND_UNIT_WORDS, word);
  if (unit) {
    draft.answers.push({ kind: 'trend', by: unit, start: index, end });
    return end;
  }
  const table = per ? undefined : lookupWord(TABLE_WORDS, word);
  if (table && DN.test(plainWordAt(tokens, end) ?? '')) {
    const filter = quoteTokens(tokens, index + 1, end + 1);
    draft.issues.push({
      message: `"${quoteTokens(tokens, index, end + 1)}" is not clear: for those calls write "${filter}"; for the table of every ${table === 'queues' ? 'queue' : 'extension'} first write "by ${table === 'queues' ? 'queue' : 'extension'}".`,
      edits: [{ start: index, end: index + 1, text: '' }],
    });
    return end + 1;
  }
  if (table) {
    draft.answers.push({ kind: 'table', table, start: index, end });
    return end;
  }
  const measure = per ? undefined : lookupWord(MEASURE_WORDS, word);
  if (measure) {
    const timeAfter = (measure === 'talk' || measure === 'wait') && plainWordAt(tokens, end) === 'time';
    draft.answers.push({ kind: 'measure', measure, start: index, end: timeAfter ? end + 1 : end });
    return timeAfter ? end + 1 : end;
  }
  return refuseBy(tokens, index, word, draft);
}

function refuseBy(tokens: readonly CommandToken[], index: number, word: string, draft: CommandDraft): number {
  const by = tokens[index]!.raw;
  if (word === 'hour' || word === 'hours') {
    draft.issues.push({
      message: `Trends go by day, week or month; for the calls of each hour of the day say "busiest hours".`,
      edits: [{ start: index, end: index + 2, text: 'busiest hours' }],
    });
    return index + 2;
  }
  if (['caller', 'callers', 'number', 'numbers'].includes(word)) {
    draft.issues.push({
      message: `There is no table by caller: for the callers who called most say "top callers".`,
      edits: [{ start: index, end: index + 2, text: 'top callers' }],
    });
    return index + 2;
  }
  if (['year', 'years', 'quarter', 'quarters'].includes(word)) {
    draft.issues.push({
      message: `Trends go by day, week or month, e.g. "last year by month".`,
      edits: [{ start: index, end: index + 2, text: `${by} month` }],
    });
    return index + 2;
  }
  const per = by.toLowerCase() === 'per';
  const table = lookupWord(TABLE_WORDS, word);
  if (per && table) {
    const singular = table === 'queues' ? 'queue' : 'extension';
    draft.issues.push({
      message: `"${quoteTokens(tokens, index, index + 2)}": for the ${singular} table first say "by ${singular}"; "per" makes a trend: "per day", "per week" or "per month".`,
      edits: [{ start: index, end: index + 2, text: `by ${singular}` }],
    });
    return index + 2;
  }
  const unread = /^[a-z][\w-]*$/.test(word) && !isKnownWord(word);
  const end = unread ? index + 2 : index + 1;
  const takes = per
    ? 'day, week or month, e.g. "last month per week"'
    : 'day, week or month (a trend: "last month by week"), extension or queue (that table first: "yesterday by extension"), or a measure after top ("top extensions by missed")';
  draft.issues.push({
    message: unread
      ? `I can't read "${quoteTokens(tokens, index, end)}": "${by}" takes ${takes}.`
      : `"${by}" needs ${takes}.`,
    edits: [{ start: index, end, text: '' }],
  });
  return end;
}
