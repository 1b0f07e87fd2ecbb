import { canonicalLocale } from '../../config/canonical-locale';
import type { CreatorLookup, DigestCreatorResolver } from '../../schedule/digest-creator-resolver';
import type { DigestSchedule } from '../../schedule/digest-schedule';
import type { TeamsChatAdapter } from './create-teams-adapter';
import { describeConnectorError, statusOf } from './describe-connector-error';
import { toMemberEmail } from './teams-member-resolver';

/**
 * The creators of Teams digests, asked of the Bot Connector at every run as members of the
 * digest's conversation (by their Entra object id). Not a member any more (404) is `gone`; no
 * stored conversation, a refusal or no answer is `failed` (the run is retried next time).
 */
export class TeamsDigestCreators implements DigestCreatorResolver {
  constructor(private readonly adapter: Pick<TeamsChatAdapter, 'lookUpMember' | 'references'>) {}

  async resolveCreator(schedule: DigestSchedule): Promise<CreatorLookup> {
    const { id } = schedule.creator;
    let member: Awaited<ReturnType<TeamsChatAdapter['lookUpMember']>>;
    try {
      member = await this.adapter.lookUpMember(referenceKeyOf(schedule), id);
    } catch (error) {
      if (statusOf(error) === 404) return { kind: 'gone', reason: 'no longer a member of this conversation' };
      const answered = statusOf(error) !== undefined;
      return {
        kind: 'failed',
        reason: answered ? `Teams answered ${describeConnectorError(error)}` : 'no answer from Teams',
      };
    }
    if (!member) return { kind: 'failed', reason: 'the bot is no longer in this conversation' };
    const email = toMemberEmail(member);
    return {
      kind: 'found',
      user: { platform: 'teams', id, timeZone: schedule.timeZone, ...(email !== undefined && { email }) },
    };
  }

  /**
   * The locale of the digest's stored conversation reference (refreshed by every activity there),
   * when the creator is the one who last wrote in it; someone else's locale is not theirs.
   */
  async readCreatorLocale(schedule: DigestSchedule): Promise<string | undefined> {
    try {
      const reference = await this.adapter.references.get(referenceKeyOf(schedule));
      const writer = reference?.user;
      const byCreator = writer?.aadObjectId === schedule.creator.id || writer?.id === schedule.creator.id;
      return byCreator ? canonicalLocale(reference?.locale) : undefined;
    } catch {
      return undefined;
    }
  }
}

function referenceKeyOf(schedule: DigestSchedule): string {
  return schedule.target.referenceKey ?? schedule.target.conversationId;
}
