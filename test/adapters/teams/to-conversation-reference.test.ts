import { createMemoryConversationReferenceStore } from '../../../src/adapters/teams/memory-conversation-reference-store';
import { readTeamsActivity } from '../../../src/adapters/teams/teams-activity';
import {
  toConversationKey,
  toConversationReference,
} from '../../../src/adapters/teams/to-conversation-reference';
import {
  buildChannelMention,
  TEAMS_BOT,
  TEAMS_CHANNEL_ID,
  TEAMS_TENANT_ID,
  TEAMS_USER,
} from '../../helpers/teams-activities';

describe('toConversationReference', () => {
  it('keeps the channel, not the thread, and everything needed to post there later', () => {
    const read = readTeamsActivity(buildChannelMention('https://smba.trafficmanager.net/emea/', 'today'));
    if (!read.ok) throw new Error(read.problem);
    expect(toConversationReference(read.activity)).toEqual({
      conversation: {
        id: TEAMS_CHANNEL_ID,
        conversationType: 'channel',
        tenantId: TEAMS_TENANT_ID,
        isGroup: true,
      },
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      channelId: 'msteams',
      bot: TEAMS_BOT,
      user: TEAMS_USER,
      locale: 'en-GB',
    });
  });

  it('strips only a trailing ;messageid=', () => {
    expect(toConversationKey('19:abc@thread.tacv2;messageid=1796032800001')).toBe('19:abc@thread.tacv2');
    expect(toConversationKey('a:1personal')).toBe('a:1personal');
  });
});

describe('createMemoryConversationReferenceStore', () => {
  it('saves, replaces and returns copies', async () => {
    const store = createMemoryConversationReferenceStore();
    const reference = {
      conversation: { id: 'a:1' },
      serviceUrl: 'https://one/',
      channelId: 'msteams',
      bot: TEAMS_BOT,
    };
    await store.save(reference);
    await store.save({ ...reference, serviceUrl: 'https://two/' });
    const stored = await store.get('a:1');
    expect(stored?.serviceUrl).toBe('https://two/');
    stored!.serviceUrl = 'changed';
    expect((await store.get('a:1'))?.serviceUrl).toBe('https://two/');
    expect(await store.get('a:2')).toBeUndefined();
  });
});
