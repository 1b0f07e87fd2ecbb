import { DigestAccessRevokedError } from '../access/authorize-digest-run';
import type { ChatUser } from '../core/chat-user';
import { AppError } from '../core/errors';
import type { DigestCreatorResolver } from './digest-creator-resolver';
import {
  DIGEST_PLATFORM_NAMES,
  type DigestPlatform,
  type DigestSchedule,
  digestPlatformOfCreator,
} from './digest-schedule';

/**
 * The digest's creator as their platform knows them now, to run the digest with their current
 * rights. Throws `DigestAccessRevokedError` when they are gone (the digest stops, with a notice),
 * and `AppError('identity')` when the platform could not be asked or is not connected (this run
 * fails with a notice; the next run asks again).
 */
export async function resolveDigestCreator(
  creators: Partial<Record<DigestPlatform, DigestCreatorResolver>>,
  schedule: DigestSchedule,
): Promise<ChatUser> {
  const { platform } = schedule.creator;
  const digestPlatform = digestPlatformOfCreator(platform);
  const resolver = digestPlatform && creators[digestPlatform];
  const lookup = resolver
    ? await resolver.resolveCreator(schedule)
    : {
        kind: 'failed' as const,
        reason: `${digestPlatform ? DIGEST_PLATFORM_NAMES[digestPlatform] : platform} is not connected to this bot`,
      };
  switch (lookup.kind) {
    case 'found':
      return lookup.user;
    case 'gone':
      throw new DigestAccessRevokedError(
        schedule,
        new AppError('forbidden', `The digest's creator is gone: ${lookup.reason}.`),
      );
    case 'failed':
      throw new AppError(
        'identity',
        `Could not check who created it (${lookup.reason})`,
        'The next run tries again.',
      );
  }
}
