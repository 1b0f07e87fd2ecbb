import { describeError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { LookUpMember, TeamsMemberInfo } from './bot-framework-connection';

export interface TeamsMemberResolverOptions {
  logger: Logger;
  now: () => Date;
  /** How long a looked-up e-mail is reused; default 1 hour. */
  ttlMs?: number;
  /** Entries kept at most; the oldest go first. Default 10,000. */
  maxEntries?: number;
}

/** The member's e-mail (undefined when Teams gives none), or `failed` when the Bot Connector could not be asked. */
export type MemberEmailLookup = { kind: 'found'; email: string | undefined } | { kind: 'failed' };

interface CachedEmail {
  email: string | undefined;
  expiresAtMs: number;
}

const DEFAULT_TTL_MS = 60 * 60 * 1000;
const DEFAULT_MAX_ENTRIES = 10_000;

/** A member's address for matching them to their 3CX user: the `email`, else the user principal name when it is one. */
export function toMemberEmail(member: TeamsMemberInfo): string | undefined {
  const upn = member.userPrincipalName?.includes('@') ? member.userPrincipalName : undefined;
  return member.email ?? upn;
}

/**
 * The asker's e-mail in Teams (for matching them to their 3CX user), asked of the Bot Connector
 * once per user and cached. A failed lookup (any error, a 404 included) is logged (without any
 * token) and not cached: it answers `failed`, so the asker is refused for this message rather than
 * treated as unlinked, and the next message asks again.
 */
export class TeamsMemberResolver {
  private readonly cache = new Map<string, CachedEmail>();

  constructor(private readonly options: TeamsMemberResolverOptions) {}

  /** `cacheKey` is stable per person (the AAD object id); `userId` is what the Bot Connector knows them by. */
  async resolveEmail(lookUp: LookUpMember, cacheKey: string, userId: string): Promise<MemberEmailLookup> {
    const nowMs = this.options.now().getTime();
    const cached = this.cache.get(cacheKey);
    if (cached && cached.expiresAtMs > nowMs) return { kind: 'found', email: cached.email };
    try {
      const email = toMemberEmail(await lookUp(userId));
      this.remember(cacheKey, { email, expiresAtMs: nowMs + (this.options.ttlMs ?? DEFAULT_TTL_MS) });
      return { kind: 'found', email };
    } catch (error) {
      this.options.logger.warn('Teams: could not look up the member for their e-mail', {
        error: describeError(error).slice(0, 300),
      });
      return { kind: 'failed' };
    }
  }

  private remember(key: string, entry: CachedEmail): void {
    this.cache.delete(key);
    this.cache.set(key, entry);
    const maxEntries = this.options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    while (this.cache.size > maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }
}
