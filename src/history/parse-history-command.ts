import { suggestKeyword } from '../commands/suggest-keyword';
import { unescapeCommandText } from '../commands/unescape-command-text';
import { CommandError } from '../core/errors';
import { type ScheduleWord, splitScheduleWords } from '../schedule/schedule-words';

/** A history command, read and checked (admins only: checked when it runs). */
export type HistoryCommand = { kind: 'show' } | { kind: 'purge' } | { kind: 'purge-confirm' };

export type HistoryParse = { ok: true; command: HistoryCommand } | { ok: false; error: CommandError };

/** What each command is, in full (the normalised words `explain` shows). */
const WORDS: Record<HistoryCommand['kind'], string> = {
  show: 'history',
  purge: 'history purge',
  'purge-confirm': 'history purge confirm',
};

const WHAT_IT_TAKES =
  '"history" shows the call history the bot keeps, "history purge" says what deleting it would remove, and "history purge confirm" deletes it.';

/**
 * Recognises `history`, `history purge` and `history purge confirm`, only with `history` as the
 * first word (`last week history` is a report's words, not this). Undefined for any other text;
 * other words after `history` are refused, quoting them, with a corrected example.
 */
export function parseHistoryCommand(text: string): HistoryParse | undefined {
  const words = splitScheduleWords(unescapeCommandText(String(text ?? '')).trim());
  if (words[0]?.lower !== 'history') return undefined;
  const second = words[1];
  if (!second) return ok({ kind: 'show' });
  if (second.lower !== 'purge') {
    const meant = suggestKeyword(second.lower, ['purge']);
    return meant
      ? refuse(`I could not read "${second.text}" after "history". Did you mean "purge"?`, 'history purge')
      : refuse(`I could not read "${second.text}" after "history": ${WHAT_IT_TAKES}`, 'history');
  }
  const third = words[2];
  if (!third) return ok({ kind: 'purge' });
  if (third.lower !== 'confirm') return refuseAfterPurge(third);
  const extra = words.slice(3);
  if (extra.length === 0) return ok({ kind: 'purge-confirm' });
  return refuse(
    `"history purge confirm" takes nothing more; I could not use "${extra.map((word) => word.text).join(' ')}".`,
    'history purge confirm',
  );
}

/** Whether the text is a history command (right or wrong), by its first word. */
export function isHistoryCommandText(text: string): boolean {
  return parseHistoryCommand(text) !== undefined;
}

/** The normalised words of a command, as `explain` shows them. */
export function historyCommandWords(command: HistoryCommand): string {
  return WORDS[command.kind];
}

function refuseAfterPurge(word: ScheduleWord): HistoryParse {
  const meant = suggestKeyword(word.lower, ['confirm']) ? ' Did you mean "confirm"?' : '';
  return refuse(
    `I could not read "${word.text}" after "history purge".${meant} "history purge" says what would be deleted; "history purge confirm" deletes the call history.`,
    'history purge confirm',
  );
}

function ok(command: HistoryCommand): HistoryParse {
  return { ok: true, command };
}

function refuse(message: string, example: string): { ok: false; error: CommandError } {
  return { ok: false, error: new CommandError(message, example) };
}
