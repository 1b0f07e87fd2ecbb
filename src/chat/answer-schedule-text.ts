import type { ParseContext } from '../commands/parse-command';
import type { ChatUser } from '../core/chat-user';
import type { ConversationTarget } from '../core/conversation-target';
import type { Directory } from '../core/directory';
import { AppError, CommandError } from '../core/errors';
import type { Reply } from '../core/reply';
import { parseScheduleCommand, type ScheduleParse } from '../schedule/parse-schedule-command';
import { readWithPeople } from './read-command';
import type { ScheduleCommands } from './schedule-commands';

/**
 * The reply to a digest command (`schedule …`, `schedules`, `unschedule …`), or undefined when the
 * text is a report command. Digests need a conversation to post to and a store: without them
 * (the terminal, a bot without a database) the asker learns where digests work. People's names
 * in a new digest's words are resolved against the directory (`loadDirectory`), and stored as
 * `ext N`; an ambiguous or unknown name refuses the digest.
 */
export async function answerScheduleText(
  text: string,
  user: ChatUser,
  conversation: ConversationTarget | undefined,
  schedules: ScheduleCommands | undefined,
  context: ParseContext,
  loadDirectory: () => Promise<Directory>,
): Promise<Reply | undefined> {
  if (!parseScheduleCommand(text, context)) return undefined;
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
  const { result: parsed } = await readWithPeople(
    text,
    context,
    loadDirectory,
    // Whether it is a digest command does not depend on the directory.
    (readContext) => parseScheduleCommand(text, readContext) as ScheduleParse,
    ({ command }) => command.kind === 'create' && command.request.names.length > 0,
  );
  if (!parsed.ok) throw parsed.error;
  return schedules.answer(parsed.command, user, conversation);
}
