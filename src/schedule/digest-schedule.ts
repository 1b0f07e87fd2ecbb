import type { ChatUser } from '../core/chat-user';

/**
 * Where a digest can be posted: a Slack channel, a Teams conversation, or the local playground's
 * channel view (a conversation of its own, never posted to Slack or Teams).
 */
export type DigestPlatform = 'slack' | 'teams' | 'playground';

/** The platforms by name, for messages. */
export const DIGEST_PLATFORM_NAMES: Record<DigestPlatform, string> = {
  slack: 'Slack',
  teams: 'Teams',
  playground: 'The playground',
};

/** Whose users type a platform's digest commands: the playground's user is the web page's. */
const CREATOR_PLATFORMS: Record<DigestPlatform, ChatUser['platform']> = {
  slack: 'slack',
  teams: 'teams',
  playground: 'web',
};

/** The platform whose conversations a user of `platform` creates digests in; undefined for the terminal. */
export function digestPlatformOfCreator(platform: ChatUser['platform']): DigestPlatform | undefined {
  return (Object.keys(CREATOR_PLATFORMS) as DigestPlatform[]).find(
    (digestPlatform) => CREATOR_PLATFORMS[digestPlatform] === platform,
  );
}

/** When a digest runs: a 5-field cron expression (read in the schedule's zone) and how people say it. */
export interface ScheduleRule {
  /** e.g. `0 8 * * 1-5`. */
  cron: string;
  /** e.g. `every weekday at 08:00`. */
  description: string;
}

/** Where a digest is posted. */
export interface DigestTarget {
  platform: DigestPlatform;
  /** Slack channel id, Teams conversation id (without `;messageid=`), or the playground channel's id. */
  conversationId: string;
  /** Slack workspace id or Teams tenant id, when the platform told us. */
  teamId?: string;
  /** Teams: the key of the stored conversation reference (the conversation id unless said otherwise). */
  referenceKey?: string;
  /** A name for people, e.g. `#support`. */
  label?: string;
}

/** Who created a digest. */
export interface DigestCreator {
  platform: ChatUser['platform'];
  id: string;
  email?: string;
}

/**
 * A scheduled digest: a report command posted to a conversation whenever the rule fires. The
 * command is stored as text and parsed again at each occurrence, with the occurrence as "now".
 */
export interface DigestSchedule {
  /** Short and typable: 6 characters of Crockford base32, lower case (e.g. `k3m9qa`). */
  id: string;
  target: DigestTarget;
  creator: DigestCreator;
  /** IANA zone the rule and the report's periods are read in: the creator's. */
  timeZone: string;
  /**
   * The creator's locale (BCP 47) when they made it: how numeric dates in the command read, unless
   * their platform tells a newer one at run time. Absent for digests made before locales were kept.
   */
  locale?: string;
  rule: ScheduleRule;
  /** The report command words, e.g. `last workday missed`. */
  command: string;
  createdAt: Date;
  enabled: boolean;
}

/**
 * What became of one occurrence. `claimed`: a scheduler is producing and posting it (or crashed
 * doing so; the lease says until when the claim holds). `failed` with `noticeSent`: the report could
 * not be produced and a short notice was posted instead.
 */
export type DigestRunStatus = 'claimed' | 'sent' | 'failed' | 'skipped';

export interface DigestRun {
  scheduleId: string;
  occurrenceAt: Date;
  status: DigestRunStatus;
  /** How many times the occurrence was claimed (more than 1 after a crashed claim was retried). */
  attempts: number;
  leaseUntil: Date;
  /** Why it failed or was skipped, short and safe to show. */
  reason?: string;
  noticeSent: boolean;
  /** When the run reached its status. */
  updatedAt: Date;
}
