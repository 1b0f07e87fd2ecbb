import type { CommandToken } from './tokenize-command';

/** The lower-case word at `index` when it is a plain word (not an option, not quoted). */
export function plainWordAt(tokens: readonly CommandToken[], index: number): string | undefined {
  const token = tokens[index];
  if (!token || token.option || token.quoted) return undefined;
  return token.word;
}

/** The tokens `[start, end)` as typed, for quoting in messages. */
export function quoteTokens(tokens: readonly CommandToken[], start: number, end: number): string {
  let text = '';
  for (let index = start; index < end; index++) {
    const token = tokens[index];
    if (!token) break;
    text += index > start && !token.attached ? ` ${token.raw}` : token.raw;
  }
  return text;
}

/** The index after the first of `phrases` spelled (as plain words) at `index`, or undefined. */
export function matchWords(
  tokens: readonly CommandToken[],
  index: number,
  phrases: readonly (readonly string[])[],
): number | undefined {
  for (const words of phrases) {
    if (words.every((word, offset) => plainWordAt(tokens, index + offset) === word))
      return index + words.length;
  }
  return undefined;
}
