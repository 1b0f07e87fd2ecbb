import type { AlertButtons } from '../alerts/alert-buttons';
import type { ChatUser } from '../core/chat-user';
import { describeAlertButtonResult } from '../render/alert-sentences';
import { PLAIN_ALERT_STYLE } from '../render/alert-text-style';
import { PLAYGROUND_CONVERSATION } from './playground-channel';

/** What the playground's user is called on the alerts they take. */
const PLAYGROUND_USER_NAME = 'The playground user';

/**
 * A click on a live alert's button in the channel view, as the playground's user (who has admin
 * rights, as everywhere in the playground). The alert is redrawn in the view by `buttons`; the
 * text returned (undefined when there is nothing to add) is the bot's reply in the view.
 */
export async function answerPlaygroundAlertButton(
  buttons: AlertButtons,
  click: { actionId: string; value: unknown },
  user: ChatUser,
): Promise<string | undefined> {
  const result = await buttons.answer({
    actionId: click.actionId,
    value: click.value,
    user,
    userName: PLAYGROUND_USER_NAME,
    conversation: { platform: 'playground', conversationId: PLAYGROUND_CONVERSATION.id },
  });
  return describeAlertButtonResult(result, PLAIN_ALERT_STYLE);
}
