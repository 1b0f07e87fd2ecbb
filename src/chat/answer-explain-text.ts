import { explainAlertCommand } from '../alerts/explain-alert-command';
import {
  type CommandExplanation,
  type ExplainedWindow,
  type ExplainResult,
  explainCommand,
} from '../commands/explain-command';
import type { ParseContext } from '../commands/parse-command';
import { unescapeCommandText } from '../commands/unescape-command-text';
import type { ComparisonBy } from '../core/answers';
import { describeWindow } from '../core/describe-window';
import type { Directory } from '../core/directory';
import { CommandError } from '../core/errors';
import type { ExplainReply } from '../core/reply';
import type { Report } from '../core/report';
import { explainHistoryCommand } from '../history/explain-history-command';
import { describeUnknownDns, namesDns } from '../report/describe-unknown-dns';
import { explainScheduleCommand } from '../schedule/explain-schedule-command';
import { toDirectoryPeople } from './directory-people';
import { MAX_SCANNED_CHARACTERS } from './read-command';
import { scanNames } from './scan-names';

const EXPLAIN = /^\s*explain(?=\s|$)/i;

/** Whether the text asks how words read (`explain <words>`) rather than for a report. */
export function isExplainText(text: string): boolean {
  return EXPLAIN.test(unescapeCommandText(String(text ?? '')));
}

/**
 * `explain <words>`: how the words read (`explainCommand`, or `explainScheduleCommand` for a
 * digest command), for people, without running a report or asking the PBX. Names and numbers are
 * checked against the directory only when the source already holds it (`cached`); otherwise names
 * are "will be looked up" assumptions and the numbers a note saying the same. Words that do not
 * read throw the usual `CommandError`.
 */
export function answerExplainText(
  text: string,
  context: ParseContext,
  cached: Directory | undefined,
): ExplainReply {
  const words = unescapeCommandText(String(text ?? ''))
    .replace(EXPLAIN, '')
    .trim();
  const explained = explainWords(words, context, cached);
  if (!explained.ok) throw explained.error;
  return toExplainReply(words, explained.explanation, cached);
}

/**
 * The contract's explanation of `words` (an alert, history, digest or report command), read with
 * `cached` when given. Without it, a word that did not read and could be a name gets the way to
 * say it (`withNameHint`): the report itself would look it up.
 */
export function explainWords(
  words: string,
  context: ParseContext,
  cached: Directory | undefined,
): ExplainResult {
  const readWith = cached ? { ...context, directory: toDirectoryPeople(cached) } : context;
  const explained =
    explainAlertCommand(words) ??
    explainHistoryCommand(words) ??
    explainScheduleCommand(words, readWith) ??
    explainCommand(words, readWith);
  return explained.ok || cached ? explained : { ok: false, error: withNameHint(explained.error, words) };
}

/** First words of other commands, never taken for names when out of place (`last week history`). */
const COMMAND_WORDS = new Set(['history', 'schedule', 'alerts', 'explain', 'help']);

/**
 * `error` with a sentence for a lone unread word that could be a person's name (`explain ben
 * yesterday`): without the directory a name is read only in a name position, while running the
 * words loads the directory and reads it anywhere (`readWithPeople`).
 */
function withNameHint(error: CommandError, words: string): CommandError {
  const [word] = error.unread;
  if (error.unread.length !== 1 || word === undefined || /\s/.test(word) || COMMAND_WORDS.has(word))
    return error;
  if (words.length > MAX_SCANNED_CHARACTERS || !scanNames(words).some((name) => name.text === word))
    return error;
  return new CommandError(
    `${error.message} If "${word}" is someone's name, running the words looks it up in the PBX directory; here, without it, say "for ${word}".`,
    error.example,
    error.unread,
  );
}

/** The explanation as a reply for people (chat and the terminal), with what the directory says of the numbers. */
export function toExplainReply(
  words: string,
  explanation: CommandExplanation,
  cached: Directory | undefined,
): ExplainReply {
  const { window, comparison, computes } = explanation;
  // A comparison of periods has two windows; of extensions or queues one, shared by both sides.
  const windows = comparison?.by === 'period' ? explanation.windows : window ? [window] : [];
  const label = (shown: ExplainedWindow) =>
    describeWindow({ from: new Date(shown.from), to: new Date(shown.to), timeZone: shown.timeZone });
  const filters = comparison
    ? mergeSideFilters(comparison.sides.map((side) => side.filters))
    : explanation.filters;
  return {
    kind: 'explain',
    words,
    view: explanation.view,
    windowLabel: windows.length > 0 ? windows.map(label).join(' with ') : null,
    command: explanation.command,
    filters: comparison ? sharedFilters(explanation.filters, comparison.by) : explanation.filters,
    names: explanation.names,
    assumptions: explanation.assumptions,
    notes: cached ? describeUnknownDns(filters, cached) : describeLookUps(filters),
    ...(computes ? { computes } : {}),
  };
}

/** A comparison's filters for both sides: the first side's without what it compares (`Computes` names the sides). */
function sharedFilters(filters: Report['filters'], by: ComparisonBy): Report['filters'] {
  if (by === 'extension') return { ...filters, extensions: [] };
  if (by === 'queue') return { ...filters, queues: [] };
  return filters;
}

/** Every number either side of a comparison names, to be checked against the directory. */
function mergeSideFilters(sides: readonly Report['filters'][]): Report['filters'] {
  const [first] = sides;
  const union = (pick: (filters: Report['filters']) => string[]) => [...new Set(sides.flatMap(pick))];
  return { ...first!, extensions: union((side) => side.extensions), queues: union((side) => side.queues) };
}

/** Without a directory at hand: the numbers that the report will check. */
function describeLookUps(filters: Report['filters']): string[] {
  if (!namesDns(filters)) return [];
  const numbers = [
    ...filters.extensions.map((number) => `ext ${number}`),
    ...filters.queues.map((number) => `queue ${number}`),
  ];
  const listed =
    numbers.length === 1 ? numbers[0]! : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
  return [`${listed} will be looked up in the PBX directory when the report runs.`];
}
