import { suggestKeyword } from '../commands/suggest-keyword';
import { unescapeCommandText } from '../commands/unescape-command-text';
import { CommandError } from '../core/errors';
import { normalizeScheduleId } from '../schedule/schedule-id';
import { type ScheduleWord, splitScheduleWords } from '../schedule/schedule-words';
import { ALERTS_EXAMPLE } from './alert-command-usage';
import { type AlertFilters, alertCommandText } from './alert-subscription-words';

/** An alert command, read and checked (nothing looked up yet). */
export type AlertCommand =
  | { kind: 'subscribe'; filters: AlertFilters }
  | { kind: 'list' }
  | { kind: 'off'; id: string }
  | { kind: 'help' };

export type AlertParse = { ok: true; command: AlertCommand } | { ok: false; error: CommandError };

const LEAD_WORDS = ['alerts', 'alert'];
const EXTENSION_WORDS = ['ext', 'exts', 'extension', 'extensions'];
const QUEUE_WORDS = ['queue', 'queues'];
const END_WORDS = ['stop', 'delete', 'remove', 'rm', 'cancel', 'unsubscribe', 'end', 'disable'];
const OTHER_KINDS = ['answered', 'all', 'calls', 'inbound', 'outbound', 'internal', 'unreturned', 'new'];
const DN = /^\d{1,15}$/;
const LIST_JOINERS = [',', 'or', 'and'];

/**
 * Recognises `alerts missed [queue N[,N]] [ext N[,N]]` (subscribe this conversation), `alerts`
 * (`alerts list`: list them), `alerts off <id>` and `alerts help`; `alert` is read as `alerts`.
 * Undefined for any other text (a report command). `missed` is required: anything else after
 * `alerts` is refused, quoting it, with a corrected example.
 */
export function parseAlertCommand(text: string): AlertParse | undefined {
  const words = splitScheduleWords(unescapeCommandText(String(text ?? '')).trim());
  if (!LEAD_WORDS.includes(words[0]?.lower ?? '')) return undefined;
  const second = words[1];
  if (!second) return ok({ kind: 'list' });
  switch (second.lower) {
    case 'missed':
      return readSubscribe(words, 2);
    case 'list':
    case 'ls':
      return expectNoMore(words, 2, { kind: 'list' });
    case 'help':
    case '?':
      return expectNoMore(words, 2, { kind: 'help' });
    case 'off':
      return readOff(words);
  }
  return refuseSecondWord(words, second);
}

/** Whether the text is an alert command (right or wrong), by its first word. */
export function isAlertCommandText(text: string): boolean {
  return parseAlertCommand(text) !== undefined;
}

/** The normalised words of a command, as `explain` shows them. */
export function alertCommandWords(command: AlertCommand): string {
  switch (command.kind) {
    case 'subscribe':
      return alertCommandText(command.filters);
    case 'list':
      return 'alerts';
    case 'off':
      return `alerts off ${command.id}`;
    case 'help':
      return 'alerts help';
  }
}

function readSubscribe(words: readonly ScheduleWord[], start: number): AlertParse {
  const filters: AlertFilters = { extensions: [], queues: [] };
  let index = start;
  while (index < words.length) {
    const word = words[index]!;
    const kind = filterKindOf(word.lower);
    if (!kind) return refuseFilterWord(word, filters);
    const read = readNumbers(words, index + 1);
    if (read.values.length === 0) {
      const example = alertCommandText(withValue(filters, kind, kind === 'extension' ? '101' : '800'));
      const message =
        kind === 'extension'
          ? `"${word.text}" needs an extension number, e.g. "alerts missed ext 101" or "alerts missed ext 101,102".`
          : `"${word.text}" needs a queue number, e.g. "alerts missed queue 800" or "alerts missed queue 800,801".`;
      return refuse(message, example);
    }
    for (const value of read.values) addValue(filters, kind, value);
    index = read.next;
  }
  return ok({ kind: 'subscribe', filters });
}

function readOff(words: readonly ScheduleWord[]): AlertParse {
  const word = words[2];
  if (!word)
    return refuse(
      'Say which alerts to end: "alerts off k3m9qa" ("alerts" lists them with their ids).',
      'alerts',
    );
  const id = normalizeScheduleId(word.text);
  if (!id) {
    return refuse(
      `"${word.text}" is not an alert id: ids are 6 letters and digits, like k3m9qa. "alerts" lists them.`,
      'alerts',
    );
  }
  return expectNoMore(words, 3, { kind: 'off', id });
}

