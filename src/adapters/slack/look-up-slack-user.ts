import { canonicalLocale } from '../../config/canonical-locale';
import { isValidTimeZone } from '../../config/is-valid-time-zone';
import { describeSlackError } from './describe-slack-error';

/** What `users.info` tells of a user, as far as the bot reads it. */
interface SlackUserInfo {
  tz?: string;
  /** Only with `include_locale: true`, e.g. `en-GB`. */
  locale?: string;
  deleted?: boolean;
  profile?: { email?: string };
}

/** The part of the Web API client the lookup calls (`users.info`, scopes users:read and users:read.email). */
export interface UsersInfoClient {
  users: {
    info(args: { user: string; include_locale?: boolean }): Promise<{ user?: SlackUserInfo }>;
  };
}

/**
 * A Slack user as `users.info` describes them now. `gone`: Slack does not know them
 * (`user_not_found`, `user_not_visible`) or they were deactivated. `failed`: Slack could not be
 * asked (rate limit, server error, network, the bot's token): nothing is known about them.
 */
export type SlackUserLookup =
  | { kind: 'found'; timeZone: string | undefined; locale: string | undefined; email: string | undefined }
  | { kind: 'gone'; reason: string }
  | { kind: 'failed'; reason: string };

const GONE_CODES = new Set(['user_not_found', 'user_not_visible']);

/**
 * One `users.info` call (with the user's locale), its outcome sorted; `reason` is short, for logs
 * and channel notices (no token, no URL). A zone or locale Slack gives that the runtime does not
 * know counts as not given.
 */
export async function lookUpSlackUser(client: UsersInfoClient, userId: string): Promise<SlackUserLookup> {
  let user: SlackUserInfo | undefined;
  try {
    ({ user } = await client.users.info({ user: userId, include_locale: true }));
  } catch (error) {
    const code = platformCodeOf(error);
    if (code !== undefined && GONE_CODES.has(code)) return { kind: 'gone', reason: `Slack said ${code}` };
    return { kind: 'failed', reason: describeLookupFailure(error) };
  }
  if (!user) return { kind: 'failed', reason: 'Slack sent no user' };
  if (user.deleted) return { kind: 'gone', reason: 'the account is deactivated in Slack' };
  return {
    kind: 'found',
    timeZone: user.tz && isValidTimeZone(user.tz) ? user.tz : undefined,
    locale: canonicalLocale(user.locale),
    email: user.profile?.email || undefined,
  };
}

/** Slack's error code of a platform error (`{ ok: false, error }`), else undefined. */
function platformCodeOf(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** A failure in a few words: the Web API client's own messages carry the request URL. */
function describeLookupFailure(error: unknown): string {
  const slackCode = platformCodeOf(error);
  if (slackCode !== undefined) return `Slack said ${slackCode.slice(0, 80)}`;
  const { code, statusCode } = (error ?? {}) as { code?: unknown; statusCode?: unknown };
  const message = error instanceof Error ? error.message : '';
  if (code === 'slack_webapi_rate_limited_error' || message.startsWith('A rate limit was exceeded')) {
    return 'Slack rate limit';
  }
  if (code === 'slack_webapi_http_error') return `Slack answered HTTP ${String(statusCode)}`;
  if (code === 'slack_webapi_request_error') return 'no answer from Slack';
  return describeSlackError(error).slice(0, 200);
}
