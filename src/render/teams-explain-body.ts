import type { ExplainReply } from '../core/reply';
import type { CardElement } from './adaptive-card';
import { describeExplanation } from './describe-explanation';
import { escapeTeamsMarkdown } from './escape-teams-markdown';
import { textBlock } from './teams-elements';

/**
 * `explain <words>` as card elements: the title as a heading, the facts as a FactSet, each
 * assumption and note as subtle text, and the footer small and subtle.
 */
export function buildTeamsExplainBody(reply: ExplainReply): CardElement[] {
  const parts = describeExplanation(reply);
  return [
    textBlock(escapeTeamsMarkdown(parts.title), { style: 'heading', size: 'Large', weight: 'Bolder' }),
    {
      type: 'FactSet',
      facts: parts.facts.map((fact) => ({ title: fact.label, value: escapeTeamsMarkdown(fact.value) })),
    },
    ...parts.remarks.map((remark) =>
      textBlock(escapeTeamsMarkdown(remark), { isSubtle: true, spacing: 'None' }),
    ),
    textBlock(escapeTeamsMarkdown(parts.footer), { isSubtle: true, size: 'Small', separator: true }),
  ];
}
