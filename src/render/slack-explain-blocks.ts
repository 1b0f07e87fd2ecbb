import type { ExplainReply } from '../core/reply';
import { describeExplanation } from './describe-explanation';
import { escapeMrkdwn } from './escape-mrkdwn';
import type { SlackBlock } from './slack-blocks';
import { mrkdwnSection } from './slack-report-blocks';
import { contextBlocks, headerBlock } from './slack-text-blocks';

/**
 * `explain <words>` in Block Kit: the title as a header, the facts as one section (the command as
 * code), the assumptions and notes in a context block, and the footer in another.
 */
export function buildSlackExplainBlocks(reply: ExplainReply): SlackBlock[] {
  const parts = describeExplanation(reply);
  const facts = parts.facts.map((fact) => {
    const value = escapeMrkdwn(fact.value.replaceAll('`', "'"));
    return `*${fact.label}:* ${fact.command ? `\`${value}\`` : value}`;
  });
  return [
    headerBlock(parts.title, 'How I read it'),
    mrkdwnSection(facts.join('\n')),
    ...contextBlocks(parts.remarks),
    ...contextBlocks([parts.footer]),
  ];
}
