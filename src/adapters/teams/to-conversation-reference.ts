import type { TeamsConversationReference } from './conversation-reference-store';
import type { TeamsActivity } from './teams-activity';

/**
 * The reference for posting into this activity's conversation later. A channel message's
 * conversation id ends with `;messageid=<thread>`; the reference keeps the channel itself, so a
 * digest starts a new post rather than answering an old thread.
 */
export function toConversationReference(activity: TeamsActivity): TeamsConversationReference {
  const { conversation } = activity;
  return {
    conversation: {
      id: toConversationKey(conversation.id),
      ...(conversation.conversationType !== undefined && { conversationType: conversation.conversationType }),
      ...(conversation.tenantId !== undefined && { tenantId: conversation.tenantId }),
      ...(conversation.isGroup !== undefined && { isGroup: conversation.isGroup }),
      ...(conversation.name !== undefined && { name: conversation.name }),
    },
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId,
    bot: activity.recipient,
    ...(activity.from && { user: activity.from }),
    ...(activity.locale !== undefined && { locale: activity.locale }),
  };
}

/** The conversation id references are stored under: the id without a `;messageid=` suffix. */
export function toConversationKey(conversationId: string): string {
  return conversationId.replace(/;messageid=[^;]*$/i, '');
}
