import type { ReplyAction } from '../core/reply';
import { cleanText, truncateText } from './clean-text';
import { type ActionsBlock, type ButtonElement, SLACK_LIMITS } from './slack-blocks';

/**
 * The reply's buttons as one actions block (`action_id` = `calls_<id>`), or null when there are
 * none. Only Share is styled primary. A button whose value exceeds Slack's 2,000 characters would
 * make Slack reject the whole message, so it is left out; repeated ids keep the first.
 */
export function buildSlackActions(actions: ReplyAction[]): ActionsBlock | null {
  const seen = new Set<string>();
  const elements: ButtonElement[] = [];
  for (const action of actions) {
    if (seen.has(action.id) || action.value.length > SLACK_LIMITS.maxButtonValueChars) continue;
    seen.add(action.id);
    const button: ButtonElement = {
      type: 'button',
      action_id: `calls_${action.id}`,
      text: {
        type: 'plain_text',
        text: truncateText(cleanText(action.label) || action.id, SLACK_LIMITS.maxButtonTextChars),
        emoji: true,
      },
      value: action.value,
    };
    if (action.id === 'share') button.style = 'primary';
    elements.push(button);
  }
  if (elements.length === 0) return null;
  return { type: 'actions', elements: elements.slice(0, SLACK_LIMITS.maxActionElements) };
}
