import { isValidTimeZone } from '../../config/is-valid-time-zone';
import type { ChatUser } from '../../core/chat-user';
import type { Logger } from '../../core/logger';

/** The part of the Web API client the resolver calls (`users.info`, scopes users:read and users:read.email). */
export interface UsersInfoClient {
  users: {
    info(args: { user: string }): Promise<{ user?: { tz?: string; profile?: { email?: string } } }>;
  };
}

export interface SlackUserResolverOptions {
  /** The zone when Slack does not say or cannot be asked (DEFAULT_TIMEZONE, else UTC). */
  defaultTimeZone: string;
  logger: Logger;
  now: () => Date;
  /** How long a looked-up user is reused; default 1 hour (people rarely change zones mid-day). */
  ttlMs?: number;
  /** Entries kept at most; the oldest go first. Default 10,000. */
  maxEntries?: number;
}

interface CachedUser {
  timeZone: string | undefined;
  email: string | undefined;
  expiresAtMs: number;
}

const DEFAULT_TTL_MS = 60 * 60 * 1000;
const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * Who is asking: the Slack user's IANA zone and e-mail from `users.info`, cached per user id. A
 * failed lookup falls back to the default zone (logged at warn, without the token) and is not
 * cached, so the next question tries again.
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
    const timeZone = cached?.timeZone ?? this.options.defaultTimeZone;
    return {
      platform: 'slack',
      id: userId,
      timeZone,
      ...(cached?.email !== undefined && { email: cached.email }),
    };
  }

  private async lookUp(
    client: UsersInfoClient,
    userId: string,
    nowMs: number,
  ): Promise<CachedUser | undefined> {
    try {
      const result = await client.users.info({ user: userId });
      const zone = result.user?.tz;
      const entry: CachedUser = {
        timeZone: zone && isValidTimeZone(zone) ? zone : undefined,
        email: result.user?.profile?.email || undefined,
        expiresAtMs: nowMs + (this.options.ttlMs ?? DEFAULT_TTL_MS),
      };
      this.remember(userId, entry);
      return entry;
    } catch (error) {
      this.options.logger.warn('Slack users.info failed; using the default time zone', {
        user: userId,
        error: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    }
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
