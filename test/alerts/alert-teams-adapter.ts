import {
  type CreateTeamsAdapterOptions,
  createMemoryConversationReferenceStore,
  createTeamsAdapter,
  type TeamsChatAdapter,
} from '../../src/adapters/teams/create-teams-adapter';
import type { ChatService } from '../../src/chat/chat-service';
import type { FakeBotConnector } from '../helpers/fake-bot-connector';
import { TEAMS_BOT, TEAMS_CHANNEL_ID, TEAMS_TENANT_ID } from '../helpers/teams-activities';

/**
 * The real Teams adapter (dev-no-auth, no chat) that knows the test channel's conversation
 * reference on `connector`, as alerts are posted to it; `options` add to or override its settings.
 */
export async function createAlertTeamsAdapter(
  connector: FakeBotConnector,
  options: Pick<CreateTeamsAdapterOptions, 'logger'> & Partial<CreateTeamsAdapterOptions>,
): Promise<TeamsChatAdapter> {
  const references = createMemoryConversationReferenceStore();
  await references.save({
    conversation: { id: TEAMS_CHANNEL_ID, conversationType: 'channel', tenantId: TEAMS_TENANT_ID },
    serviceUrl: connector.serviceUrl,
    channelId: 'msteams',
    bot: TEAMS_BOT,
  });
  return createTeamsAdapter({
    teams: undefined,
    devNoAuth: true,
    host: '127.0.0.1',
    chat: {} as ChatService,
    defaultTimeZone: 'UTC',
    references,
    ...options,
  });
}
