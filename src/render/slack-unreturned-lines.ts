import type { UnreturnedCall } from '../core/callbacks';
import { describeUnreturnedLine, groupUnreturned, type PartyStyle } from './describe-unreturned';
import { escapeMrkdwn } from './escape-mrkdwn';

/** PBX text escaped for mrkdwn; a dialable number as `<tel:+44…|+44 20 …>` (no `|` inside the label). */
const SLACK_STYLE: PartyStyle = {
  escape: escapeMrkdwn,
  link: (uri, label) => `<${uri}|${label.replaceAll('|', '¦')}>`,
};

/**
 * The `unreturned` list as mrkdwn lines, one per call (the first `maxItems`), in the list's order;
 * the first call of each state carries that state's title on a line above it, so that a list cut
 * after any line still counts whole calls.
 */
export function slackUnreturnedLines(calls: readonly UnreturnedCall[], maxItems: number): string[] {
  const lines: string[] = [];
  for (const group of groupUnreturned(calls)) {
    group.calls.forEach((call, index) => {
      if (lines.length >= maxItems) return;
      const line = describeUnreturnedLine(call, SLACK_STYLE);
      const entry = `• *${line.when}* · ${line.summary}`;
      lines.push(index === 0 ? `*${escapeMrkdwn(group.title)}*\n${entry}` : entry);
    });
  }
  return lines;
}
