import { EXPORT_FORMATS, type ExportFormat } from '../../render/render-export';

/** The terminal's own flags, apart from the command words. */
export interface CliArguments {
  /** The command words, re-quoted where the shell removed quotes around spaces (without a leading `explain`). */
  commandText: string;
  /** The first word was `explain`: show how the other words read, without running anything. */
  explain: boolean;
  json: boolean;
  /** `--format csv|xlsx`: the report's calls as a file on stdout instead of the text; undefined without. */
  format: ExportFormat | undefined;
  timeZone: string | undefined;
  now: string | undefined;
  /** `--locale en-GB`, as typed (checked by the caller). */
  locale: string | undefined;
}

export type CliArgumentsResult = { ok: true; value: CliArguments } | { ok: false; message: string };

const USAGE = [
  'Usage: npm run -s calls -- <command words> [--json | --format csv|xlsx] [--tz Europe/Berlin] [--now 2026-11-29T10:00:00Z] [--locale en-GB]',
  '       npm run -s calls -- explain <command words> [--json] [--tz …] [--now …] [--locale …]',
].join('\n');

/**
 * Splits argv into flags (anywhere in the list, `--tz X` or `--tz=X`) and command words. The shell
 * has already removed quotes, so a word with spaces (`filter="Answered eq true"` arrives as
 * `filter=Answered eq true`) is quoted again; other words (`tuesday?`, `?`) pass as they are.
 */
export function parseCliArguments(argv: readonly string[]): CliArgumentsResult {
  const words: string[] = [];
  let json = false;
  let format: ExportFormat | undefined;
  let timeZone: string | undefined;
  let now: string | undefined;
  let locale: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    const [flag, inlineValue] = splitFlag(argument);
    if (flag === '--json') {
      json = true;
    } else if (flag === '--tz' || flag === '--now' || flag === '--format' || flag === '--locale') {
      const value = inlineValue ?? argv[++index];
      if (value === undefined || value.startsWith('--'))
        return { ok: false, message: `${flag} needs a value.\n${USAGE}` };
      if (flag === '--format') {
        format = EXPORT_FORMATS.find((known) => known === value.toLowerCase());
        if (!format)
          return {
            ok: false,
            message: `--format must be csv or xlsx, not "${value}" (JSON is --json).\n${USAGE}`,
          };
      } else if (flag === '--tz') timeZone = value;
      else if (flag === '--locale') locale = value;
      else now = value;
    } else if (argument.startsWith('--')) {
      return { ok: false, message: `Unknown option "${argument}".\n${USAGE}` };
    } else {
      words.push(quoteIfSpaced(argument));
    }
  }
  if (json && format)
    return { ok: false, message: `--json and --format ${format} are two outputs: give one.\n${USAGE}` };
  const explain = words[0]?.toLowerCase() === 'explain';
  if (explain && format)
    return {
      ok: false,
      message: `explain shows how words read; it makes no file (--format ${format}).\n${USAGE}`,
    };
  const commandText = (explain ? words.slice(1) : words).join(' ');
  return { ok: true, value: { commandText, explain, json, format, timeZone, now, locale } };
}

function splitFlag(argument: string): [string, string | undefined] {
  if (!argument.startsWith('--')) return [argument, undefined];
  const equals = argument.indexOf('=');
  return equals < 0 ? [argument, undefined] : [argument.slice(0, equals), argument.slice(equals + 1)];
}

function quoteIfSpaced(word: string): string {
  if (!/\s/.test(word) || /^["'].*["']$/.test(word)) return word;
  const quote = word.includes('"') ? "'" : '"';
  const equals = word.indexOf('=');
  if (equals > 0 && !/\s/.test(word.slice(0, equals))) {
    return `${word.slice(0, equals + 1)}${quote}${word.slice(equals + 1)}${quote}`;
  }
  return word;
}
