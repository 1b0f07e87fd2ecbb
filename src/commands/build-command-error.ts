import { CommandError } from '../core/errors';
import type { CommandDraft } from './command-draft';
import { quoteTokens } from './command-tokens';
import type { TokenEdit } from './command-types';
import { SUGGESTABLE_WORDS } from './command-vocabulary';
import { suggestKeyword } from './suggest-keyword';
import type { CommandToken } from './tokenize-command';

/** Words nobody could read, next to each other, with what they probably meant. */
interface UnknownPhrase {
  start: number;
  end: number;
  phrase: string;
  /** The words as the reader saw them: lower-case, a quoted one as typed. */
  words: string[];
  /** The phrase with typos corrected, or undefined when nothing close was found. */
  suggestion?: string;
}

const LAST_RESORT_EXAMPLE = 'yesterday';

/**
 * One error for everything that went wrong: the unknown words quoted (with "did you mean" when a
 * correction makes a working command), then each other problem. The example is the user's own
 * command with the problems fixed or dropped; `fixExample` (the parser itself) checks it and
 * returns it, or its own corrected example, or undefined; without `fixExample` none is made.
 */
export function buildCommandError(
  tokens: readonly CommandToken[],
  draft: CommandDraft,
  fixExample?: (example: string) => string | undefined,
): CommandError {
  const phrases = groupUnknown(tokens, draft.unknown);
  // Filler stays out of examples: never "Try: the" or "Try: calls for".
  const fillerEdits = draft.filler.map((index) => ({ start: index, end: index + 1, text: '' }));
  const issueEdits = [...draft.issues.flatMap((issue) => issue.edits), ...fillerEdits];
  const prefix = draft.issues.map((issue) => issue.prefix ?? '').join(' ');
  const suffix = draft.issues.map((issue) => issue.suffix ?? '').join(' ');
  const render = (phraseEdits: TokenEdit[]) =>
    renderExample(tokens, [...issueEdits, ...phraseEdits], prefix, suffix);
  const corrected = render(phrases.map((phrase) => ({ ...phrase, text: phrase.suggestion ?? '' })));
  const dropped = render(phrases.map((phrase) => ({ ...phrase, text: '' })));
  let example: string | undefined;
  let useSuggestions = false;
  if (fixExample) {
    const fixedCorrected = phrases.some((phrase) => phrase.suggestion !== undefined)
      ? fixExample(corrected)
      : undefined;
    useSuggestions =
      fixedCorrected !== undefined &&
      phrases.every(
        (phrase) => phrase.suggestion === undefined || fixedCorrected.includes(phrase.suggestion),
      );
    example = fixedCorrected ?? fixExample(dropped) ?? LAST_RESORT_EXAMPLE;
  }
  const sentences: string[] = [];
  if (phrases.length > 0) sentences.push(`I didn't understand ${listPhrases(phrases, useSuggestions)}.`);
  if (phrases.some(namesASummaryFigure)) sentences.push(SUMMARY_FIGURES);
  sentences.push(...new Set(draft.issues.map((issue) => issue.message)));
  return new CommandError(
    sentences.join(' '),
    example,
    phrases.map((phrase) => phrase.phrase),
  );
}

function groupUnknown(tokens: readonly CommandToken[], unknown: readonly number[]): UnknownPhrase[] {
  const sorted = [...new Set(unknown)].sort((a, b) => a - b);
  const groups: Array<[number, number]> = [];
  for (const index of sorted) {
    const last = groups.at(-1);
    if (last && last[1] === index) last[1] = index + 1;
    else groups.push([index, index + 1]);
  }
  return groups.map(([start, end]) => {
    const words = tokens.slice(start, end).map((token) => (token.quoted ? token.raw : token.word));
    const suggestion = suggestPhrase(words);
    const only = end - start === 1 ? tokens[start] : undefined;
    const phrase =
      only?.quoted && !only.unclosedQuote ? only.raw.slice(1, -1) : quoteTokens(tokens, start, end);
    return suggestion === undefined
      ? { start, end, phrase, words }
      : { start, end, phrase, words, suggestion };
  });
}

