import type { ChatUser } from '../core/chat-user';
import type { ConversationTarget } from '../core/conversation-target';
import type { Reply } from '../core/reply';
import type { ScheduleCommand } from '../schedule/parse-schedule-command';

/**
 * Creates, lists and removes the digests of one conversation (`DigestCommands` in src/schedule).
 * Only ever touches the digests of `conversation`. Throws `AppError`s for the asker.
 */
export interface ScheduleCommands {
  answer(command: ScheduleCommand, user: ChatUser, conversation: ConversationTarget): Promise<Reply>;
}
