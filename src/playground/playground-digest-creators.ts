import type { CreatorLookup, DigestCreatorResolver } from '../schedule/digest-creator-resolver';
import type { DigestSchedule } from '../schedule/digest-schedule';

/**
 * The creator of a playground digest is the playground's user, who is always there: the digest
 * runs as that user (an admin, like every playground request), in the digest's zone and locale.
 */
export class PlaygroundDigestCreators implements DigestCreatorResolver {
  async resolveCreator(schedule: DigestSchedule): Promise<CreatorLookup> {
    return {
      kind: 'found',
      user: {
        platform: 'web',
        id: schedule.creator.id,
        timeZone: schedule.timeZone,
        ...(schedule.locale !== undefined && { locale: schedule.locale }),
      },
    };
  }
}