/** `alerts <something else>`: a typo of `missed`, a filter without `missed`, another kind, a way of saying "off". */
function refuseSecondWord(words: readonly ScheduleWord[], second: ScheduleWord): AlertParse {
  const rest = readSubscribe(words, 2);
  const filtersAfter = rest.ok && rest.command.kind === 'subscribe' ? rest.command.filters : undefined;
  const quoted = `"${second.text}"`;
  if (END_WORDS.includes(second.lower)) {
    const id = words[2] ? normalizeScheduleId(words[2].text) : undefined;
    return refuse(
      `To end alerts, write "alerts off" and the id: "alerts off k3m9qa" ("alerts" lists them).`,
      id ? `alerts off ${id}` : 'alerts',
    );
  }
  if (filterKindOf(second.lower)) {
    const asMissed = readSubscribe(words, 1);
    const example =
      asMissed.ok && asMissed.command.kind === 'subscribe'
        ? alertCommandText(asMissed.command.filters)
        : ALERTS_EXAMPLE;
    return refuse(
      `Say which calls first: alerts are for missed calls, "alerts missed" and then ${quoted} and its numbers.`,
      example,
    );
  }
  const example = filtersAfter ? alertCommandText(filtersAfter) : 'alerts missed';
  if (suggestKeyword(second.lower, ['missed']) === 'missed') {
    return refuse(`I could not read ${quoted} after "alerts". Did you mean "missed"?`, example);
  }
  if (OTHER_KINDS.includes(second.lower)) {
    return refuse(
      `Alerts come for missed calls only, so ${quoted} cannot follow "alerts": write "alerts missed", with "queue N" or "ext N" if you like.`,
      example,
    );
  }
  return refuse(
    `I could not read ${quoted} after "alerts": "alerts missed" turns alerts on here (add "queue N" or "ext N" for some calls only), "alerts" lists them, "alerts off <id>" ends one.`,
    example,
  );
}

function refuseFilterWord(word: ScheduleWord, filters: AlertFilters): AlertParse {
  const example = alertCommandText(filters) === 'alerts missed' ? ALERTS_EXAMPLE : alertCommandText(filters);
  const meant = suggestKeyword(word.lower, ['queue', 'ext', 'extension']);
  const suggestion = meant ? ` Did you mean "${meant}"?` : '';
  const hint = DN.test(word.text)
    ? `Say what ${word.text} is: "queue ${word.text}" or "ext ${word.text}".`
    : 'Only "queue N" and "ext N" may follow "alerts missed".';
  return refuse(`I could not read "${word.text}" in an alert command.${suggestion} ${hint}`, example);
}

/** Numbers separated by commas, spaces, `or`, `and`. */
function readNumbers(words: readonly ScheduleWord[], start: number): { values: string[]; next: number } {
  const values: string[] = [];
  let index = start;
  while (index < words.length) {
    const word = words[index]!;
    if (DN.test(word.text) && !word.quoted) {
      values.push(word.text);
      index++;
    } else if (
      LIST_JOINERS.includes(word.lower) &&
      values.length > 0 &&
      DN.test(words[index + 1]?.text ?? '')
    ) {
      index++;
    } else if (word.lower === ',' && values.length > 0) {
      index++;
    } else {
      break;
    }
  }
  return { values, next: index };
}

function filterKindOf(word: string): 'extension' | 'queue' | undefined {
  if (EXTENSION_WORDS.includes(word)) return 'extension';
  if (QUEUE_WORDS.includes(word)) return 'queue';
  return undefined;
}

function addValue(filters: AlertFilters, kind: 'extension' | 'queue', value: string): void {
  const list = kind === 'extension' ? filters.extensions : filters.queues;
  if (!list.includes(value)) list.push(value);
}

function withValue(filters: AlertFilters, kind: 'extension' | 'queue', value: string): AlertFilters {
  const copy = { extensions: [...filters.extensions], queues: [...filters.queues] };
  addValue(copy, kind, value);
  return copy;
}

function expectNoMore(words: readonly ScheduleWord[], index: number, command: AlertCommand): AlertParse {
  const extra = words.slice(index).map((word) => word.text);
  if (extra.length === 0) return ok(command);
  const said = alertCommandWords(command);
  return refuse(`"${said}" takes nothing more; I could not use "${extra.join(' ')}".`, said);
}

function ok(command: AlertCommand): AlertParse {
  return { ok: true, command };
}

function refuse(message: string, example: string): { ok: false; error: CommandError } {
  return { ok: false, error: new CommandError(message, example) };
}
