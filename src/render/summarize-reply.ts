import type { Reply } from '../core/reply';
import { cleanText, truncateText } from './clean-text';
import { describeExplanation } from './describe-explanation';
import { plural } from './format-number';
import { summarizeReport } from './summarize-report';

const MAX_SUMMARY_CHARS = 300;

/**
 * A one-line plain-text summary of any reply, for notifications, screen readers and chat
 * fallbacks, saying what the answer is: `Mon 16 – Sun 22 Nov 2026 (Europe/Berlin): 3 calls, 2
 * answered, 1 missed`, `Top 3 extensions by missed calls, …: 1. 101 Ben Okafor 4, …`.
 */
export function summarizeReply(reply: Reply): string {
  return truncateText(cleanText(describeReply(reply)), MAX_SUMMARY_CHARS);
}

function describeReply(reply: Reply): string {
  switch (reply.kind) {
    case 'report':
      return summarizeReport(reply);
    case 'rows':
      return `${reply.windowLabel}: ${plural(reply.rowCount, 'row')}`;
    case 'help':
      return reply.text.split('\n').find((line) => line.trim().length > 0) ?? 'Help';
    case 'error':
      return `Error: ${reply.message}`;
    case 'notice':
      return reply.text;
    case 'explain':
      return `${describeExplanation(reply).title}: ${reply.windowLabel ?? 'no window'}`;
  }
}
