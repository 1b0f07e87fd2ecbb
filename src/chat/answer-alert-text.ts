import type { AlertCommand } from '../alerts/parse-alert-command';
import { parseAlertCommand } from '../alerts/parse-alert-command';
import type { ChatUser } from '../core/chat-user';
import type { ConversationTarget } from '../core/conversation-target';
import { AppError, CommandError } from '../core/errors';
import type { Reply } from '../core/reply';

/**
 * Subscribes, lists and ends the live alerts of one conversation (`AlertCommands` in src/alerts).
 * Only ever touches the subscriptions of `conversation`. Throws `AppError`s for the asker.
 */
export interface AlertCommandAnswers {
  answer(command: AlertCommand, user: ChatUser, conversation: ConversationTarget): Promise<Reply>;
}

/** What the terminal, or a chat without a conversation, answers to `alerts …`. */
export const ALERTS_NEED_A_CONVERSATION =
  'Alerts are posted into a Slack channel or a Teams conversation: type "alerts missed" there, where the bot is a member.';

/**
 * The reply to an alert command (`alerts missed …`, `alerts`, `alerts off <id>`), or undefined
 * when the text is not one. Alerts need a conversation to post to and a store: without them the
 * asker learns where alerts work. Words that do not read throw their `CommandError`.
 */
export async function answerAlertText(
  text: string,
  user: ChatUser,
  conversation: ConversationTarget | undefined,
  alerts: AlertCommandAnswers | undefined,
): Promise<Reply | undefined> {
  const parsed = parseAlertCommand(text);
  if (!parsed) return undefined;
  if (!parsed.ok) throw parsed.error;
  if (!conversation) throw new CommandError(ALERTS_NEED_A_CONVERSATION);
  if (!alerts) {
    throw new AppError(
      'config',
      'Live alerts are not switched on for this bot.',
      'Ask your administrator to enable them (they need DATABASE_URL and the alert poller).',
    );
  }
  return alerts.answer(parsed.command, user, conversation);
}
