import type { Reply } from '../../core/reply';
import type { DigestDelivery } from '../../schedule/digest-delivery';
import type { DigestSchedule } from '../../schedule/digest-schedule';
import type { TeamsChatAdapter } from './create-teams-adapter';
import { describeConnectorError } from './describe-connector-error';

/**
 * Scheduled digests to Teams: a proactive message (the reply's Adaptive Card) into the stored
 * conversation reference. Throws a short reason when there is no reference (the bot was removed,
 * or never saw the conversation since the database was reset) or the Bot Connector refuses.
 */
export class TeamsDigestDelivery implements DigestDelivery {
  constructor(private readonly adapter: Pick<TeamsChatAdapter, 'postReply'>) {}

  async deliver(schedule: DigestSchedule, reply: Reply): Promise<void> {
    const key = schedule.target.referenceKey ?? schedule.target.conversationId;
    let posted: boolean;
    try {
      posted = await this.adapter.postReply(key, reply);
    } catch (error) {
      throw new Error(`Teams refused the post (${describeConnectorError(error)})`);
    }
    if (!posted) throw new Error('the bot is no longer in this conversation');
  }
}
