import type { ConversationTarget } from '../../core/conversation-target';
import type { TeamsActivity } from './teams-activity';
import { toConversationKey } from './to-conversation-reference';

/**
 * The conversation an activity came from, as the chat service takes it: the channel or chat id
 * without `;messageid=` (the key its conversation reference is stored under), so a digest created
 * in a channel thread is posted to the channel.
 */
export function toConversationTarget(activity: TeamsActivity): ConversationTarget {
  const { conversation } = activity;
  return {
    platform: 'teams',
    id: toConversationKey(conversation.id),
    ...(conversation.tenantId !== undefined && { teamId: conversation.tenantId }),
    ...(conversation.name !== undefined && { label: conversation.name }),
  };
}
