import { type ParseContext, parseCommand } from '../commands/parse-command';
import type { Directory } from '../core/directory';
import type { CommandError } from '../core/errors';
import type { ReplyAction } from '../core/reply';
import type { ReportRequest } from '../core/report-request';
import { toDirectoryPeople } from './directory-people';
import { buildNameChoices } from './name-choices';
import { scanNames } from './scan-names';

/** Longer words are refused by the parser before they are read: no name in them can help. */
const MAX_SCANNED_CHARACTERS = 1000;

/** A command read for running: the request, or the error with a button per candidate of an ambiguous name. */
export type CommandReading =
  | { ok: true; request: ReportRequest }
  | { ok: false; error: CommandError; choices: ReplyAction[] };

/**
 * Reads words to run (typed text, a button's command) with people's names resolved against the
 * PBX directory, so that a request with names still to look up never runs. The directory is
 * loaded (the source caches it) only when the words name people (`calls for ben`, `ben's calls`)
 * or did not read and hold a word that could be a name (`ben yesterday`); then they are read
 * again with it. If the directory cannot be loaded, words that did not read keep their own error.
 */
export async function readCommand(
  text: string,
  context: ParseContext,
  loadDirectory: () => Promise<Directory>,
): Promise<CommandReading> {
  const plain = parseCommand(text, context);
  if (plain.ok && plain.request.names.length === 0) return plain;
  if (!plain.ok && (text.length > MAX_SCANNED_CHARACTERS || scanNames(text).length === 0)) {
    return { ok: false, error: plain.error, choices: [] };
  }
  let directory: Directory;
  try {
    directory = await loadDirectory();
  } catch (error) {
    if (!plain.ok) return { ok: false, error: plain.error, choices: [] };
    throw error;
  }
  const withPeople: ParseContext = { ...context, directory: toDirectoryPeople(directory) };
  const read = parseCommand(text, withPeople);
  if (read.ok) return read;
  return { ok: false, error: read.error, choices: buildNameChoices(text, withPeople) };
}
