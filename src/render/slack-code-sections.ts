import { escapeMrkdwn } from './escape-mrkdwn';
import { chunkLines, fitLines } from './fit-lines';
import { type SectionBlock, SLACK_LIMITS } from './slack-blocks';

const FENCE = '```';
/** The fences and newlines around a chunk of monospaced lines. */
const FENCE_CHARS = FENCE.length * 2 + 2;

/**
 * A titled block of monospaced lines (a table, text bars) as sections of at most 3,000
 * characters, the title in the first, within `budgetChars` in all; cut lines end with
 * `describeMore(hidden)`. The lines are plain text and escaped here; the title is mrkdwn.
 */
export function codeSections(
  title: string,
  lines: string[],
  budgetChars: number,
  describeMore: (hiddenCount: number) => string,
): SectionBlock[] {
  const chunkChars = SLACK_LIMITS.maxSectionTextChars - FENCE_CHARS - title.length - 1;
  // One more chunk than the budget needs, so that the fences of the last one fit too.
  const chunks = Math.ceil(budgetChars / chunkChars) + 1;
  const room = budgetChars - title.length - 1 - chunks * (FENCE_CHARS + 1);
  if (room <= 0) return [];
  const fitted = fitLines(lines.map(escapeMrkdwn), { maxChars: room, maxItems: lines.length }, describeMore);
  return chunkLines(fitted, chunkChars).map((chunk, index) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: `${index === 0 ? `${title}\n` : ''}${FENCE}\n${chunk}\n${FENCE}` },
  }));
}
