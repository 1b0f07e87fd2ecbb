import type { ReplyAction } from '../core/reply';
import { cleanText, truncateText } from './clean-text';
import { type ActionsBlock, type ButtonElement, SLACK_LIMITS } from './slack-blocks';

/**
 * The reply's buttons as one actions block (`action_id` = `calls_<id>`, or `calls_<id>.<key>` for
 * a button with a `key`, which the adapter reads as `<id>`), or null when there are none. Only
 * Share is styled primary. A button whose value exceeds Slack's 2,000 characters would make Slack
 * reject the whole message, so it is left out; a repeated action_id keeps the first.
 */
export function buildSlackActions(actions: ReplyAction[]): ActionsBlock | null {
  const seen = new Set<string>();
  const elements: ButtonElement[] = [];
  for (const action of actions) {
    const actionId = action.key === undefined ? `calls_${action.id}` : `calls_${action.id}.${action.key}`;
    if (seen.has(actionId) || action.value.length > SLACK_LIMITS.maxButtonValueChars) continue;
    seen.add(actionId);
    const button: ButtonElement = {
      type: 'button',
      action_id: actionId,
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
