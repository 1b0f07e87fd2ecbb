import type { AlertButtons } from '../../alerts/alert-buttons';
import { toErrorReply } from '../../chat/to-error-reply';
import type { ChatUser } from '../../core/chat-user';
import type { Logger } from '../../core/logger';
import { describeAlertButtonResult } from '../../render/alert-sentences';
import { renderAlertNoteTeams } from '../../render/alert-teams';
import { PLAIN_ALERT_STYLE, TEAMS_ALERT_STYLE } from '../../render/alert-text-style';
import { type OutgoingActivity, toReplyActivity } from './outgoing-activity';
import type { TeamsActivity } from './teams-activity';
import { toAlertCardActivity } from './teams-alert-delivery';
import { toConversationKey } from './to-conversation-reference';

/**
 * A click on a live alert's button in Teams (an Action.Submit whose `action` is `alert_…`),
 * answered by `buttons`, which redraws the card with `updateActivity`. Resolves with the reply
 * to send in the conversation ("Chloe is already calling back"), or undefined when the redrawn
 * card says it all. Failures become the usual error card.
 */
export async function answerTeamsAlertButton(
  buttons: AlertButtons,
  submit: { action: string; value: unknown },
  activity: TeamsActivity,
  user: ChatUser,
  logger: Logger,
): Promise<OutgoingActivity | undefined> {
  try {
    const result = await buttons.answer({
      actionId: submit.action,
      value: submit.value,
      user,
      ...(activity.from?.name !== undefined && { userName: activity.from.name }),
      conversation: { platform: 'teams', conversationId: toConversationKey(activity.conversation.id) },
    });
    const text = describeAlertButtonResult(result, TEAMS_ALERT_STYLE);
    if (text === undefined) return undefined;
    return toAlertCardActivity(
      renderAlertNoteTeams(text),
      describeAlertButtonResult(result, PLAIN_ALERT_STYLE) ?? text,
    );
  } catch (error) {
    return toReplyActivity(
      toErrorReply(error, logger, { platform: 'teams', user: user.id, actionId: submit.action }),
    );
  }
}
