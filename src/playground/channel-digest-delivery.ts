import { answerWith } from '../chat/answer';
import type { DigestDelivery } from '../schedule/digest-delivery';
import type { PlaygroundChannel } from './playground-channel';
import type { PlaygroundRenderer } from './playground-renderer';

/**
 * The scheduler's delivery for `playground` digests: the reply, rendered as the page renders
 * every answer, becomes a post in the channel view. Nothing goes to Slack or Teams.
 */
export function createChannelDigestDelivery(
  channel: PlaygroundChannel,
  renderer: PlaygroundRenderer,
  now: () => Date,
): DigestDelivery {
  return {
    deliver: async (schedule, reply) => {
      channel.add(
        { kind: 'digest', scheduleId: schedule.id, result: renderer.render(answerWith(reply)) },
        now(),
      );
    },
  };
}
