import type { ChatUser } from '../core/chat-user';
import { AppError } from '../core/errors';
import type { Reply } from '../core/reply';
import type { HistoryCommand } from '../history/parse-history-command';
import { parseHistoryCommand } from '../history/parse-history-command';

/** Shows or deletes the stored call history (`HistoryCommands` in src/history); admins only. */
export interface HistoryCommandAnswers {
  answer(command: HistoryCommand, user: ChatUser): Promise<Reply>;
}

/**
 * The reply to a history command (`history`, `history purge`, `history purge confirm`), or
 * undefined when the text is not one (only `history` as the first word is). Words that do not
 * read throw their `CommandError`.
 */
export async function answerHistoryText(
  text: string,
  user: ChatUser,
  history: HistoryCommandAnswers | undefined,
): Promise<Reply | undefined> {
  const parsed = parseHistoryCommand(text);
  if (!parsed) return undefined;
  if (!parsed.ok) throw parsed.error;
  if (!history) {
    throw new AppError(
      'config',
      'This bot keeps no call history.',
      'The history needs the store (DATABASE_URL); HISTORY_DAYS sets how long days are kept.',
    );
  }
  return history.answer(parsed.command, user);
}
