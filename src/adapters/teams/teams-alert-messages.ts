import type { BotFrameworkConnection } from './bot-framework-connection';
import type { TeamsConversationReference } from './conversation-reference-store';
import type { OutgoingActivity } from './outgoing-activity';

/**
 * Messages the bot posts on its own into a conversation it has seen, then redraws and answers
 * (live alerts). Each resolves `false` (post: undefined) when it cannot talk there: no stored
 * reference, or (dev-no-auth) not on this machine; each rejects as the Bot Connector refuses.
 */
export interface TeamsAlertMessages {
  /** A new message; its activity id when the Bot Connector gave one. */
  post(
    conversationId: string,
    activity: OutgoingActivity,
  ): Promise<{ activityId: string | undefined } | undefined>;
  /** The message `activityId` replaced by `activity` (`updateActivity`). */
  update(conversationId: string, activityId: string, activity: OutgoingActivity): Promise<boolean>;
  /** A reply to the message `activityId` (in a channel, in its thread). */
  reply(conversationId: string, activityId: string, activity: OutgoingActivity): Promise<boolean>;
}

/** The adapter's alert messages over its Bot Framework connection and its stored references. */
export function createTeamsAlertMessages(
  connection: BotFrameworkConnection | undefined,
  reachableReference: (conversationId: string) => Promise<TeamsConversationReference | undefined>,
): TeamsAlertMessages {
  const withReference = async <T>(
    conversationId: string,
    use: (connection: BotFrameworkConnection, reference: TeamsConversationReference) => Promise<T>,
  ): Promise<T | undefined> => {
    const reference = connection && (await reachableReference(conversationId));
    return connection && reference ? use(connection, reference) : undefined;
  };
  return {
    post: (conversationId, activity) =>
      withReference(conversationId, async (bot, reference) => ({
        activityId: await bot.postToConversation(reference, activity),
      })),
    update: async (conversationId, activityId, activity) =>
      (await withReference(conversationId, async (bot, reference) => {
        await bot.updateInConversation(reference, activityId, activity);
        return true;
      })) ?? false,
    reply: async (conversationId, activityId, activity) =>
      (await withReference(conversationId, async (bot, reference) => {
        await bot.replyInConversation(reference, activityId, activity);
        return true;
      })) ?? false,
  };
}
