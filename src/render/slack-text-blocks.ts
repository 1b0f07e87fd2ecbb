import { cleanText, truncateText } from './clean-text';
import { escapeMrkdwn } from './escape-mrkdwn';
import { type ContextBlock, type HeaderBlock, SLACK_LIMITS } from './slack-blocks';

const CONTEXT_MAX_CHARS = 1500;

/** A header block with `text` cleaned to one line and cut to Slack's limit (`fallback` when empty). */
export function headerBlock(text: string, fallback = 'Calls'): HeaderBlock {
  const shown = truncateText(cleanText(text), SLACK_LIMITS.maxHeaderChars) || fallback;
  return { type: 'header', text: { type: 'plain_text', text: shown, emoji: true } };
}

/** One context block with the non-empty lines, escaped; none when there is nothing to say. */
export function contextBlocks(lines: readonly string[]): ContextBlock[] {
  const text = lines
    .map(cleanText)
    .filter((line) => line.length > 0)
    .map(escapeMrkdwn)
    .join('\n');
  if (text.length === 0) return [];
  return [{ type: 'context', elements: [{ type: 'mrkdwn', text: truncateText(text, CONTEXT_MAX_CHARS) }] }];
}
