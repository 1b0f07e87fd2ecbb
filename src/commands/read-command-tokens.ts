import { addUnique, type CommandDraft, createDraft } from './command-draft';
import { quoteTokens } from './command-tokens';
import {
  DIRECTION_WORDS,
  FILLER_WORDS,
  FILTER_WORDS,
  lookupWord,
  ME_WORDS,
  STATUS_WORDS,
  VIEW_WORDS,
} from './command-vocabulary';
import { readFilterValues } from './parse-filter-values';
import { applyCountWord, applyOption } from './parse-option';
import { parsePeriod } from './parse-period';
import type { CommandToken } from './tokenize-command';

/**
 * Reads every token into a draft: views, the period, filters and options, in any order. Words
 * that fit nowhere are collected in `unknown`; words that fit but are wrong become `issues`.
 */
export function readCommandTokens(tokens: readonly CommandToken[]): CommandDraft {
  const draft = createDraft();
  let index = 0;
  while (index < tokens.length) index = readOne(tokens, index, draft);
  return draft;
}

function readOne(tokens: readonly CommandToken[], index: number, draft: CommandDraft): number {
  const token = tokens[index]!;
  if (token.unclosedQuote) {
    draft.issues.push({
      message: `The quote in "${token.raw}" is not closed.`,
      edits: [{ start: index, end: index + 1, text: closeQuote(token.raw) }],
    });
    return index + 1;
  }
  if (token.option) {
    applyOption(tokens, index, draft);
    return index + 1;
  }
  if (token.quoted) {
    draft.unknown.push(index);
    return index + 1;
  }
  const word = token.word;
  if (word === ',' || FILLER_WORDS.includes(word)) return index + 1;
  const view = lookupWord(VIEW_WORDS, word);
  if (view) {
    draft.views.push({ view, index });
    return index + 1;
  }
  if (ME_WORDS.includes(word)) {
    draft.me = true;
    return index + 1;
  }
  const direction = lookupWord(DIRECTION_WORDS, word);
  if (direction) {
    addUnique(draft.filters.directions, [direction]);
    return index + 1;
  }
  const status = lookupWord(STATUS_WORDS, word);
  if (status) {
    draft.statuses.push({ status, index });
    return index + 1;
  }
  const filter = lookupWord(FILTER_WORDS, word);
  if (filter) return readFilterValues(tokens, index, filter, draft);
  if (word === 'count') {
    applyCountWord(index, draft);
    return index + 1;
  }
  return readPeriodOrUnknown(tokens, index, draft);
}

function readPeriodOrUnknown(tokens: readonly CommandToken[], index: number, draft: CommandDraft): number {
  const period = parsePeriod(tokens, index);
  if (!period) {
    draft.unknown.push(index);
    return index + 1;
  }
  const next = Math.max(period.next, index + 1);
  if (!period.ok) {
    draft.issues.push({
      message: period.message,
      edits: [{ start: index, end: next, text: period.replacement ?? '' }],
    });
    return next;
  }
  draft.periods.push({
    spec: period.spec,
    phrase: quoteTokens(tokens, index, next),
    ranges: [[index, next]],
  });
  return next;
}

function closeQuote(raw: string): string {
  const quote = /["']/.exec(raw)?.[0] ?? '"';
  return `${raw}${quote}`;
}
