import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import {
  type CreateTeamsAdapterOptions,
  createTeamsAdapter,
} from '../../../src/adapters/teams/create-teams-adapter';
import { AppError } from '../../../src/core/errors';
import { silentLogger } from '../../../src/core/logger';
import { createHttpServer } from '../../../src/server/http-server';
import { startFakeBotConnector } from '../../helpers/fake-bot-connector';
import {
  buildChannelMention,
  buildPersonalMessage,
  TEAMS_PERSONAL_CONVERSATION_ID,
} from '../../helpers/teams-activities';
import { startTeamsTestBed } from '../../helpers/teams-test-bed';

const APP = {
  MICROSOFT_APP_ID: '0b5e8f1a-6c2d-4e3f-9a7b-1c2d3e4f5a6b',
  MICROSOFT_APP_PASSWORD: 'test-client-secret-value',
  MICROSOFT_APP_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
};

const chat = {
  answerText: async () => ({ reply: { kind: 'notice' as const, text: 'never' }, files: [], share: false }),
  answerAction: async () => ({ reply: { kind: 'notice' as const, text: 'never' }, files: [], share: false }),
};

function adapterOptions(overrides: Partial<CreateTeamsAdapterOptions>): CreateTeamsAdapterOptions {
  return {
    teams: undefined,
    devNoAuth: false,
    host: '127.0.0.1',
    chat,
    logger: silentLogger,
    defaultTimeZone: 'UTC',
    ...overrides,
  };
}

/** A non-loopback IPv4 address of this machine, if it has one. */
function findLanAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;
}

describe('Teams authentication', () => {
  it('with MICROSOFT_APP_ID, answers 401 to an activity without Authorization (or with a non-token) and sends nothing', async () => {
    const bed = await startTeamsTestBed({ ...APP, HOST: '127.0.0.1' });
    try {
      expect(bed.teams.mode).toBe('authenticated');
      const before = bed.pbx.requests.length;
      const activity = buildPersonalMessage(bed.connector.serviceUrl, { text: 'last week' });
      expect((await bed.post(activity)).status).toBe(401);
      expect((await bed.post(activity, { authorization: 'Bearer not-a-jwt' })).status).toBe(401);
      await bed.settle();
      expect(bed.connector.requestCount).toBe(0);
      expect(bed.pbx.requests.length).toBe(before);
      expect(await bed.teams.references.get(TEAMS_PERSONAL_CONVERSATION_ID)).toBeUndefined();
    } finally {
      await bed.close();
    }
  });

  it('in dev-no-auth mode, does not answer or look anything up for a serviceUrl that is not on this machine', async () => {
    const bed = await startTeamsTestBed();
    const lan = findLanAddress();
    const outside = await startFakeBotConnector({ host: '0.0.0.0' });
    try {
      const before = bed.pbx.requests.length;
      const port = new URL(outside.serviceUrl).port;
      const serviceUrls = [
        'https://smba.trafficmanager.net/emea/',
        `http://localhost.example.com:${port}/`,
        `http://127.0.0.1@example.com:${port}/`,
        ...(lan ? [`http://${lan}:${port}/`] : []),
      ];
      for (const serviceUrl of serviceUrls) {
        const response = await bed.post(buildChannelMention(serviceUrl, 'last week'));
        expect({ serviceUrl, status: response.status }).toEqual({ serviceUrl, status: 403 });
      }
      await bed.settle();
      expect(outside.requestCount).toBe(0);
      expect(bed.pbx.requests.length).toBe(before);
      const warnings = bed.logs.filter((entry) =>
        entry.message.includes('serviceUrl is not on this machine'),
      );
      expect(warnings).toHaveLength(serviceUrls.length);
    } finally {
      await Promise.all([bed.close(), outside.close()]);
    }
  });

  it('without MICROSOFT_APP_ID and without TEAMS_DEV_NO_AUTH, answers 401 to everything', async () => {
    const adapter = createTeamsAdapter(adapterOptions({}));
    expect(adapter.mode).toBe('closed');
    const server = createHttpServer(adapter.routes, silentLogger);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
      const activity = buildPersonalMessage('http://127.0.0.1:9/', { text: 'today' });
      const headerSets: Record<string, string>[] = [{}, { authorization: 'Bearer anything' }];
      for (const headers of headerSets) {
        const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(activity) });
        expect(response.status).toBe(401);
      }
      expect(await adapter.postReply('a:1', { kind: 'notice', text: 'x' })).toBe(false);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('refuses dev-no-auth on a HOST other machines can reach, and together with MICROSOFT_APP_ID', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'bot.example.com']) {
      expect(() => createTeamsAdapter(adapterOptions({ devNoAuth: true, host }))).toThrow(
        `TEAMS_DEV_NO_AUTH=true needs HOST on a loopback address (127.0.0.1, ::1 or localhost), not "${host}"`,
      );
    }
    for (const host of ['127.0.0.1', 'localhost', '::1']) {
      expect(createTeamsAdapter(adapterOptions({ devNoAuth: true, host })).mode).toBe('dev-no-auth');
    }
    const teams = {
      appId: APP.MICROSOFT_APP_ID,
      appPassword: 'x',
      tenantId: APP.MICROSOFT_APP_TENANT_ID,
      appType: 'SingleTenant' as const,
    };
    expect(() => createTeamsAdapter(adapterOptions({ devNoAuth: true, teams }))).toThrow(AppError);
    expect(createTeamsAdapter(adapterOptions({ teams, host: '0.0.0.0' })).mode).toBe('authenticated');
  });
});
