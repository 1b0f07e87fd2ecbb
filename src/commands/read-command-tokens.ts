import {
  addUnique,
  type CommandDraft,
  createDraft,
  emptyTarget,
  putTarget,
  type SideDraft,
  takeTarget,
} from './command-draft';
import { plainWordAt, quoteTokens } from './command-tokens';
import {
  DIRECTION_GROUP_WORDS,
  DIRECTION_WORDS,
  FILLER_WORDS,
  FILTER_WORDS,
  lookupWord,
  ME_FILLER_AFTER,
  ME_WORDS,
  STATUS_WORDS,
  VIEW_WORDS,
} from './command-vocabulary';
import type { ComparisonSplit } from './find-comparison';
import type { PeriodReading } from './natural/period-reading';
import type { DirectoryPerson } from './natural/read-person-name';
import { readBareDnsAs, readFilterValues } from './parse-filter-values';
import { applyCountWord, applyOption } from './parse-option';
import { parsePeriod } from './parse-period';
import { readSuperlative, readTop } from './parse-ranking';
import { readAnswerPhrase } from './read-answer-phrases';
import { readByWords } from './read-by-words';
import { readNameAt } from './read-name-filter';
import type { CommandToken } from './tokenize-command';

/** What reading the words needs besides the words. */
export interface TokenReading extends PeriodReading {
  directory?: readonly DirectoryPerson[];
}

/** A phone number after `from` (`calls from +44 20 7123`): 3 or more digits, not a date. */
const FROM_NUMBER = /^(\+\d|\d{3})[\d().-]*$/;

/**
 * Reads every token into a draft: views, the period, filters, names, options and what is asked
 * beyond the summary, in any order. Filler is skipped; words that fit nowhere are collected in
 * `unknown`; words that fit but are wrong become `issues`. With a comparison's `split`, each side
 * is read on its own (no period or list runs across the word between them) into `draft.sides`;
 * the words before `compare` are the command's, and a side's first words may be a person's name.
 */
export function readCommandTokens(
  tokens: readonly CommandToken[],
  reading: TokenReading,
  split?: ComparisonSplit,
): CommandDraft {
  const draft = createDraft();
  if (!split) {
    readSpan(tokens, 0, tokens.length, draft, reading, false);
    return draft;
  }
  readSpan(tokens, 0, split.compare ?? 0, draft, reading, false);
  const [first, second] = split.sides;
  const sideA = readSide(tokens, first, draft, reading);
  draft.sides = [sideA, readSide(tokens, second, draft, reading, filterKindOf(sideA, draft))];
  return draft;
}

/**
 * The one kind of number side A names (`ext 101` → extension), which a bare side B (`102`) takes;
 * none when side A has a period too (`ext 101 2025 vs 2024` compares years).
 */
function filterKindOf(side: SideDraft, draft: CommandDraft): 'extension' | 'queue' | undefined {
  const { extensions, queues, numbers } = side.filters;
  if (numbers.length > 0 || side.names.length > 0 || side.me) return undefined;
  if (draft.periods.some(({ ranges }) => ranges[0]![0] >= side.start && ranges[0]![0] < side.end))
    return undefined;
  if (extensions.length > 0 && queues.length === 0) return 'extension';
  if (queues.length > 0 && extensions.length === 0) return 'queue';
  return undefined;
}

function readSide(
  tokens: readonly CommandToken[],
  [start, end]: [number, number],
  draft: CommandDraft,
  reading: TokenReading,
  bareNumbersAs?: 'extension' | 'queue',
): SideDraft {
  const shared = takeTarget(draft);
  putTarget(draft, emptyTarget());
  const after = bareNumbersAs ? readBareDnsAs(tokens.slice(0, end), start, bareNumbersAs, draft) : start;
  readSpan(tokens, after, end, draft, reading, after === start);
  const side = { ...takeTarget(draft), start, end };
  putTarget(draft, shared);
  return side;
}

