import { addUnique, type CommandDraft } from './command-draft';
import { type DirectoryPerson, personName, readPersonName } from './natural/read-person-name';
import type { CommandToken } from './tokenize-command';

/**
 * A person's name as a filter: resolved to their extension (`ext 101 (Ben Okafor)` in the
 * assumptions), an error listing the candidates when ambiguous, an error when unknown, or — with
 * no directory at hand — kept in `names` to be looked up. Returns the index after the name.
 */
export function readNameAt(
  tokens: readonly CommandToken[],
  index: number,
  namePosition: boolean,
  draft: CommandDraft,
  directory: readonly DirectoryPerson[] | undefined,
): number | undefined {
  const read = readPersonName(tokens, index, namePosition, directory);
  if (!read) return undefined;
  switch (read.kind) {
    case 'resolved':
      addUnique(draft.filters.extensions, [read.person.extension]);
      draft.assumptions.push({
        code: 'name',
        text: `"${read.text}" is ext ${read.person.extension} (${personName(read.person)})`,
      });
      break;
    case 'ambiguous': {
      const choices = read.candidates.map((person) => `ext ${person.extension} (${personName(person)})`);
      const commands = read.candidates.map((person) => `"ext ${person.extension}"`);
      draft.issues.push({
        message: `"${read.text}" is more than one person: ${choices.join(', ')}. Say which, e.g. ${commands.join(' or ')}.`,
        edits: [{ start: index, end: read.next, text: `ext ${read.candidates[0]!.extension}` }],
      });
      break;
    }
    case 'unknown':
      draft.issues.push({
        message: `"${read.text}" is not a name in the PBX directory.`,
        edits: [{ start: index, end: read.next, text: '' }],
      });
      break;
    case 'unresolved':
      addUnique(draft.names, [read.text]);
      draft.assumptions.push({
        code: 'name-lookup',
        text: `"${read.text}" will be looked up in the PBX directory`,
      });
      break;
  }
  return read.next;
}
