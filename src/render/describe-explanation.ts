import type { ExplainReply } from '../core/reply';
import { cleanText } from './clean-text';
import { describeAssumptions } from './describe-assumptions';
import { describeFilters } from './describe-filters';

/** One line of an explanation: a label and its value (`command` values read as code). */
export interface ExplanationFact {
  label: string;
  value: string;
  command?: boolean;
}

/** An explanation as every rendering shows it, before escaping: a title, facts, remarks, a footer. */
export interface ExplanationParts {
  title: string;
  facts: ExplanationFact[];
  /** The assumptions (`Assumed: …`), then the notes on numbers. */
  remarks: string[];
  footer: string;
}

export const EXPLAIN_FOOTER = 'Nothing was run: send the words without "explain" for the report.';

/**
 * What `explain <words>` shows: the window with its zone (both windows of a comparison of
 * periods), the view, what is computed beyond the summary (a comparison's sides among it), the
 * normalised command, the filters, the names still to look up, every assumption and what the
 * directory says of the numbers. Plain text; the renderers escape it for their platform.
 */
export function describeExplanation(reply: ExplainReply): ExplanationParts {
  const words = cleanText(reply.words);
  const facts: ExplanationFact[] = [
    { label: 'Window', value: reply.windowLabel ?? 'none (this command has no period)' },
    { label: 'View', value: reply.view },
    ...(reply.computes ? [{ label: 'Computes', value: reply.computes }] : []),
    { label: 'Command', value: cleanText(reply.command), command: true },
    { label: 'Filters', value: describeFilters(reply.filters) || 'none' },
  ];
  if (reply.names.length > 0) {
    facts.push({ label: 'Names to look up', value: reply.names.map(cleanText).join(', ') });
  }
  return {
    title: words === '' ? 'How I read an empty command' : `How I read "${words}"`,
    facts,
    remarks: [...describeAssumptions(reply.assumptions), ...reply.notes.map(cleanText)],
    footer: EXPLAIN_FOOTER,
  };
}
