/**
 * Where a bot can post without being asked: the Bot Framework conversation reference, as plain
 * JSON (the protocol's shape, not an SDK class), so a database can store it and a later SDK can
 * read it.
 */
export interface TeamsConversationReference {
  /** The channel root or chat id, without a `;messageid=` thread suffix. */
  conversation: {
    id: string;
    conversationType?: string;
    tenantId?: string;
    isGroup?: boolean;
    name?: string;
  };
  /** The regional Bot Connector base URL, e.g. `https://smba.trafficmanager.net/emea/`; refreshed on every inbound activity. */
  serviceUrl: string;
  channelId: string;
  /** The bot's account in this conversation (`28:<app id>`). */
  bot: { id: string; name?: string };
  /** Who last wrote to the bot here. */
  user?: { id: string; name?: string; aadObjectId?: string };
  locale?: string;
}

/** Keeps conversation references for scheduled digests: the database (SQLite or PostgreSQL), or memory in tests. */
export interface ConversationReferenceStore {
  /** Inserts or replaces the reference for `ref.conversation.id`. */
  save(ref: TeamsConversationReference): Promise<void>;
  get(conversationId: string): Promise<TeamsConversationReference | undefined>;
}
