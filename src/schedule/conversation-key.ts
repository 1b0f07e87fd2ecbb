import type { ConversationTarget } from '../core/conversation-target';
import type { DigestPlatform } from './digest-schedule';
import type { ConversationKey } from './schedule-store';

/**
 * The conversation a command was typed in, as digests and alert subscriptions are kept by it: a
 * Slack channel, a Teams conversation or the playground's channel; undefined for anything else,
 * which nothing can be posted to.
 */
export function conversationKeyOf(conversation: ConversationTarget): ConversationKey | undefined {
  const platform: DigestPlatform | undefined =
    conversation.platform === 'slack' ||
    conversation.platform === 'teams' ||
    conversation.platform === 'playground'
      ? conversation.platform
      : undefined;
  return platform ? { platform, conversationId: conversation.id } : undefined;
}
