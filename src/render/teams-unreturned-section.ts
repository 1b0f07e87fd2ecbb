import type { ReportReply } from '../core/reply';
import type { CardElement } from './adaptive-card';
import {
  describeNoMisses,
  describeUnreturnedLine,
  groupUnreturned,
  type PartyStyle,
} from './describe-unreturned';
import { escapeTeamsMarkdown } from './escape-teams-markdown';
import { formatCount } from './format-number';
import { sectionTitle, textBlock } from './teams-elements';
import { describeHidden } from './teams-table-section';

const TITLE = 'Missed calls and call-backs';

/** PBX text escaped for a card; a dialable number as a Markdown `tel:` link. */
const TEAMS_STYLE: PartyStyle = {
  escape: escapeTeamsMarkdown,
  link: (uri, label) => `[${label}](${uri})`,
};

/**
 * The `unreturned` list as card elements: per state a bold title and its calls as facts (time,
 * then caller → where it ended · state), at most `maxItems` calls in all, then "…and N more".
 */
export function teamsUnreturnedSection(reply: ReportReply, maxItems: number): CardElement[] {
  const { report } = reply;
  const calls = report.unreturned ?? [];
  if (calls.length === 0) return [sectionTitle(TITLE), textBlock(describeNoMisses(report))];
  const elements: CardElement[] = [sectionTitle(`${TITLE} (${formatCount(calls.length)})`)];
  let shownCount = 0;
  for (const group of groupUnreturned(calls)) {
    const shown = group.calls.slice(0, Math.max(0, maxItems - shownCount));
    if (shown.length === 0) break;
    shownCount += shown.length;
    elements.push(textBlock(group.title, { weight: 'Bolder', spacing: 'Medium' }), {
      type: 'FactSet',
      facts: shown.map((call) => {
        const line = describeUnreturnedLine(call, TEAMS_STYLE);
        return { title: line.when, value: line.summary };
      }),
    });
  }
  return [...elements, ...describeHidden(reply.actions, shownCount, calls.length)];
}
