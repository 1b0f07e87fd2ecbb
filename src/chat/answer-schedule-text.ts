import type { ParseContext } from '../commands/parse-command';
import type { ChatUser } from '../core/chat-user';
import type { ConversationTarget } from '../core/conversation-target';
import { AppError, CommandError } from '../core/errors';
import type { Reply } from '../core/reply';
import { parseScheduleCommand } from '../schedule/parse-schedule-command';
import type { ScheduleCommands } from './schedule-commands';

/**
 * The reply to a digest command (`schedule …`, `schedules`, `unschedule …`), or undefined when the
 * text is a report command. Digests need a conversation to post to and a store: without them
 * (the terminal, a bot without a database) the asker learns where digests work.
 */
export async function answerScheduleText(
  text: string,
  user: ChatUser,
  conversation: ConversationTarget | undefined,
  schedules: ScheduleCommands | undefined,
  context: ParseContext,
): Promise<Reply | undefined> {
  const parsed = parseScheduleCommand(text, context);
  if (!parsed) return undefined;
  if (!conversation) {
    throw new CommandError(
      'Digests are posted to a Slack channel or a Teams conversation: type the schedule command there, where the bot is a member.',
    );
  }
  if (!schedules) {
    throw new AppError(
      'config',
      'Scheduled digests are not switched on for this bot.',
      'Ask your administrator to enable them (they need DATABASE_URL and the digest scheduler).',
    );
  }
  if (!parsed.ok) throw parsed.error;
  return schedules.answer(parsed.command, user, conversation);
}
