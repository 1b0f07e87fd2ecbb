import type { Reply } from '../../core/reply';
import type { DigestDelivery } from '../../schedule/digest-delivery';
import type { DigestSchedule } from '../../schedule/digest-schedule';
import type { TeamsChatAdapter } from './create-teams-adapter';

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

/** The Bot Connector's answer in a few words: the HTTP status and what it usually means. */
function describeConnectorError(error: unknown): string {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  if (status === 403) return 'HTTP 403: the bot was removed from this conversation or may not post there';
  if (status === 404) return 'HTTP 404: the conversation no longer exists';
  if (typeof status === 'number') return `HTTP ${status}`;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'no answer from the Bot Connector';
}
