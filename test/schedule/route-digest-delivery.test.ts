import type { Reply } from '../../src/core/reply';
import type { DigestDelivery } from '../../src/schedule/digest-delivery';
import { routeDigestDelivery } from '../../src/schedule/route-digest-delivery';
import { buildSchedule } from './schedule-helpers';

const REPLY: Reply = { kind: 'notice', text: 'digest' };

function createRecorder(name: string, seen: string[]): DigestDelivery {
  return {
    deliver: async (schedule) => {
      seen.push(`${name}:${schedule.target.conversationId}`);
    },
  };
}

describe('routeDigestDelivery', () => {
  it("hands each digest to its platform's delivery", async () => {
    const seen: string[] = [];
    const delivery = routeDigestDelivery({
      slack: createRecorder('slack', seen),
      teams: createRecorder('teams', seen),
    });
    await delivery.deliver(buildSchedule(), REPLY);
    await delivery.deliver(
      buildSchedule({ target: { platform: 'teams', conversationId: '19:x@thread.tacv2' } }),
      REPLY,
    );
    expect(seen).toEqual(['slack:C1', 'teams:19:x@thread.tacv2']);
  });

  it('fails the digests of a platform the bot is not connected to', async () => {
    const delivery = routeDigestDelivery({ teams: createRecorder('teams', []) });
    await expect(delivery.deliver(buildSchedule(), REPLY)).rejects.toThrow(
      new Error('Slack is not configured for this bot'),
    );
  });
});
