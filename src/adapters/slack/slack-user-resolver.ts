import { FALLBACK_LOCALE } from '../../config/canonical-locale';
import type { ChatUser } from '../../core/chat-user';
import type { Logger } from '../../core/logger';
import { lookUpSlackUser, type UsersInfoClient } from './look-up-slack-user';

export interface SlackUserResolverOptions {
  /** The zone when Slack does not say or cannot be asked (DEFAULT_TIMEZONE, else UTC). */
  defaultTimeZone: string;
  /** The locale when Slack does not say or cannot be asked (DEFAULT_LOCALE); default en-US. */
  defaultLocale?: string;
  logger: Logger;
  now: () => Date;
  /** How long a looked-up user is reused; default 1 hour (people rarely change zones mid-day). */
  ttlMs?: number;
  /** Entries kept at most; the oldest go first. Default 10,000. */
  maxEntries?: number;
}

interface CachedUser {
  timeZone: string | undefined;
  locale: string | undefined;
  email: string | undefined;
  expiresAtMs: number;
}

const DEFAULT_TTL_MS = 60 * 60 * 1000;
const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * Who is asking: the Slack user's IANA zone, locale and e-mail from `users.info`, cached per user id. A
 * failed lookup (rate limit, server error, network, an unknown user) is logged at warn, without the
 * token, and not cached: the user gets the default zone and `identityUnknown`, so the access rules
 * refuse them ("try again in a moment") instead of treating them as unlinked.
 */
export class SlackUserResolver {
  private readonly cache = new Map<string, CachedUser>();

  constructor(private readonly options: SlackUserResolverOptions) {}

  async resolveUser(client: UsersInfoClient, userId: string): Promise<ChatUser> {
    const nowMs = this.options.now().getTime();
    let cached = this.cache.get(userId);
    if (!cached || cached.expiresAtMs <= nowMs) {
      cached = await this.lookUp(client, userId, nowMs);
    }
    const defaultLocale = this.options.defaultLocale ?? FALLBACK_LOCALE;
    if (!cached) {
      return {
        platform: 'slack',
        id: userId,
        timeZone: this.options.defaultTimeZone,
        locale: defaultLocale,
        identityUnknown: true,
      };
    }
    return {
      platform: 'slack',
      id: userId,
      timeZone: cached.timeZone ?? this.options.defaultTimeZone,
      locale: cached.locale ?? defaultLocale,
      ...(cached.email !== undefined && { email: cached.email }),
    };
  }

  private async lookUp(
    client: UsersInfoClient,
    userId: string,
    nowMs: number,
  ): Promise<CachedUser | undefined> {
    const found = await lookUpSlackUser(client, userId);
    if (found.kind !== 'found') {
      this.options.logger.warn('Slack users.info failed; the user is refused until it works', {
        user: userId,
        error: found.reason,
      });
      return undefined;
    }
    const entry: CachedUser = {
      timeZone: found.timeZone,
      locale: found.locale,
      email: found.email,
      expiresAtMs: nowMs + (this.options.ttlMs ?? DEFAULT_TTL_MS),
    };
    this.remember(userId, entry);
    return entry;
  }

  private remember(userId: string, entry: CachedUser): void {
    this.cache.delete(userId);
    this.cache.set(userId, entry);
    const maxEntries = this.options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    while (this.cache.size > maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }
}
