import type { ChatUser } from '../core/chat-user';
import type { ConversationTarget } from '../core/conversation-target';
import type { DigestCreator, DigestTarget } from './digest-schedule';
import type { ConversationKey } from './schedule-store';

/** Where a digest or an alert subscription created in `conversation` (kept by `key`) is posted. */
export function digestTargetOf(conversation: ConversationTarget, key: ConversationKey): DigestTarget {
  return {
    platform: key.platform,
    conversationId: key.conversationId,
    ...(conversation.teamId !== undefined && { teamId: conversation.teamId }),
    ...(key.platform === 'teams' && { referenceKey: conversation.referenceKey ?? conversation.id }),
    ...(conversation.label !== undefined && { label: conversation.label }),
  };
}

/** Who created a digest or an alert subscription. */
export function digestCreatorOf(user: ChatUser): DigestCreator {
  return {
    platform: user.platform,
    id: user.id,
    ...(user.email !== undefined && { email: user.email }),
  };
}
