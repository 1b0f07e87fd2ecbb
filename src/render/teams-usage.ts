import type { TextBlock } from './adaptive-card';
import { escapeTeamsMarkdown } from './escape-teams-markdown';
import { stackLines, textBlock } from './teams-elements';

/** A line that is one `command` and nothing else, after an optional bullet. */
const COMMAND_LINE = /^(• )?`([^`]+)`$/;

/**
 * The help text (plain text with `code` spans) as one TextBlock per line (`stackLines`). Teams'
 * card Markdown has no inline code and would show the backticks, so a line that is only a command
 * is set in monospace and a command within a sentence in bold; the rest is escaped as plain text.
 */
export function usageBlocks(text: string): TextBlock[] {
  return stackLines(text.split('\n'), (line) => {
    const command = COMMAND_LINE.exec(line);
    return command
      ? textBlock(`${command[1] ?? ''}${escapeTeamsMarkdown(command[2]!)}`, { fontType: 'Monospace' })
      : textBlock(formatCodeSpans(line));
  });
}

/** Escapes the line; its `code` spans (odd pieces between backticks) become bold. */
function formatCodeSpans(line: string): string {
  return line
    .split('`')
    .map((piece, index) =>
      index % 2 === 1 && piece ? `**${escapeTeamsMarkdown(piece)}**` : escapeTeamsMarkdown(piece),
    )
    .join('');
}
