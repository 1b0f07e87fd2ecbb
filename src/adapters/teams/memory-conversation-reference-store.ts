import type { ConversationReferenceStore, TeamsConversationReference } from './conversation-reference-store';

/** Conversation references in a Map: lost on restart, enough until a database store exists. */
export function createMemoryConversationReferenceStore(): ConversationReferenceStore {
  const references = new Map<string, TeamsConversationReference>();
  return {
    save: async (ref) => {
      references.set(ref.conversation.id, structuredClone(ref));
    },
    get: async (conversationId) => {
      const ref = references.get(conversationId);
      return ref ? structuredClone(ref) : undefined;
    },
  };
}