/** Words of a figure every summary shows ("service level", "average wait time", "abandoned"). */
const FIGURE_WORDS = new Set([
  'service',
  'level',
  'sla',
  'talk',
  'time',
  'times',
  'wait',
  'waiting',
  'average',
  'avg',
  'abandoned',
  'abandon',
  'rate',
]);

const SUMMARY_FIGURES =
  "Every summary shows the service level, talk and wait times, and each queue's abandoned calls: ask for the period and filters alone.";

/** Whether an unread phrase only names figures the summary shows anyway (and no correction applies). */
function namesASummaryFigure(phrase: UnknownPhrase): boolean {
  return phrase.suggestion === undefined && phrase.words.every((word) => FIGURE_WORDS.has(word));
}

/** Phrases people type for periods the language names differently. */
const PHRASE_SUGGESTIONS: Readonly<Record<string, string>> = {
  'this day': 'today',
  'next week': 'this week',
  tomorrow: 'today',
  // Who called us most, or which agent called out most? The suggestion names the first.
  'who called': 'top callers',
  'who called most': 'top callers',
  // A trend, said as an adjective (`daily calls last week`); not read as one, since `daily report`
  // may mean today's.
  daily: 'by day',
  weekly: 'by week',
  monthly: 'by month',
};

/**
 * Words of a question about call-backs ("callbacks", "not called back", "callers still waiting"),
 * which the `unreturned` view answers: a phrase holding one is suggested as `unreturned`. A lone
 * "waiting" is not one ("waiting time" asks about waits).
 */
const CALL_BACK_WORDS = new Set(['callback', 'callbacks', 'call-back', 'call-backs', 'back', 'returned']);

function asksAboutCallBacks(words: readonly string[]): boolean {
  return (
    words.some((word) => CALL_BACK_WORDS.has(word)) ||
    words.some((word, index) => word === 'waiting' && words[index - 1] === 'still')
  );
}

/** `lsat week` -> `last week`; a bare `101` -> `ext 101`; undefined when no word changed. */
function suggestPhrase(words: readonly string[]): string | undefined {
  const known = PHRASE_SUGGESTIONS[words.join(' ')];
  if (known && Object.hasOwn(PHRASE_SUGGESTIONS, words.join(' '))) return known;
  if (asksAboutCallBacks(words)) return 'unreturned';
  if (words.length === 1 && /^\d{2,6}$/.test(words[0]!)) return `ext ${words[0]}`;
  let changed = false;
  const suggested = words.map((word) => {
    if (SUGGESTABLE_WORDS.includes(word)) return word;
    const keyword = suggestKeyword(word);
    if (keyword) changed = true;
    return keyword ?? '';
  });
  const text = suggested.filter((word) => word !== '').join(' ');
  return changed && text !== '' ? text : undefined;
}

function listPhrases(phrases: readonly UnknownPhrase[], withSuggestions: boolean): string {
  const items = phrases.map((phrase) =>
    withSuggestions && phrase.suggestion
      ? `"${phrase.phrase}" (did you mean "${phrase.suggestion}"?)`
      : `"${phrase.phrase}"`,
  );
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The tokens as typed with the edits applied (an edit overlapping an earlier one is skipped). */
function renderExample(
  tokens: readonly CommandToken[],
  edits: readonly TokenEdit[],
  prefix: string,
  suffix: string,
): string {
  const replacements = new Map<number, string>();
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    const end = Math.max(edit.end, edit.start + 1);
    let free = true;
    for (let index = edit.start; index < end; index++) if (replacements.has(index)) free = false;
    if (!free) continue;
    for (let index = edit.start; index < end; index++)
      replacements.set(index, index === edit.start ? edit.text : '');
  }
  let text = prefix;
  tokens.forEach((token, index) => {
    const replacement = replacements.get(index);
    if (replacement === '') return;
    if (replacement !== undefined) text += ` ${replacement}`;
    else text += token.attached && !replacements.has(index - 1) ? token.raw : ` ${token.raw}`;
  });
  text = `${text} ${suffix}`
    .replace(/,+(\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? 'today' : text;
}