/** Reads tokens `[start, end)`; no reader looks past `end`. */
function readSpan(
  tokens: readonly CommandToken[],
  start: number,
  end: number,
  draft: CommandDraft,
  reading: TokenReading,
  side: boolean,
): void {
  const bounded = end === tokens.length ? tokens : tokens.slice(0, end);
  let index = start;
  while (index < end) {
    const namePosition =
      side && draft.filler.filter((filler) => filler >= start && filler < index).length === index - start;
    index = readOne(bounded, index, draft, reading, namePosition);
  }
}

function readOne(
  tokens: readonly CommandToken[],
  index: number,
  draft: CommandDraft,
  reading: TokenReading,
  namePosition: boolean,
): number {
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
  const answer = readAnswerWords(tokens, index, draft);
  if (answer !== undefined) return answer;
  if (word === 'me' && ME_FILLER_AFTER.includes(plainWordAt(tokens, index - 1) ?? ''))
    return skipFiller(index, draft);
  if (word === 'a' || word === 'an') {
    const period = readPeriod(tokens, index, draft, reading);
    if (period !== undefined) return period;
  }
  if (word === 'for' && !parsePeriod(tokens, index + 1, reading)) {
    const named = readNameAt(tokens, index + 1, true, draft, reading.directory);
    if (named !== undefined) return skipFiller(index, draft) && named;
  }
  if (word === ',' || FILLER_WORDS.includes(word)) return skipFiller(index, draft);
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
  const directions = lookupWord(DIRECTION_GROUP_WORDS, word) ?? (direction ? [direction] : undefined);
  if (directions) {
    addUnique(draft.filters.directions, [...directions]);
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
  const period = readPeriod(tokens, index, draft, reading);
  if (period !== undefined) return period;
  if (word === 'from') return readFrom(tokens, index, draft, reading);
  const named = readNameAt(tokens, index, namePosition, draft, reading.directory);
  if (named !== undefined) return named;
  draft.unknown.push(index);
  return index + 1;
}

/** Rankings (`top …`, `busiest …`, `longest …`, "who missed the most"), `by …`, `per …`. */
function readAnswerWords(
  tokens: readonly CommandToken[],
  index: number,
  draft: CommandDraft,
): number | undefined {
  const word = plainWordAt(tokens, index);
  if (word === 'top') return readTop(tokens, index, draft);
  if (word === 'busiest' || word === 'longest') return readSuperlative(tokens, index, draft);
  if (word === 'by' || word === 'per') return readByWords(tokens, index, draft);
  if (word === 'who' || word === 'which') return readAnswerPhrase(tokens, index, draft);
  return undefined;
}

function skipFiller(index: number, draft: CommandDraft): number {
  draft.filler.push(index);
  return index + 1;
}

/** `from` that starts no period: `from ben` (a person) or `from +4420…` (a number). */
function readFrom(
  tokens: readonly CommandToken[],
  index: number,
  draft: CommandDraft,
  reading: TokenReading,
): number {
  const next = plainWordAt(tokens, index + 1) ?? '';
  if (FROM_NUMBER.test(next)) {
    draft.filler.push(index);
    return readFilterValues(tokens, index, 'number', draft);
  }
  const named = readNameAt(tokens, index + 1, true, draft, reading.directory);
  if (named !== undefined) {
    draft.filler.push(index);
    return named;
  }
  draft.unknown.push(index);
  return index + 1;
}

function readPeriod(
  tokens: readonly CommandToken[],
  index: number,
  draft: CommandDraft,
  reading: TokenReading,
): number | undefined {
  const period = parsePeriod(tokens, index, reading);
  if (!period) return undefined;
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
    assumptions: period.assumptions,
    ...(period.loneMay ? { loneMay: true } : {}),
  });
  return next;
}

function closeQuote(raw: string): string {
  const quote = /["']/.exec(raw)?.[0] ?? '"';
  return `${raw}${quote}`;
}
