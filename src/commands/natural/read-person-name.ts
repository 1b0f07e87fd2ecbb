import { plainWordAt, quoteTokens } from '../command-tokens';
import { isKnownWord } from '../command-vocabulary';
import { suggestKeyword } from '../suggest-keyword';
import type { CommandToken } from '../tokenize-command';

/** One person of the PBX directory, as the parser needs it. */
export interface DirectoryPerson {
  extension: string;
  firstName: string;
  lastName: string;
}

/** A name found in the words: resolved to extensions, ambiguous, unknown, or left for later. */
export type NameRead =
  | { kind: 'resolved'; person: DirectoryPerson; text: string; next: number }
  | { kind: 'ambiguous'; candidates: DirectoryPerson[]; text: string; next: number }
  | { kind: 'unknown'; text: string; next: number }
  | { kind: 'unresolved'; text: string; next: number };

const NAME_WORD = /^\p{L}[\p{L}'’-]*$/u;
const MAX_NAME_WORDS = 3;

/**
 * Reads a person's name at `index`. In a name position (after `for` or `from`, or written `ben's`)
 * one to three words that nothing else reads are a name; elsewhere only a word of the directory is.
 * With a directory the name resolves (first name, last name or both, accent- and case-insensitive);
 * without one it stays unresolved, to be looked up.
 */
export function readPersonName(
  tokens: readonly CommandToken[],
  index: number,
  namePosition: boolean,
  directory: readonly DirectoryPerson[] | undefined,
): NameRead | undefined {
  const words: string[] = [];
  let next = index;
  while (next < tokens.length && words.length < MAX_NAME_WORDS && isNameWord(tokens, next)) {
    words.push(plainWordAt(tokens, next)!);
    next++;
    if (tokens[next - 1]!.possessive) break;
  }
  if (words.length === 0) return undefined;
  const possessive = tokens[next - 1]!.possessive === true;
  if (!directory) {
    if (!namePosition && !possessive) return undefined;
    return { kind: 'unresolved', text: nameText(tokens, index, next), next };
  }
  for (let count = words.length; count > 0; count--) {
    const matches = matchPeople(words.slice(0, count), directory);
    const text = nameText(tokens, index, index + count);
    if (matches.length === 1) return { kind: 'resolved', person: matches[0]!, text, next: index + count };
    if (matches.length > 1) return { kind: 'ambiguous', candidates: matches, text, next: index + count };
  }
  if (!namePosition && !possessive) return undefined;
  return { kind: 'unknown', text: nameText(tokens, index, next), next };
}

function isNameWord(tokens: readonly CommandToken[], index: number): boolean {
  const word = plainWordAt(tokens, index);
  if (word === undefined || !NAME_WORD.test(word) || isKnownWord(word)) return false;
  return suggestKeyword(word) === undefined;
}

/** People whose first name, last name, or first and last name are the words. */
function matchPeople(words: readonly string[], directory: readonly DirectoryPerson[]): DirectoryPerson[] {
  const typed = words.map(fold).join(' ');
  return directory.filter((person) => {
    const first = fold(person.firstName);
    const last = fold(person.lastName);
    return typed === first || typed === last || typed === `${first} ${last}`.trim();
  });
}

/** The name as typed, without a possessive `'s`. */
function nameText(tokens: readonly CommandToken[], start: number, end: number): string {
  return quoteTokens(tokens, start, end).replace(/['’]s$/, '');
}

/** Lower case without accents: `Zoë` -> `zoe`. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** `Ben Okafor`. */
export function personName(person: DirectoryPerson): string {
  return [person.firstName, person.lastName].filter((part) => part !== '').join(' ');
}
