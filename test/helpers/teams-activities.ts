/**
 * Bot Framework activities as Microsoft Teams posts them to `/api/messages`, named by scenario.
 * Each builder takes the Bot Connector URL (`serviceUrl`) and shallow overrides.
 */
type Activity = Record<string, unknown>;

export const TEAMS_BOT = { id: '28:0b5e8f1a-6c2d-4e3f-9a7b-1c2d3e4f5a6b', name: 'Calls' };
export const TEAMS_USER = {
  id: '29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrrA8vM06X1-cHHle4zOE6U4ttcc',
  name: 'Ben Okafor',
  aadObjectId: '6b3c8d4e-1f2a-4b5c-9d8e-7f6a5b4c3d2e',
};
export const TEAMS_TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const TEAMS_CHANNEL_ID = '19:a1b2c3d4e5f60718293a4b5c6d7e8f90@thread.tacv2';
/** Where the bot posts into that channel on the Bot Connector (digests, proactive messages). */
export const TEAMS_CHANNEL_ACTIVITIES_PATH = `/v3/conversations/${encodeURIComponent(TEAMS_CHANNEL_ID)}/activities`;
export const TEAMS_PERSONAL_CONVERSATION_ID =
  'a:1Jx7u8VbQf3wXh9nTq2ZpL6kR4sYc0mN5oP8aE2dG7iU3yW1vB6tH9lK4jF0zS2xC8';

let sequence = 0;
const nextId = () => String(1796032800000 + ++sequence);

const clientInfo = (timezone: string): Activity => ({
  locale: 'en-GB',
  country: 'GB',
  platform: 'Web',
  timezone,
  type: 'clientInfo',
});

/** The 1:1 chat between TEAMS_USER and the bot. */
const personalConversation = (): Activity => ({
  conversationType: 'personal',
  tenantId: TEAMS_TENANT_ID,
  id: TEAMS_PERSONAL_CONVERSATION_ID,
});

/** `calls last week ext 101` typed in a 1:1 chat with the bot. */
export function buildPersonalMessage(serviceUrl: string, overrides: Activity = {}): Activity {
  return {
    text: 'calls last week ext 101',
    textFormat: 'plain',
    type: 'message',
    timestamp: '2026-11-29T10:00:00.1234567Z',
    localTimestamp: '2026-11-29T11:00:00.1234567+01:00',
    id: nextId(),
    channelId: 'msteams',
    serviceUrl,
    from: TEAMS_USER,
    conversation: personalConversation(),
    recipient: TEAMS_BOT,
    entities: [clientInfo('Europe/Berlin')],
    channelData: { tenant: { id: TEAMS_TENANT_ID } },
    locale: 'en-GB',
    localTimezone: 'Europe/Berlin',
    ...overrides,
  };
}

/** `@Calls last week queue 800` in a team channel: `<at>` markup in the text and a mention entity. */
export function buildChannelMention(serviceUrl: string, command: string, overrides: Activity = {}): Activity {
  const id = nextId();
  return {
    text: `<at>${TEAMS_BOT.name}</at> ${command}\n`,
    textFormat: 'plain',
    attachments: [
      {
        contentType: 'text/html',
        content: `<div><div><span itemscope="" itemtype="http://schema.skype.com/Mention" itemid="0">${TEAMS_BOT.name}</span> ${command}</div></div>`,
      },
    ],
    type: 'message',
    timestamp: '2026-11-29T10:00:00.2345678Z',
    id,
    channelId: 'msteams',
    serviceUrl,
    from: TEAMS_USER,
    conversation: {
      isGroup: true,
      conversationType: 'channel',
      tenantId: TEAMS_TENANT_ID,
      id: `${TEAMS_CHANNEL_ID};messageid=${id}`,
    },
    recipient: TEAMS_BOT,
    entities: [
      { mentioned: TEAMS_BOT, text: `<at>${TEAMS_BOT.name}</at>`, type: 'mention' },
      clientInfo('America/New_York'),
    ],
    channelData: {
      teamsChannelId: TEAMS_CHANNEL_ID,
      teamsTeamId: '19:f0e1d2c3b4a5968778695a4b3c2d1e0f@thread.tacv2',
      channel: { id: TEAMS_CHANNEL_ID },
      team: { id: '19:f0e1d2c3b4a5968778695a4b3c2d1e0f@thread.tacv2' },
      tenant: { id: TEAMS_TENANT_ID },
    },
    locale: 'en-GB',
    ...overrides,
  };
}

/** A click on an Action.Submit button: no text, the button's `data` as `value`. */
export function buildButtonSubmit(serviceUrl: string, data: unknown, overrides: Activity = {}): Activity {
  return buildPersonalMessage(serviceUrl, {
    text: undefined,
    textFormat: undefined,
    replyToId: '1:1pYvqXkJ0bZs9dFh',
    value: data,
    channelData: {
      tenant: { id: TEAMS_TENANT_ID },
      source: { name: 'message' },
      legacy: { replyToId: '1:1pYvqXkJ0bZs9dFh' },
    },
    ...overrides,
  });
}

/** The bot added to a team: Teams sends a conversationUpdate with the bot in `membersAdded`. */
export function buildBotAddedToTeam(serviceUrl: string, overrides: Activity = {}): Activity {
  return {
    membersAdded: [{ id: TEAMS_BOT.id }],
    type: 'conversationUpdate',
    timestamp: '2026-11-29T09:58:00.0000000Z',
    id: `f:${nextId()}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: TEAMS_USER.id, aadObjectId: TEAMS_USER.aadObjectId },
    conversation: {
      isGroup: true,
      conversationType: 'channel',
      tenantId: TEAMS_TENANT_ID,
      id: TEAMS_CHANNEL_ID,
    },
    recipient: TEAMS_BOT,
    channelData: {
      team: { aadGroupId: 'd2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f60', name: 'Support', id: TEAMS_CHANNEL_ID },
      eventType: 'teamMemberAdded',
      tenant: { id: TEAMS_TENANT_ID },
    },
    ...overrides,
  };
}

/** The app installed in a personal scope: `installationUpdate` with action `add`. */
export function buildInstallationUpdate(serviceUrl: string, overrides: Activity = {}): Activity {
  return {
    type: 'installationUpdate',
    action: 'add',
    timestamp: '2026-11-29T09:57:00.0000000Z',
    id: `f:${nextId()}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: TEAMS_USER.id, aadObjectId: TEAMS_USER.aadObjectId },
    conversation: personalConversation(),
    recipient: TEAMS_BOT,
    entities: [clientInfo('Europe/Berlin')],
    channelData: { tenant: { id: TEAMS_TENANT_ID }, source: { name: 'message' } },
    locale: 'en-GB',
    ...overrides,
  };
}
