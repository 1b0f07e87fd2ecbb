/** Who asked, as far as the chat platform tells us. */
export interface ChatUser {
  platform: 'slack' | 'teams' | 'web' | 'cli';
  /** Slack user id (`U0123`), Teams AAD object id, or a local name. */
  id: string;
  email?: string;
  /** The asker's IANA zone, already resolved (platform, else DEFAULT_TIMEZONE). */
  timeZone: string;
  /**
   * The asker's locale (BCP 47, canonical), already resolved (platform, else DEFAULT_LOCALE): how
   * numeric dates such as `3/11` read. Absent: the parser's default, `en-US`.
   */
  locale?: string;
  /**
   * True when the platform could not be asked who this is (Slack `users.info` or the Teams member
   * lookup failed), so their e-mail is unknown. The access rules then refuse them ("try again in a
   * moment") unless the policy names them admin by their platform id: never treated as unlinked,
   * which `ACCESS_UNMAPPED=all` would widen to every call. Default false.
   */
  identityUnknown?: boolean;
}
