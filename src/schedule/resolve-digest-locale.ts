import type { ChatUser } from '../core/chat-user';
import type { DigestCreatorResolver } from './digest-creator-resolver';
import { type DigestPlatform, type DigestSchedule, digestPlatformOfCreator } from './digest-schedule';

/** Per platform, where a digest creator's current locale is asked (the digest creators of the adapters). */
export type DigestLocaleReaders = Partial<
  Record<DigestPlatform, Pick<DigestCreatorResolver, 'readCreatorLocale'>>
>;

export interface DigestLocaleSources {
  /** The creator as looked up for this run's access check, when there is one (their locale saves a second lookup). */
  creator?: ChatUser | undefined;
  readers?: DigestLocaleReaders | undefined;
  /** DEFAULT_LOCALE, for digests that stored none and whose platform does not say. */
  defaultLocale?: string | undefined;
}

/**
 * The locale a digest's command is read in at one run: the creator's as their platform tells it
 * now (Slack `users.info`, the Teams conversation reference), else the one stored with the digest,
 * else DEFAULT_LOCALE; undefined leaves it to the parser (en-US).
 */
export async function resolveDigestLocale(
  schedule: DigestSchedule,
  sources: DigestLocaleSources,
): Promise<string | undefined> {
  return (
    sources.creator?.locale ??
    (await readPlatformLocale(schedule, sources.readers)) ??
    schedule.locale ??
    sources.defaultLocale
  );
}

async function readPlatformLocale(
  schedule: DigestSchedule,
  readers: DigestLocaleReaders | undefined,
): Promise<string | undefined> {
  const platform = digestPlatformOfCreator(schedule.creator.platform);
  const reader = platform && readers?.[platform];
  try {
    return await reader?.readCreatorLocale?.(schedule);
  } catch {
    return undefined;
  }
}
