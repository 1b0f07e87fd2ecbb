import { findNames } from '../commands/natural/find-names';
import { normalizeSentence } from '../commands/natural/normalize-sentence';
import type { NameRead } from '../commands/natural/read-person-name';
import type { DirectoryPerson } from '../commands/parse-command';
import { tokenizeCommand } from '../commands/tokenize-command';
import { unescapeCommandText } from '../commands/unescape-command-text';

/**
 * Every word group of `text` that could be a person's name, read as the parser reads names (in any
 * position): against `people` when given (resolved, ambiguous or unknown), else left unresolved.
 * For the chat service to tell whether the directory could help a command that did not read, and
 * which people an ambiguous name could be; the parser itself decides what the words mean.
 */
export function scanNames(text: string, people?: readonly DirectoryPerson[]): NameRead[] {
  return findNames(normalizeSentence(tokenizeCommand(unescapeCommandText(String(text ?? '')))), people);
}
