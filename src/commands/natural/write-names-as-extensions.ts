import { quoteTokens } from '../command-tokens';
import { tokenizeCommand } from '../tokenize-command';
import { unescapeCommandText } from '../unescape-command-text';
import { findNames } from './find-names';
import { normalizeSentence } from './normalize-sentence';
import type { DirectoryPerson } from './read-person-name';

/** Words that only mark the name after them (`calls for ben`, `calls from ben`). */
const NAME_MARKERS = new Set(['for', 'from']);

/**
 * The words with every name that `people` resolves written as its extension, and every other word
 * kept (relative periods stay relative): `yesterday calls for ben okafor` -> `yesterday calls ext
 * 101`. What a digest stores, so that each run reads the same extension without the directory.
 * The caller checks that the result reads as the original did.
 */
export function writeNamesAsExtensions(text: string, people: readonly DirectoryPerson[]): string {
  const tokens = normalizeSentence(tokenizeCommand(unescapeCommandText(String(text ?? ''))));
  const pieces: string[] = [];
  let at = 0;
  for (const name of findNames(tokens, people)) {
    if (name.kind !== 'resolved') continue;
    const marker = tokens[name.start - 1];
    const marked = marker && !marker.option && !marker.quoted && NAME_MARKERS.has(marker.word);
    const start = marked ? name.start - 1 : name.start;
    pieces.push(quoteTokens(tokens, at, Math.max(at, start)), `ext ${name.person.extension}`);
    at = name.next;
  }
  if (at === 0) return text;
  pieces.push(quoteTokens(tokens, at, tokens.length));
  return pieces
    .filter((piece) => piece !== '')
    .join(' ')
    .trim();
}
