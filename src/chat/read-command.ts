import { type ParseContext, parseCommand } from '../commands/parse-command';
import type { Directory } from '../core/directory';
import type { CommandError } from '../core/errors';
import type { ReplyAction } from '../core/reply';
import type { ReportRequest } from '../core/report-request';
import { toDirectoryPeople } from './directory-people';
import { buildNameChoices } from './name-choices';
import { scanNames } from './scan-names';

/** Longer words are refused by the parser before they are read: no name in them can help. */
export const MAX_SCANNED_CHARACTERS = 1000;

/** A command read for running: the request, or the error with a button per candidate of an ambiguous name. */
export type CommandReading =
  | { ok: true; request: ReportRequest }
  | { ok: false; error: CommandError; choices: ReplyAction[] };

/**
 * Reads words to run (typed text, a button's command) with people's names resolved against the
 * PBX directory, so that a request with names still to look up never runs (see `readWithPeople`).
 */
export async function readCommand(
  text: string,
  context: ParseContext,
  loadDirectory: () => Promise<Directory>,
): Promise<CommandReading> {
  const { result, context: used } = await readWithPeople(
    text,
    context,
    loadDirectory,
    (readContext) => parseCommand(text, readContext),
    (parsed) => parsed.request.names.length > 0,
  );
  if (result.ok) return result;
  const choices = used.directory ? buildNameChoices(text, used) : [];
  return { ok: false, error: result.error, choices };
}

/**
 * Reads `text` with `read`, and again with the directory's people in the context when the words
 * name people (`namesPeople` of a reading that worked: `calls for ben`) or did not read and hold a
 * word that could be a name (`ben yesterday`). The directory is loaded (the source caches it) only
 * then. If it cannot be loaded, words that did not read keep their own error. Returns the reading
 * and the context it was read with.
 */
export async function readWithPeople<Ok extends { ok: true }>(
  text: string,
  context: ParseContext,
  loadDirectory: () => Promise<Directory>,
  read: (context: ParseContext) => Ok | { ok: false; error: CommandError },
  namesPeople: (reading: Ok) => boolean,
): Promise<{ result: Ok | { ok: false; error: CommandError }; context: ParseContext }> {
  const plain = read(context);
  const worthLooking = plain.ok
    ? namesPeople(plain)
    : text.length <= MAX_SCANNED_CHARACTERS && scanNames(text).length > 0;
  if (!worthLooking) return { result: plain, context };
  let directory: Directory;
  try {
    directory = await loadDirectory();
  } catch (error) {
    if (!plain.ok) return { result: plain, context };
    throw error;
  }
  const withPeople: ParseContext = { ...context, directory: toDirectoryPeople(directory) };
  return { result: read(withPeople), context: withPeople };
}
