import { type CommandExplanation, type ExplainResult, explainCommand } from '../commands/explain-command';
import type { ParseContext } from '../commands/parse-command';
import { unescapeCommandText } from '../commands/unescape-command-text';
import { describeWindow } from '../core/describe-window';
import type { Directory } from '../core/directory';
import type { ExplainReply } from '../core/reply';
import type { Report } from '../core/report';
import { describeUnknownDns, namesDns } from '../report/describe-unknown-dns';
import { explainScheduleCommand } from '../schedule/explain-schedule-command';
import { toDirectoryPeople } from './directory-people';

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

/** The contract's explanation of `words` (a digest command or a report command), read with `cached` when given. */
export function explainWords(
  words: string,
  context: ParseContext,
  cached: Directory | undefined,
): ExplainResult {
  const readWith = cached ? { ...context, directory: toDirectoryPeople(cached) } : context;
  return explainScheduleCommand(words, readWith) ?? explainCommand(words, readWith);
}

/** The explanation as a reply for people (chat and the terminal), with what the directory says of the numbers. */
export function toExplainReply(
  words: string,
  explanation: CommandExplanation,
  cached: Directory | undefined,
): ExplainReply {
  const { window } = explanation;
  return {
    kind: 'explain',
    words,
    view: explanation.view,
    windowLabel: window
      ? describeWindow({ from: new Date(window.from), to: new Date(window.to), timeZone: window.timeZone })
      : null,
    command: explanation.command,
    filters: explanation.filters,
    names: explanation.names,
    assumptions: explanation.assumptions,
    notes: cached ? describeUnknownDns(explanation.filters, cached) : describeLookUps(explanation.filters),
  };
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
