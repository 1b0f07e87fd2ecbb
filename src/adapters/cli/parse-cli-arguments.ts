/** The terminal's own flags, apart from the command words. */
export interface CliArguments {
  /** The command words, re-quoted where the shell removed quotes around spaces. */
  commandText: string;
  json: boolean;
  timeZone: string | undefined;
  now: string | undefined;
}

export type CliArgumentsResult = { ok: true; value: CliArguments } | { ok: false; message: string };

const USAGE =
  'Usage: npm run -s calls -- <command words> [--json] [--tz Europe/Berlin] [--now 2026-11-29T10:00:00Z]';

/**
 * Splits argv into flags and command words. The shell has already removed quotes, so a word with
 * spaces (`filter="Answered eq true"` arrives as `filter=Answered eq true`) is quoted again.
 */
export function parseCliArguments(argv: readonly string[]): CliArgumentsResult {
  const words: string[] = [];
  let json = false;
  let timeZone: string | undefined;
  let now: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    const [flag, inlineValue] = splitFlag(argument);
    if (flag === '--json') {
      json = true;
    } else if (flag === '--tz' || flag === '--now') {
      const value = inlineValue ?? argv[++index];
      if (value === undefined || value.startsWith('--'))
        return { ok: false, message: `${flag} needs a value.\n${USAGE}` };
      if (flag === '--tz') timeZone = value;
      else now = value;
    } else if (argument.startsWith('--')) {
      return { ok: false, message: `Unknown option "${argument}".\n${USAGE}` };
    } else {
      words.push(quoteIfSpaced(argument));
    }
  }
  return { ok: true, value: { commandText: words.join(' '), json, timeZone, now } };
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
