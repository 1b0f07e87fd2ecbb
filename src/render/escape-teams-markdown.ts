/** Characters Teams' TextBlock Markdown reads as markup: emphasis, links, strike, code, headings. */
const MARKUP_CHARS = /[\\*_[\]()~`#]/g;
/** A list marker (`-`, `+`, `1.`) at the start of a line, where Teams would start a list. */
const LIST_MARKER = /^(\s*)(-|\+|\d+\.)(?=\s|$)/gm;

/**
 * Text that did not come from us (caller and display names, queue and user names, notes) made
 * plain for an Adaptive Card TextBlock or Fact value: Markdown characters are backslash-escaped,
 * as is a leading list marker, and `<` `>` become `‹` `›` so that nothing reads as a tag or an
 * autolink. Teams shows the text as it was, and no link or formatting appears.
 */
export function escapeTeamsMarkdown(text: string): string {
  return text
    .replace(MARKUP_CHARS, '\\$&')
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .replace(
      LIST_MARKER,
      (_match, indent: string, marker: string) => `${indent}${marker.slice(0, -1)}\\${marker.slice(-1)}`,
    );
}
