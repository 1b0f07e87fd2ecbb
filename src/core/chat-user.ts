/** Who asked, as far as the chat platform tells us. */
export interface ChatUser {
  platform: 'slack' | 'teams' | 'web' | 'cli';
  /** Slack user id (`U0123`), Teams AAD object id, or a local name. */
  id: string;
  email?: string;
  /** The asker's IANA zone, already resolved (platform, else DEFAULT_TIMEZONE). */
  timeZone: string;
}
