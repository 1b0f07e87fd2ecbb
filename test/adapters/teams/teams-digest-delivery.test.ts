import { TeamsDigestDelivery } from '../../../src/adapters/teams/teams-digest-delivery';
import type { Reply } from '../../../src/core/reply';
import { buildSchedule } from '../../schedule/schedule-helpers';

const REPLY: Reply = { kind: 'notice', text: 'Yesterday: 3 missed calls' };
const SCHEDULE = buildSchedule({
  target: { platform: 'teams', conversationId: '19:abc@thread.tacv2', referenceKey: '19:abc@thread.tacv2' },
});

/** A Teams adapter's `postReply` that records its calls and answers as told. */
function createPoster(answer: () => Promise<boolean>) {
  const posted: { conversationId: string; reply: Reply }[] = [];
  return {
    posted,
    postReply: async (conversationId: string, reply: Reply) => {
      posted.push({ conversationId, reply });
      return answer();
    },
  };
}

describe('TeamsDigestDelivery', () => {
  it('posts the reply into the conversation its reference is stored under', async () => {
    const poster = createPoster(async () => true);
    await new TeamsDigestDelivery(poster).deliver(
      { ...SCHEDULE, target: { ...SCHEDULE.target, referenceKey: 'a:personal-chat' } },
      REPLY,
    );
    expect(poster.posted).toEqual([{ conversationId: 'a:personal-chat', reply: REPLY }]);
  });

  it('falls back to the conversation id when no reference key was stored', async () => {
    const poster = createPoster(async () => true);
    const { referenceKey: _unused, ...target } = SCHEDULE.target;
    await new TeamsDigestDelivery(poster).deliver({ ...SCHEDULE, target }, REPLY);
    expect(poster.posted.map((post) => post.conversationId)).toEqual(['19:abc@thread.tacv2']);
  });

  it('fails with a short reason when the conversation is unknown', async () => {
    const delivery = new TeamsDigestDelivery(createPoster(async () => false));
    await expect(delivery.deliver(SCHEDULE, REPLY)).rejects.toThrow(
      new Error('the bot is no longer in this conversation'),
    );
  });

  it("says what the Bot Connector's refusal means, without its details", async () => {
    const refuse = (error: unknown) => new TeamsDigestDelivery(createPoster(() => Promise.reject(error)));
    const forbidden = Object.assign(new Error('Forbidden: https://smba.example/secret-path'), {
      statusCode: 403,
    });
    await expect(refuse(forbidden).deliver(SCHEDULE, REPLY)).rejects.toThrow(
      new Error(
        'Teams refused the post (HTTP 403: the bot was removed from this conversation or may not post there)',
      ),
    );
    const gone = Object.assign(new Error('Not Found'), { statusCode: 404 });
    await expect(refuse(gone).deliver(SCHEDULE, REPLY)).rejects.toThrow(
      new Error('Teams refused the post (HTTP 404: the conversation no longer exists)'),
    );
    const busy = Object.assign(new Error('Bad Gateway'), { statusCode: 502 });
    await expect(refuse(busy).deliver(SCHEDULE, REPLY)).rejects.toThrow(
      new Error('Teams refused the post (HTTP 502)'),
    );
    const network = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' });
    await expect(refuse(network).deliver(SCHEDULE, REPLY)).rejects.toThrow(
      new Error('Teams refused the post (ECONNREFUSED)'),
    );
  });
});
