import type { CreatorLookup, DigestCreatorResolver } from '../../schedule/digest-creator-resolver';
import type { DigestSchedule } from '../../schedule/digest-schedule';
import { lookUpSlackUser, type UsersInfoClient } from './look-up-slack-user';

/**
 * The creators of Slack digests, asked of `users.info` at every run (no cache: a digest runs at
 * most every 15 minutes, and must see an e-mail or locale changed since). A deactivated or unknown
 * user is `gone`; a rate limit, server error or network failure is `failed` (the run is retried
 * next time). `client` is a Web API client with the bot token that does not wait out rate limits.
 */
export class SlackDigestCreators implements DigestCreatorResolver {
  constructor(private readonly client: UsersInfoClient) {}

  async resolveCreator(schedule: DigestSchedule): Promise<CreatorLookup> {
    const { id } = schedule.creator;
    const found = await lookUpSlackUser(this.client, id);
    if (found.kind !== 'found') return found;
    return {
      kind: 'found',
      user: {
        platform: 'slack',
        id,
        timeZone: schedule.timeZone,
        ...(found.locale !== undefined && { locale: found.locale }),
        ...(found.email !== undefined && { email: found.email }),
      },
    };
  }

  /** The creator's `users.info` locale now; undefined when Slack does not say or cannot be asked. */
  async readCreatorLocale(schedule: DigestSchedule): Promise<string | undefined> {
    const found = await lookUpSlackUser(this.client, schedule.creator.id);
    return found.kind === 'found' ? found.locale : undefined;
  }
}
