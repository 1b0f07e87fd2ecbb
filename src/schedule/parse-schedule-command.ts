import { IANAZone } from 'luxon';
import { type ParseContext, parseCommand } from '../commands/parse-command';
import { unescapeCommandText } from '../commands/unescape-command-text';
import { CommandError } from '../core/errors';
import type { ReportRequest } from '../core/report-request';
import { nextOccurrence } from './compute-occurrences';
import { digestReportWords } from './digest-report-words';
import type { ScheduleRule } from './digest-schedule';
import { readScheduleRule } from './parse-schedule-rule';
import { normalizeScheduleId } from './schedule-id';
import { SCHEDULE_EXAMPLE } from './schedule-usage';
import { type ScheduleWord, splitScheduleWords } from './schedule-words';

/**
 * A digest command, read and checked; `create` carries the report words as typed, names the
 * directory resolved written as `ext N` (re-parsed at each run).
 */
export type ScheduleCommand =
  | { kind: 'create'; rule: ScheduleRule; command: string; firstRunAt: Date; request: ReportRequest }
  | { kind: 'list' }
  | { kind: 'delete'; id: string }
  | { kind: 'help' };

export type ScheduleParse = { ok: true; command: ScheduleCommand } | { ok: false; error: CommandError };

const DELETE_WORDS = ['delete', 'remove', 'rm', 'cancel'];
const ME_WORDS = /(^|\s)(me|my|mine)(?=\s|$)/i;

/** How many times an example may itself be corrected before the standard one is shown. */
const MAX_EXAMPLE_DEPTH = 2;

/**
 * Recognises `schedule <when> <report command>`, `schedules` (`schedule list`), `unschedule <id>`
 * (`schedule delete <id>`) and `schedule help`; undefined for any other text (a report command).
 * The report words are checked now, with the first run as "now" and the asker's zone, so bad
 * words are refused at once. `rows` and `help` cannot be digests: rows go out as files, and help
 * is no report. `me` cannot either: a digest is for everyone in the conversation.
 */
export function parseScheduleCommand(text: string, context: ParseContext): ScheduleParse | undefined {
  return parseAtDepth(text, context, 0);
}

function parseAtDepth(text: string, context: ParseContext, depth: number): ScheduleParse | undefined {
  const plain = unescapeCommandText(String(text ?? '')).trim();
  const words = splitScheduleWords(plain);
  const first = words[0]?.lower;
  const second = words[1]?.lower;
  if (first === 'schedules') return expectNoMore(words, 1, { kind: 'list' });
  if (first === 'unschedule') return readDelete(words, 1);
  if (first !== 'schedule') return undefined;
  if (second === undefined || second === 'help' || second === '?')
    return { ok: true, command: { kind: 'help' } };
  if (second === 'list' || second === 'ls') return expectNoMore(words, 2, { kind: 'list' });
  if (DELETE_WORDS.includes(second)) return readDelete(words, 2);
  const result = readCreate(plain, words, context);
  if (result.ok || depth >= MAX_EXAMPLE_DEPTH) return result;
  return { ok: false, error: withWorkingExample(result.error, context, depth) };
}

function readCreate(plain: string, words: readonly ScheduleWord[], context: ParseContext): ScheduleParse {
  const reading = readScheduleRule(words, 1, plain);
  if (!reading.ok) return reading;
  const restAt = words[reading.next]?.start ?? plain.length;
  const head = plain.slice(0, restAt).trim();
  const command = plain.slice(restAt).trim();
  if (command === '') {
    const message = `Say what the digest reports after the time, e.g. "${SCHEDULE_EXAMPLE}".`;
    return refuse(message, `${head} yesterday`);
  }
  if (!IANAZone.isValidZone(context.timeZone)) {
    return refuse(
      `Your time zone "${context.timeZone}" is not one digests can use; set an IANA zone such as Europe/Berlin.`,
    );
  }
  const firstRunAt = nextOccurrence(reading.rule.cron, context.timeZone, context.now);
  if (!firstRunAt) return refuse(`"${reading.rule.cron}" never runs: no date matches it.`, SCHEDULE_EXAMPLE);
  const atFirstRun = { ...context, now: firstRunAt };
  const parsed = parseCommand(command, atFirstRun);
  if (!parsed.ok) {
    const example = parsed.error.example === undefined ? undefined : `${head} ${parsed.error.example}`;
    return refuse(parsed.error.message, example);
  }
  const { request } = parsed;
  if (request.view === 'help') return { ok: true, command: { kind: 'help' } };
  if (request.view === 'rows') {
    const message =
      'A digest posts a report into the conversation; "rows" makes a file of raw call-log rows, which digests do not post. Schedule a summary or a list.';
    return refuse(message, `${head} ${command.replace(/(^|\s)rows(?=\s|$)/i, '$1summary')}`);
  }
  if (request.me) {
    const message =
      'A digest goes to everyone in the conversation, so "me" cannot stand for one person there: name the extension, e.g. "ext 101".';
    return refuse(message, `${head} ${command.replace(ME_WORDS, '$1ext 101')}`);
  }
  const stored = digestReportWords(command, request, atFirstRun);
  if (!stored.ok) return refuse(stored.error.message, `${head} ${stored.error.example ?? 'yesterday'}`);
  return {
    ok: true,
    command: { kind: 'create', rule: reading.rule, command: stored.words, firstRunAt, request },
  };
}

function readDelete(words: readonly ScheduleWord[], index: number): ScheduleParse {
  const word = words[index];
  if (!word)
    return refuse('Say which digest to remove: "unschedule k3m9qa" ("schedules" lists them).', 'schedules');
  const id = normalizeScheduleId(word.text);
  if (!id) {
    const message = `"${word.text}" is not a digest id: ids are 6 letters and digits, like k3m9qa. "schedules" lists them.`;
    return refuse(message, 'schedules');
  }
  return expectNoMore(words, index + 1, { kind: 'delete', id });
}

function expectNoMore(
  words: readonly ScheduleWord[],
  index: number,
  command: ScheduleCommand,
): ScheduleParse {
  const extra = words.slice(index).map((word) => word.text);
  if (extra.length === 0) return { ok: true, command };
  const said = command.kind === 'delete' ? `unschedule ${command.id}` : 'schedules';
  return refuse(`"${said}" takes nothing more; I could not use "${extra.join(' ')}".`, said);
}

/** Keeps the error's example when it parses; otherwise tries that example's own example, then the standard one. */
function withWorkingExample(error: CommandError, context: ParseContext, depth: number): CommandError {
  const example = error.example;
  if (example === undefined) return new CommandError(error.message, SCHEDULE_EXAMPLE);
  const check = parseAtDepth(example, context, depth + 1);
  if (check?.ok && check.command.kind === 'create') return error;
  const better = check && !check.ok ? check.error.example : undefined;
  return new CommandError(error.message, better ?? SCHEDULE_EXAMPLE);
}

function refuse(message: string, example?: string): { ok: false; error: CommandError } {
  return { ok: false, error: new CommandError(message, example) };
}
