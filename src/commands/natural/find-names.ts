import type { CommandToken } from '../tokenize-command';
import { type DirectoryPerson, type NameRead, readPersonName } from './read-person-name';

/** A name found in the tokens, and the index of its first token. */
export type FoundName = NameRead & { start: number };

/**
 * Every word group of `tokens` that could be a person's name, read as the parser reads names (in
 * any position): against `people` when given (resolved, ambiguous or unknown), else unresolved.
 */
export function findNames(tokens: readonly CommandToken[], people?: readonly DirectoryPerson[]): FoundName[] {
  const found: FoundName[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const read = readPersonName(tokens, index, true, people);
    if (!read) continue;
    found.push({ ...read, start: index });
    index = read.next - 1;
  }
  return found;
}
