import {
  buildChannelMention,
  buildPersonalMessage,
  TEAMS_PERSONAL_CONVERSATION_ID,
  TEAMS_TENANT_ID,
} from '../../helpers/teams-activities';
import { startTeamsTestBed, type TeamsTestBed } from '../../helpers/teams-test-bed';

const OTHER_TENANT = '0d9f2c1e-5b4a-4e8f-8c7d-6e5f4a3b2c1d';
const REFUSED = JSON.stringify({
  error: 'This bot answers only its own Microsoft Entra tenant (MICROSOFT_APP_TENANT_ID).',
});

/** A 1:1 message whose conversation and channelData name these tenants (undefined: leave it out). */
function messageFrom(
  serviceUrl: string,
  conversationTenant: string | undefined,
  channelTenant: string | undefined,
): Record<string, unknown> {
  return buildPersonalMessage(serviceUrl, {
    text: 'last week',
    conversation: {
      conversationType: 'personal',
      id: TEAMS_PERSONAL_CONVERSATION_ID,
      ...(conversationTenant !== undefined && { tenantId: conversationTenant }),
    },
    channelData: channelTenant === undefined ? {} : { tenant: { id: channelTenant } },
  });
}

describe('MICROSOFT_APP_TENANT_ID refuses activities from other tenants', () => {
  let bed: TeamsTestBed;
  beforeAll(async () => {
    bed = await startTeamsTestBed({ TEAMS_DEV_NO_AUTH: 'true', MICROSOFT_APP_TENANT_ID: TEAMS_TENANT_ID });
  });
  afterAll(async () => {
    await bed?.close();
  });

  it.each([
    ['another tenant in both places', OTHER_TENANT, OTHER_TENANT],
    ['another tenant in channelData only', TEAMS_TENANT_ID, OTHER_TENANT],
    ['another tenant in the conversation only', OTHER_TENANT, TEAMS_TENANT_ID],
    ['no tenant at all', undefined, undefined],
  ])(
    'answers 403 to %s, and answers, asks and stores nothing',
    async (_name, conversationTenant, channelTenant) => {
      const pbxRequests = bed.pbx.requests.length;
      const response = await bed.post(
        messageFrom(bed.connector.serviceUrl, conversationTenant, channelTenant),
      );
      expect(response).toEqual({ status: 403, body: REFUSED });
      await bed.settle();
      expect(bed.connector.requestCount).toBe(0);
      expect(bed.pbx.requests.length).toBe(pbxRequests);
      expect(await bed.teams.references.get(TEAMS_PERSONAL_CONVERSATION_ID)).toBeUndefined();
      expect(bed.logs).toContainEqual(
        expect.objectContaining({
          level: 'warn',
          message: expect.stringMatching(/^Teams: refused an activity: /),
        }),
      );
    },
  );

  it('answers its own tenant, however the GUID is written', async () => {
    const reply = await bed.ask(
      messageFrom(bed.connector.serviceUrl, TEAMS_TENANT_ID.toUpperCase(), TEAMS_TENANT_ID),
    );
    expect(reply.activity.type).toBe('message');
    const mention = await bed.ask(buildChannelMention(bed.connector.serviceUrl, 'yesterday'));
    expect(mention.activity.type).toBe('message');
  });
});

describe('MICROSOFT_APP_TENANT_ID with Bot Framework authentication', () => {
  let bed: TeamsTestBed;
  beforeAll(async () => {
    bed = await startTeamsTestBed({
      MICROSOFT_APP_ID: '0b5e8f1a-6c2d-4e3f-9a7b-1c2d3e4f5a6b',
      MICROSOFT_APP_PASSWORD: 'test-client-secret-value',
      MICROSOFT_APP_TENANT_ID: TEAMS_TENANT_ID,
    });
  });
  afterAll(async () => {
    await bed?.close();
  });

  it('refuses another tenant (403) before its token is even looked at; its own tenant goes on to the token check (401)', async () => {
    expect(bed.teams.mode).toBe('authenticated');
    const headers = { authorization: 'Bearer not-a-jwt' };
    const foreign = await bed.post(
      messageFrom(bed.connector.serviceUrl, OTHER_TENANT, OTHER_TENANT),
      headers,
    );
    expect(foreign).toEqual({ status: 403, body: REFUSED });
    const own = await bed.post(
      messageFrom(bed.connector.serviceUrl, TEAMS_TENANT_ID, TEAMS_TENANT_ID),
      headers,
    );
    expect(own.status).toBe(401);
    await bed.settle();
    expect(bed.connector.requestCount).toBe(0);
  });
});

describe('without MICROSOFT_APP_TENANT_ID (dev-no-auth)', () => {
  it('answers any tenant, as before', async () => {
    const bed = await startTeamsTestBed();
    try {
      const reply = await bed.ask(messageFrom(bed.connector.serviceUrl, OTHER_TENANT, OTHER_TENANT));
      expect(reply.activity.type).toBe('message');
    } finally {
      await bed.close();
    }
  });
});
