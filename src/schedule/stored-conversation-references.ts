import type { ScheduleStore } from './schedule-store';

/** Anything keyed by its conversation id, like the Teams adapter's `TeamsConversationReference`. */
export interface KeyedReference {
  conversation: { id: string };
}

/** The Teams adapter's `ConversationReferenceStore` shape (structurally; no import from adapters). */
export interface PersistentReferenceStore<Reference extends KeyedReference> {
  save(reference: Reference): Promise<void>;
  get(conversationId: string): Promise<Reference | undefined>;
}

/**
 * Conversation references kept in the schedule store's database, so digests can still reach a
 * Teams conversation after a restart. Wire it as the Teams adapter's `references`:
 * `createStoredConversationReferences<TeamsConversationReference>(store, now)`.
 */
export function createStoredConversationReferences<Reference extends KeyedReference>(
  store: Pick<ScheduleStore, 'saveConversationReference' | 'getConversationReference'>,
  now: () => Date,
): PersistentReferenceStore<Reference> {
  return {
    save: (reference) => store.saveConversationReference(reference.conversation.id, reference, now()),
    get: async (conversationId) =>
      (await store.getConversationReference(conversationId)) as Reference | undefined,
  };
}
